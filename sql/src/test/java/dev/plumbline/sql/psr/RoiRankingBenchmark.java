package dev.plumbline.sql.psr;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.telemetry.RollupStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The month's ROI ranking over 2,000 customers x 40 services x 30 days of hourly roll-ups (57.6M rows), through the
 * engine (client, row mapping) and as the same SQL sent bare to ClickHouse's HTTP interface, interleaved so both see the
 * same machine. Run with {@code bin/benchmark roi-ranking}; arguments: ClickHouse URL, customers, services, result
 * file, [runs].
 */
public final class RoiRankingBenchmark {

    private static final NamedQuery GENERATE = NamedQuery.load(RoiRankingBenchmark.class, "bench_generate_hours.sql");
    private static final YearMonth MONTH = YearMonth.of(2026, 9); // 30 days
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RoiRankingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int customers = Integer.parseInt(args[1]);
        int services = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 11;
        ConnectionSpec spec = new ConnectionSpec(url, "bench_roi_" + System.currentTimeMillis(), null, null);
        ClickHouse.createDatabase(spec, "");
        Clock clock = Clock.fixed(MONTH.atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (ClickHouse ch = ClickHouse.connect(spec, 2, QueryListener.NONE)) {
            new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
            ServiceCatalogStore catalog = seedBusiness(ch, clock, customers, services);
            long t0 = System.nanoTime();
            long rows = generateHours(ch, customers, services);
            long t1 = System.nanoTime();
            Period period = Period.month(MONTH);
            rollUp(ch, clock);
            long t2 = System.nanoTime();
            ch.execute(new NamedQuery("optimize", "OPTIMIZE TABLE telemetry_day FINAL"));
            long t3 = System.nanoTime();
            long dayRows = ch.queryOne(new NamedQuery("count", "SELECT count() FROM telemetry_day"), r -> r.getLong(1)).orElse(0L);

            PsrEngine engine = new PsrEngine(ch, catalog, CurrencyRates.of("USD", List.of("EUR=1.08", "GBP=1.27")),
                    RoiModel.DEFAULT, clock);
            String bare = bareQuery(PsrEngine.rankingQuery(), engine.rankingParams(period, RankingFilter.NONE, 0, 100));
            long total = engine.ranking(period, RankingFilter.NONE, 0, 100).total();
            int bareRows = http(url, spec.database(), bare).split("\n").length;
            for (int i = 0; i < 2; i++) { // warm-up
                engine.ranking(period, RankingFilter.NONE, 0, 100);
                http(url, spec.database(), bare);
            }
            double[] viaEngine = new double[runs];
            double[] viaHttp = new double[runs];
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                engine.ranking(period, RankingFilter.NONE, 0, 100);
                long b = System.nanoTime();
                http(url, spec.database(), bare);
                long c = System.nanoTime();
                viaEngine[i] = (b - a) / 1e9;
                viaHttp[i] = (c - b) / 1e9;
            }
            double[] byService = time(runs, () -> engine.rankingByService(period, 0, 100));
            double[] health = time(runs, () -> engine.health(period, "", 0, 100));
            double[] figures = time(runs, () -> engine.services(period));
            String report = String.format(Locale.ROOT, """
                    ROI ranking benchmark: %d customers x %d services x %d days of hourly roll-ups
                      hourly rows generated:                %,d in %.1f s
                      service-hour and daily roll-ups (%,d day rows): %.1f s (+ OPTIMIZE FINAL %.1f s)
                      slices over budget in the ranking:    %,d (page of 100 read; bare SQL returned %d rows)
                      month's ROI ranking, %d runs (p50 / min / max):
                        through the engine (JDBC + mapping): %.3f / %.3f / %.3f s
                        same SQL bare over HTTP:             %.3f / %.3f / %.3f s
                        ratio engine / bare (p50):           %.2f
                      ranking by service p50:               %.3f s
                      customer health p50:                  %.3f s
                      service figures p50:                  %.3f s
                    """, customers, services, MONTH.lengthOfMonth(), rows, (t1 - t0) / 1e9, dayRows, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9, total, bareRows, runs, p50(viaEngine), min(viaEngine), max(viaEngine),
                    p50(viaHttp), min(viaHttp), max(viaHttp), p50(viaEngine) / p50(viaHttp), p50(byService),
                    p50(health), p50(figures));
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            if (System.getenv("BENCH_KEEP") == null) {
                ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database() + " SYNC"));
            } else {
                System.out.println("kept database " + spec.database() + " (BENCH_KEEP)");
            }
        }
    }

    /** The benchmark's month: September 2026 (30 days). */
    public static final YearMonth BENCH_MONTH = MONTH;

    /** The catalog (services with availability and latency objectives) and the customers; returns the catalog. */
    public static ServiceCatalogStore seedBusiness(ClickHouse ch, Clock clock, int customers, int services) {
        ServiceCatalogStore catalog = new ServiceCatalogStore(ch, clock);
        catalog.upsert(services(services), objectives(services));
        new CustomerStore(ch, clock).upsert(customers(customers));
        return catalog;
    }

    /** Every customer x service x hour of the month, generated by ClickHouse itself; returns the rows written. */
    public static long generateHours(ClickHouse ch, int customers, int services) {
        long rows = 0;
        for (int day = 1; day <= MONTH.lengthOfMonth(); day++) {
            long n = 24L * customers * services;
            ch.execute(GENERATE, dev.plumbline.sql.Params.of("day_start", MONTH.atDay(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                    .and("customers", customers).and("services", services).and("rows", n));
            rows += n;
        }
        return rows;
    }

    /** The per-service hours, the daily and the monthly roll-up of the month. */
    public static void rollUp(ClickHouse ch, Clock clock) {
        Period period = Period.month(MONTH);
        RollupStore rollups = new RollupStore(ch, clock);
        // a day at a time, as the collectors do (a whole month in one statement outlasts the client's timeout at
        // 20,000 customers), then the month once
        for (java.time.Instant d = period.from(); d.isBefore(period.to()); d = d.plus(1, java.time.temporal.ChronoUnit.DAYS)) {
            java.time.Instant next = d.plus(1, java.time.temporal.ChronoUnit.DAYS);
            rollups.rollUpServiceHours(d, next);
            rollups.rollUpDaysOnly(d, next);
        }
        rollups.rollUpMonths(period.from(), period.to());
    }

    static List<Service> services(int n) {
        List<Service> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(new Service(String.format("svc-%02d", s), "Service " + s, "", "team-" + (s % 8), "tier-" + (1 + s % 3),
                    1 + s % 5));
        }
        return out;
    }

    static List<Objective> objectives(int n) {
        List<Objective> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            String name = String.format("svc-%02d", s);
            out.add(new Objective(name, "availability", Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(30)));
            out.add(new Objective(name, "latency", Indicator.LATENCY, 0.95, 1000.0, ObjectiveWindow.rolling(30)));
        }
        return out;
    }

    static List<Customer> customers(int n) {
        Random random = new Random(11);
        String[] segments = {"enterprise", "mid-market", "smb"};
        String[] regions = {"us-east", "us-west", "eu-west", "eu-central", "ap-southeast"};
        String[] currencies = {"USD", "USD", "USD", "EUR", "GBP"};
        List<Customer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            BigDecimal arr = BigDecimal.valueOf(20_000 * Math.exp(1.2 * random.nextGaussian())).setScale(2, RoundingMode.HALF_UP);
            out.add(new Customer(String.format("cus-%04d", i), "Customer " + i, segments[random.nextInt(3)],
                    regions[random.nextInt(5)], "growth", arr, currencies[random.nextInt(5)], 10, 5,
                    LocalDate.of(2026, 10, 1).plusDays(random.nextInt(365)), random.nextInt(20_000) / 10.0,
                    LocalDate.of(2026, 1, 1)));
        }
        return out;
    }

    /** The statement's URL parameters as the server reads them (param_NAME=text) after a '?', then the statement. */
    static String bareQuery(dev.plumbline.sql.NamedQuery query, dev.plumbline.sql.Params params) {
        StringBuilder url = new StringBuilder();
        dev.plumbline.sql.ClickHouse.serverParameters(query, params).forEach((k, v) -> url.append("&param_").append(k)
                .append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return url + "\n" + query.sql();
    }

    private static String http(String url, String database, String bare) throws Exception {
        int split = bare.indexOf('\n');
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                        + bare.substring(0, split)))
                .POST(HttpRequest.BodyPublishers.ofString(bare.substring(split + 1))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bare query failed: " + response.body());
        }
        return response.body();
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double[] time(int runs, Run run) throws Exception {
        run.run();
        double[] out = new double[runs];
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            run.run();
            out[i] = (System.nanoTime() - a) / 1e9;
        }
        return out;
    }

    private static double p50(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(0);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }
}
