package dev.plumbline.collectors.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo platform's traffic: deterministic for a seed, second by second. Each customer uses a subset of the
 * services; volume follows a daily cycle; latency is log-normal around each service's median; and four problems are
 * planted whose ground truth {@link #planted()} gives:
 * <ul>
 *   <li>{@code search} is slow (x6) for every customer keeping 1 TB of data or more;</li>
 *   <li>{@code checkout} fails 10% of requests for two hours after a deploy at {@code deployAt};</li>
 *   <li>the largest customer in {@code eu-west} is slow (x4) and fails 3% on {@code api-gateway}, a degraded region;</li>
 *   <li>after those two hours, the deploy still fails {@link #RESIDUAL_ERROR_RATE} of the requests of checkout's
 *       {@link #RESIDUAL_CUSTOMERS} busiest customers until it is rolled back, {@link #ROLLBACK_AFTER} after it
 *       (above checkout's budget for them, and below it over the whole service).</li>
 * </ul>
 * The same second always gives the same requests, so a live platform, a backfilled history and a test's expectation
 * agree.
 */
public final class DemoTraffic {

    /** Prometheus' default classic bucket bounds, in seconds (+Inf is implied). */
    public static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** Below every demo objective's budget (the strictest allows 1e-4), so only planted problems burn budgets. */
    private static final double BASE_ERROR_RATE = 0.00003;

    private final List<String> services;
    private final List<DemoCustomer> customers;
    private final long seed;
    private final List<DemoSlice> slices;
    private final double[] sliceRps;
    private final double[] medianSeconds;
    private final List<PlantedProblem> planted;

    /** The share of the busiest checkout customers' requests the deploy fails after its first two hours. */
    public static final double RESIDUAL_ERROR_RATE = 6e-4;
    /** How many of checkout's busiest customers (by their checkout traffic) keep failing until the rollback. */
    public static final int RESIDUAL_CUSTOMERS = 5;
    /** When the deploy is rolled back, after it (on a whole hour, as every planted problem starts and ends). */
    public static final java.time.Duration ROLLBACK_AFTER = java.time.Duration.ofDays(5).plusHours(2);

    /** The request generator; {@code services} should include search, checkout and api-gateway for the planted problems. */
    public DemoTraffic(List<String> services, List<DemoCustomer> customers, long seed, Instant deployAt) {
        this(services, customers, seed, deployAt, java.util.Map.of());
    }

    /**
     * As above, with the median latency of some services in seconds (the others get 20-90 ms); a service's median
     * well under its latency threshold keeps it inside its objective unless a problem is planted there.
     */
    public DemoTraffic(List<String> services, List<DemoCustomer> customers, long seed, Instant deployAt,
                       java.util.Map<String, Double> medians) {
        this(services, customers, seed, deployAt, medians, 0.6);
    }

    /** As above; {@code serviceShare} is the chance a customer uses each service (1: every customer uses every one). */
    public DemoTraffic(List<String> services, List<DemoCustomer> customers, long seed, Instant deployAt,
                       java.util.Map<String, Double> medians, double serviceShare) {
        this.services = List.copyOf(services);
        this.customers = List.copyOf(customers);
        this.seed = seed;
        List<DemoSlice> all = new ArrayList<>();
        List<Double> rps = new ArrayList<>();
        for (DemoCustomer c : customers) {
            SplittableRandom r = new SplittableRandom(seed ^ c.id().hashCode());
            List<String> used = new ArrayList<>();
            for (String s : services) {
                if (s.equals("api-gateway") || s.equals("search") || r.nextDouble() < serviceShare) {
                    used.add(s);
                }
            }
            double[] weights = used.stream().mapToDouble(s -> s.equals("api-gateway") ? 3 : 0.5 + r.nextDouble()).toArray();
            double sum = java.util.Arrays.stream(weights).sum();
            for (int i = 0; i < used.size(); i++) {
                all.add(new DemoSlice(used.get(i), c.id()));
                rps.add(c.rps() * weights[i] / sum);
            }
        }
        this.slices = List.copyOf(all);
        this.sliceRps = rps.stream().mapToDouble(Double::doubleValue).toArray();
        this.medianSeconds = services.stream().mapToDouble(s -> medians.getOrDefault(s,
                0.02 + 0.01 * Math.floorMod(s.hashCode(), 8))).toArray();
        this.planted = plant(deployAt);
    }

    public List<DemoSlice> slices() {
        return slices;
    }

    public List<String> services() {
        return services;
    }

    public List<DemoCustomer> customers() {
        return customers;
    }

    /** The ground truth: what is wrong, where and when. */
    public List<PlantedProblem> planted() {
        return planted;
    }

    /** Receives each generated request. */
    public interface Sink {
        void request(DemoSlice slice, boolean failed, double seconds);
    }

    /** Generates every request of the whole second starting at {@code second} (epoch seconds). */
    public void second(long second, Sink sink) {
        Instant at = Instant.ofEpochSecond(second);
        double cycle = dailyCycle(at);
        for (int i = 0; i < slices.size(); i++) {
            DemoSlice slice = slices.get(i);
            SplittableRandom r = new SplittableRandom(seed * 31 + second * 1_000_003L + i);
            int n = poisson(r, sliceRps[i] * cycle);
            if (n == 0) {
                continue;
            }
            double median = medianSeconds[services.indexOf(slice.service())];
            double errorRate = BASE_ERROR_RATE;
            for (PlantedProblem p : planted) {
                if (p.hits(slice, at)) {
                    median *= p.latencyFactor();
                    errorRate = Math.max(errorRate, p.errorRate());
                }
            }
            for (int k = 0; k < n; k++) {
                boolean failed = r.nextDouble() < errorRate;
                double seconds = median * Math.exp(0.6 * r.nextGaussian());
                sink.request(slice, failed, seconds);
            }
        }
    }

    /**
     * What an hour holds on average, for history written straight into the hourly roll-up.
     *
     * @param errors    the expected failures, rounded
     * @param errorRate the share of requests that fail (the expectation before rounding)
     */
    public record ExpectedHour(DemoSlice slice, double requests, double errors, double[] bucketCounts,
                               double errorRate) {
    }

    /** One service's minute, all its customers summed: for history written as per-service minutes. */
    public record ServiceMinute(String service, Instant minute, double requests, double errors, double[] bucketCounts) {
    }

    /**
     * The expected requests, errors and latency buckets (per bucket; the last is +Inf) of each slice in the hour
     * starting at {@code hour}: the same rates, daily cycle, latency distribution and planted problems as
     * {@link #second}, evaluated at the hour's middle instead of sampled (planted problems start on whole hours).
     */
    public List<ExpectedHour> expectedHour(Instant hour) {
        Instant middle = hour.plusSeconds(1800);
        double cycle = dailyCycle(middle);
        List<ExpectedHour> out = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            DemoSlice slice = slices.get(i);
            double median = medianSeconds[services.indexOf(slice.service())];
            double errorRate = BASE_ERROR_RATE;
            for (PlantedProblem p : planted) {
                if (p.hits(slice, middle)) {
                    median *= p.latencyFactor();
                    errorRate = Math.max(errorRate, p.errorRate());
                }
            }
            double requests = Math.round(sliceRps[i] * cycle * 3600);
            if (requests == 0) {
                continue;
            }
            double[] buckets = new double[BUCKETS.length + 1];
            double below = 0;
            for (int b = 0; b < BUCKETS.length; b++) {
                double cumulative = requests * normalCdf(Math.log(BUCKETS[b] / median) / 0.6);
                buckets[b] = cumulative - below;
                below = cumulative;
            }
            buckets[BUCKETS.length] = requests - below;
            out.add(new ExpectedHour(slice, requests, Math.round(requests * errorRate), buckets, errorRate));
        }
        return out;
    }

    /**
     * Every service's minutes of the hour starting at {@code hour}, from that hour's expectation per slice
     * ({@code expected}, as {@link #expectedHour} gives it): requests and latency buckets summed per service and
     * spread over the minutes by the daily cycle, so the minutes of an hour hold its requests; failures drawn per
     * minute from a Poisson law around the expected (unrounded) ones, the same for the same seed, service and minute,
     * so a stray failure shows in a minute as it does in the live platform's.
     */
    public List<ServiceMinute> serviceMinutes(Instant hour, List<ExpectedHour> expected) {
        double[] weights = new double[60];
        double sum = 0;
        for (int m = 0; m < 60; m++) {
            weights[m] = dailyCycle(hour.plusSeconds(60L * m + 30));
            sum += weights[m];
        }
        java.util.Map<String, double[]> totals = new java.util.LinkedHashMap<>();   // requests, errors, buckets...
        for (ExpectedHour e : expected) {
            double[] t = totals.computeIfAbsent(e.slice().service(), s -> new double[2 + BUCKETS.length + 1]);
            t[0] += e.requests();
            t[1] += e.requests() * e.errorRate();
            for (int b = 0; b < e.bucketCounts().length; b++) {
                t[2 + b] += e.bucketCounts()[b];
            }
        }
        List<ServiceMinute> out = new ArrayList<>(totals.size() * 60);
        for (var entry : totals.entrySet()) {
            double[] t = entry.getValue();
            for (int m = 0; m < 60; m++) {
                double share = weights[m] / sum;
                Instant minute = hour.plusSeconds(60L * m);
                double[] buckets = new double[BUCKETS.length + 1];
                for (int b = 0; b < buckets.length; b++) {
                    buckets[b] = t[2 + b] * share;
                }
                SplittableRandom r = new SplittableRandom(seed * 17 + entry.getKey().hashCode() * 1_000_003L
                        + minute.getEpochSecond() / 60);
                out.add(new ServiceMinute(entry.getKey(), minute, t[0] * share,
                        Math.min(t[0] * share, poisson(r, t[1] * share)), buckets));
            }
        }
        return out;
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26; error below 1.5e-7). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-z * z);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    /** 0.5 at 04:00 UTC, 1.5 at 16:00 UTC. */
    static double dailyCycle(Instant at) {
        double hour = at.atOffset(ZoneOffset.UTC).getHour() + at.atOffset(ZoneOffset.UTC).getMinute() / 60.0;
        return 1 + 0.5 * Math.sin(2 * Math.PI * (hour - 10) / 24);
    }

    private static int poisson(SplittableRandom r, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= r.nextDouble();
        }
        return n;
    }

    private List<PlantedProblem> plant(Instant deployAt) {
        Instant always = Instant.EPOCH;
        Instant forever = Instant.parse("9999-01-01T00:00:00Z");
        List<PlantedProblem> out = new ArrayList<>();
        Set<DemoSlice> bigData = new LinkedHashSet<>();
        customers.stream().filter(c -> c.dataVolumeGb() >= 1000).forEach(c -> bigData.add(new DemoSlice("search", c.id())));
        bigData.retainAll(Set.copyOf(slices));
        out.add(new PlantedProblem("search-large-volume", "search is slow for customers keeping 1 TB or more",
                bigData, always, forever, 6, 0));
        Set<DemoSlice> checkout = new LinkedHashSet<>();
        slices.stream().filter(s -> s.service().equals("checkout")).forEach(checkout::add);
        out.add(new PlantedProblem("checkout-deploy", "checkout fails 10% of requests for two hours after a deploy",
                checkout, deployAt, deployAt.plusSeconds(7200), 1, 0.10));
        customers.stream().filter(c -> c.region().equals("eu-west")).max(Comparator.comparingDouble(DemoCustomer::rps))
                .ifPresent(c -> out.add(new PlantedProblem("eu-west-gateway",
                        c.id() + " is slow and failing on api-gateway from the degraded eu-west region",
                        Set.of(new DemoSlice("api-gateway", c.id())), always, forever, 4, 0.03)));
        Set<DemoSlice> busiest = new LinkedHashSet<>();
        java.util.stream.IntStream.range(0, slices.size()).boxed().filter(i -> slices.get(i).service().equals("checkout"))
                .sorted(Comparator.comparingDouble((Integer i) -> sliceRps[i]).reversed()
                        .thenComparing(i -> slices.get(i).customer()))
                .limit(RESIDUAL_CUSTOMERS).forEach(i -> busiest.add(slices.get(i)));
        out.add(new PlantedProblem("checkout-deploy-residual", "after its first two hours the checkout deploy still "
                + "fails 0.06% of its busiest customers' requests until its rollback",
                busiest, deployAt.plusSeconds(7200), deployAt.plus(ROLLBACK_AFTER), 1, RESIDUAL_ERROR_RATE));
        return List.copyOf(out);
    }
}
