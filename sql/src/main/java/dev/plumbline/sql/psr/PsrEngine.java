package dev.plumbline.sql.psr;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PSR figures and the ROI ranking for any period, computed in ClickHouse over all slices at once (the views
 * slice_totals and psr_slices, the queries in this package's folder); this class binds the parameters and maps rows.
 */
public final class PsrEngine {

    private static final NamedQuery RANKING = NamedQuery.load(PsrEngine.class, "roi_ranking.sql");
    private static final NamedQuery BY_SERVICE = NamedQuery.load(PsrEngine.class, "roi_by_service.sql");
    private static final NamedQuery BY_SEGMENT = NamedQuery.load(PsrEngine.class, "roi_by_segment.sql");
    private static final NamedQuery HEALTH = NamedQuery.load(PsrEngine.class, "customer_health.sql");
    private static final NamedQuery SLICES = NamedQuery.load(PsrEngine.class, "slice_figures.sql");
    private static final NamedQuery SERVICES = NamedQuery.load(PsrEngine.class, "service_figures.sql");
    private static final NamedQuery GROUPS = NamedQuery.load(PsrEngine.class, "group_figures.sql");
    private static final NamedQuery PEAKS = NamedQuery.load(PsrEngine.class, "service_peak_rps.sql");
    private static final NamedQuery COVERAGE = NamedQuery.load(PsrEngine.class, "coverage.sql");
    private static final NamedQuery SUMMARY_RISKS = NamedQuery.load(PsrEngine.class, "summary_risks.sql");
    private static final NamedQuery PLATFORM_TOTALS = NamedQuery.load(PsrEngine.class, "platform_totals.sql");
    private static final NamedQuery PLATFORM_DAYS = NamedQuery.load(PsrEngine.class, "platform_days.sql");
    private static final NamedQuery SERVICE_DAYS = NamedQuery.load(PsrEngine.class, "service_days.sql");
    private static final NamedQuery SERVICE_SEGMENT_DAYS = NamedQuery.load(PsrEngine.class, "service_segment_days.sql");
    private static final NamedQuery CUSTOMER_DAYS = NamedQuery.load(PsrEngine.class, "customer_days.sql");
    private static final NamedQuery SOURCES = NamedQuery.load(PsrEngine.class, "services_of_sources.sql");
    private static final NamedQuery MONTHS = NamedQuery.load(PsrEngine.class, "months_with_data.sql");
    private static final NamedQuery FILTER_VALUES = NamedQuery.load(PsrEngine.class, "filter_values.sql");
    private static final NamedQuery SERVICE_CUSTOMERS = NamedQuery.load(PsrEngine.class, "service_customers.sql");
    private static final NamedQuery EXPLORE = NamedQuery.load(PsrEngine.class, "explore_groups.sql");

    /** What customers can be grouped by. */
    public enum GroupBy {
        SEGMENT, REGION, PLAN, VOLUME_BAND;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT).replace("volume_band", "volume");
        }
    }

    private final ClickHouse clickHouse;
    private final ServiceCatalogStore catalog;
    private final CurrencyRates rates;
    private final RoiModel model;
    private final Clock clock;
    private final TimeSliceQuery timeSlices;
    private final FigureCache cache;

    /** An engine that computes every figure when asked for (no {@link FigureCache}). */
    public PsrEngine(ClickHouse clickHouse, ServiceCatalogStore catalog, CurrencyRates rates, RoiModel model, Clock clock) {
        this(clickHouse, catalog, rates, model, clock, FigureCache.none(clickHouse));
    }

    /** An engine that keeps its figures in {@code cache} for as long as the data they read does not change. */
    public PsrEngine(ClickHouse clickHouse, ServiceCatalogStore catalog, CurrencyRates rates, RoiModel model, Clock clock,
                     FigureCache cache) {
        this.cache = cache;
        this.clickHouse = clickHouse;
        this.catalog = catalog;
        this.rates = rates;
        this.model = model;
        this.clock = clock;
        this.timeSlices = new TimeSliceQuery(clickHouse);
    }

    public RoiModel model() {
        return model;
    }

    public CurrencyRates rates() {
        return rates;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The ranking of slices over budget, best return first. */
    public Ranking<SliceRisk> ranking(Period period, RankingFilter filter, int offset, int limit) {
        return cache.get(java.util.Arrays.asList("ranking", period, filter, offset, limit, "today " + today()), () -> {
            long[] total = {0};
            List<SliceRisk> rows = clickHouse.query(RANKING, rankingParams(period, filter, offset, limit), row -> {
                total[0] = row.getLong("total_rows");
                return sliceRisk(row);
            });
            return new Ranking<>(rows.isEmpty() ? count(RANKING, period, filter) : total[0], offset, limit, rows);
        });
    }

    /** The ranking's statement and its parameters (for the benchmark that runs the same SQL bare). */
    static NamedQuery rankingQuery() {
        return RANKING;
    }

    Params rankingParams(Period period, RankingFilter filter, int offset, int limit) {
        return psrParams(period).and("segment", filter.segment()).and("region", filter.region())
                .and("plan", filter.plan()).and("service", filter.service()).and("volume_band", filter.volumeBand())
                .and("renewal_within_days", filter.renewalWithinDays()).and("limit", limit).and("offset", offset);
    }

    /** The ranking by service: revenue at risk over its customers per engineer-week of its effort. */
    public Ranking<ServiceRisk> rankingByService(Period period, int offset, int limit) {
        return cache.get(java.util.Arrays.asList("rankingByService", period, offset, limit, "today " + today()), () -> {
            long[] total = {0};
            List<ServiceRisk> rows = clickHouse.query(BY_SERVICE, psrParams(period).and("limit", limit).and("offset", offset), row -> {
                total[0] = row.getLong("total_rows");
                double top = row.getDouble("top_roi");
                double roi = row.getDouble("service_roi");
                return new ServiceRisk(row.getString("service"), row.getLong("customers_affected"), row.getString("problem"),
                        row.getString("largest_customer"), row.getString("largest_customer_name"),
                        row.getDouble("service_revenue_at_risk"), row.getDouble("service_effort_weeks"), roi,
                        row.getDoubleOrNull("worst_badness"), row.getDouble("service_requests"), top > 0 ? 100 * roi / top : 0);
            });
            return new Ranking<>(total[0], offset, limit, rows);
        });
    }

    /** What a ranking can be narrowed to in a period: the customers' segments, regions and plans, the catalog's services. */
    public RankingFilter.Values filterValues(Period period) {
        return cache.get(java.util.Arrays.asList("filterValues", period), () -> {
            Map<String, List<String>> by = new HashMap<>();
            clickHouse.query(FILTER_VALUES, Params.of("as_of", period.lastDay()),
                    row -> by.computeIfAbsent(row.getString("field"), k -> new ArrayList<>()).add(row.getString("value")));
            return new RankingFilter.Values(by.getOrDefault("segment", List.of()), by.getOrDefault("region", List.of()),
                    by.getOrDefault("plan", List.of()), by.getOrDefault("service", List.of()));
        });
    }

    /** The ranking by customer segment. */
    public List<SegmentRisk> rankingBySegment(Period period) {
        return cache.get(java.util.Arrays.asList("rankingBySegment", period, "today " + today()), () -> {
            return clickHouse.query(BY_SEGMENT, psrParams(period), row -> new SegmentRisk(row.getString("segment_name"),
                    row.getLong("customers_affected"), row.getDouble("segment_revenue_at_risk"), row.getDoubleOrNull("worst_badness"),
                    100 * zeroIfNull(row.getDoubleOrNull("relative_score"))));
        });
    }

    /** Customers' technical health, worst first; {@code customer} "" for all. */
    public Ranking<CustomerHealth> health(Period period, String customer, int offset, int limit) {
        return cache.get(java.util.Arrays.asList("health", period, customer, offset, limit, "today " + today()), () -> {
            long[] total = {0};
            Params params = psrParams(period).and("customer", customer).and("limit", limit).and("offset", offset);
            List<CustomerHealth> rows = clickHouse.query(HEALTH, params, row -> {
                total[0] = row.getLong("total_rows");
                return new CustomerHealth(row.getString("customer"), row.getString("name_of_customer"),
                        row.getString("segment_of_customer"), row.getBigDecimal("customer_arr_reporting"),
                        row.getLocalDate("customer_renewal_date"), row.getDoubleOrNull("health"),
                        row.getLong("services_used"), row.getLong("services_over_budget"), row.getString("worst_service"),
                        row.getDoubleOrNull("worst_badness"), row.getDouble("customer_revenue_at_risk"));
            });
            return new Ranking<>(total[0], offset, limit, rows);
        });
    }

    /** The executive summary: platform availability, objectives met, share of ARR inside objectives, revenue at risk. */
    public PlatformSummary summary(Period period) {
        return summary(period, 0).figures();
    }

    /**
     * The summary's figures with its {@code top} largest risks, and the previous period's figures.
     *
     * @param changes every card's change from the previous period
     */
    public record Summary(PlatformSummary figures, PlatformSummary.Changes changes, List<SliceRisk> risks) {
    }

    /**
     * The summary and its largest risks: the customers' totals and the risks come from one pass over the slices
     * (summary_risks.sql), the previous period from its plain totals; the three statements run at once.
     */
    public Summary summary(Period period, int top) {
        return cache.get(java.util.Arrays.asList("summary", period, top, "today " + today()), () -> {
            var previous = java.util.concurrent.CompletableFuture.supplyAsync(() -> clickHouse.queryOne(PLATFORM_TOTALS,
                    range(period.previous()), row -> new double[] {row.getDouble("requests"), row.getDouble("errors")})
                    .orElse(new double[2]));
            Figured now = figures(period, top, previous);
            PlatformSummary before = figures(period.previous(), 1, null).figures();
            return new Summary(now.figures(), now.figures().against(before.availability() == null ? null : before),
                    now.risks().subList(0, Math.min(top, now.risks().size())));
        });
    }

    /** A period's summary figures and largest risks (with no previous totals: no availability change). */
    private record Figured(PlatformSummary figures, List<SliceRisk> risks) {
    }

    private Figured figures(Period period, int top, java.util.concurrent.CompletableFuture<double[]> previous) {
        var current = java.util.concurrent.CompletableFuture.supplyAsync(() -> services(period));
        PlatformSummary.CustomerTotals[] totals = {null};
        List<SliceRisk> risks = clickHouse.query(SUMMARY_RISKS, psrParams(period).and("limit", Math.max(1, top)), row -> {
            totals[0] = new PlatformSummary.CustomerTotals(row.getDouble("arr_total"), row.getDouble("arr_outside"),
                    row.getDouble("risk_total"), Math.round(row.getDouble("customers_total")));
            return sliceRisk(row);
        });
        if (totals[0] == null) {   // nothing over budget: every customer is inside its objectives
            List<CustomerHealth> all = health(period, "", 0, Integer.MAX_VALUE).rows();
            double arr = all.stream().mapToDouble(c -> c.arrReporting() == null ? 0 : c.arrReporting().doubleValue()).sum();
            totals[0] = new PlatformSummary.CustomerTotals(arr, 0, 0, all.size());
        }
        double[] before = previous == null ? new double[2] : join(previous);
        return new Figured(PlatformSummary.of(join(current), before[0], before[1], totals[0]), risks);
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * The platform's days from the first day of the period before {@code period} to {@code period}'s last day (what
     * the Summary page charts and /api/v1/summary serves): every day of that range, with its availability.
     */
    public List<PlatformDay> platformDays(Period period) {
        return platformDays(period.previous().from().atOffset(java.time.ZoneOffset.UTC).toLocalDate(),
                period.lastDay().plusDays(1));
    }

    /** The months in which some service has telemetry, newest first (what the pages' month lists offer). */
    public List<java.time.YearMonth> monthsWithData() {
        return cache.get(java.util.Arrays.asList("monthsWithData"), () -> {
            return clickHouse.query(MONTHS, row -> java.time.YearMonth.from(row.getLocalDate("month")));
        });
    }

    /** Every day of [from, toExclusive) over every service and customer: requests, errors, availability. */
    public List<PlatformDay> platformDays(LocalDate from, LocalDate toExclusive) {
        return cache.get(java.util.Arrays.asList("platformDays", from, toExclusive), () -> {
            return clickHouse.query(PLATFORM_DAYS, days(from, toExclusive), row -> new PlatformDay(row.getLocalDate("day"),
                    row.getDouble("requests"), row.getDouble("errors"), row.getDoubleOrNull("availability")));
        });
    }

    /** One service's days in [from, toExclusive): requests, error rate, p95 from the day's merged histogram, segments. */
    public ServiceTrend serviceTrend(String service, LocalDate from, LocalDate toExclusive) {
        return cache.get(java.util.Arrays.asList("serviceTrend", service, from, toExclusive), () -> {
            List<ServiceTrend.Day> days = clickHouse.query(SERVICE_DAYS, days(from, toExclusive).and("service", service), row -> {
                double requests = row.getDouble("requests");
                double errors = row.getDouble("errors");
                return new ServiceTrend.Day(row.getLocalDate("day"), requests, errors,
                        requests > 0 ? errors / requests : 0, dayP95(row));
            });
            List<ServiceTrend.SegmentDay> segments = clickHouse.query(SERVICE_SEGMENT_DAYS, days(from, toExclusive)
                    .and("service", service).and("as_of", toExclusive.minusDays(1)), row -> new ServiceTrend.SegmentDay(
                    row.getLocalDate("day"), row.getString("customer_segment"), row.getDouble("requests")));
            return new ServiceTrend(service, days, segments);
        });
    }

    /**
     * One customer's days in [from, toExclusive), per service (requests, error rate, p95 of the day's merged histogram)
     * and over all its services ({@link CustomerTrend#of}).
     */
    public CustomerTrend customerTrend(String customer, LocalDate from, LocalDate toExclusive) {
        return cache.get(java.util.Arrays.asList("customerTrend", customer, from, toExclusive), () -> {
            return CustomerTrend.of(customer, clickHouse.query(CUSTOMER_DAYS, days(from, toExclusive).and("customer", customer), row -> {
                double requests = row.getDouble("requests");
                double errors = row.getDouble("errors");
                return new CustomerTrend.ServiceDay(row.getLocalDate("day"), row.getString("service"), requests,
                        errors, requests > 0 ? errors / requests : 0, dayP95(row));
            }));
        });
    }

    /** The p95 of a day's merged histogram (service_days.sql, customer_days.sql), null when it cannot be merged. */
    private static Double dayP95(Row row) {
        List<Double> le = row.getDoubles("le");
        List<Double> counts = row.getDoubles("counts");
        if (le.isEmpty() || !row.getBoolean("mergeable") || row.getLong("layouts") > 1) {
            return null;
        }
        return new Histogram(le, counts.size() == le.size() ? counts : pad(counts, le.size())).quantile(0.95);
    }

    /** Figures per service, with objectives judged, peak throughput and coverage. */
    public List<Figures> services(Period period) {
        return cache.get(java.util.Arrays.asList("services", period), () -> {
            Map<String, List<Objective>> objectives = objectivesByService();
            Map<String, Peak> peaks = new HashMap<>();
            clickHouse.query(PEAKS, hours(period), row -> peaks.put(row.getString("service"),
                    new Peak(row.getDouble("peak_rps"), row.getBoolean("peak_from_minutes"))));
            Map<String, Double> coverage = serviceCoverage(period);
            TimeSliceQuery.Lookup sliced = timeSlices.count(all(objectives), period, false, "", "");
            return clickHouse.query(SERVICES, range(period), row -> figures(row.getString("service"), row.getString("service"),
                    row, row.getLong("customers"), peaks.get(row.getString("service")), coverage.get(row.getString("service")),
                    objectives, period, o -> sliced.of(o, "")));
        });
    }

    /** Figures per service next to the previous period's ({@link Period#previous()}). */
    public List<MonthOverMonth> servicesMonthOverMonth(Period period) {
        return MonthOverMonth.pair(services(period), services(period.previous()));
    }

    /** Figures per slice; {@code service} and {@code customer} "" for all. */
    public Ranking<Figures> slices(Period period, String service, String customer, int offset, int limit) {
        return cache.get(java.util.Arrays.asList("slices", period, service, customer, offset, limit), () -> {
            Map<String, List<Objective>> objectives = objectivesByService();
            Map<String, Double> coverage = serviceCoverage(period);
            long[] total = {0};
            TimeSliceQuery.Lookup sliced = timeSlices.count(all(objectives), period, true, service, customer);
            Params params = range(period).and("service", service).and("customer", customer).and("limit", limit)
                    .and("offset", offset);
            List<Figures> rows = clickHouse.query(SLICES, params, row -> {
                total[0] = row.getLong("total_rows");
                String customerOfRow = row.getString("customer");
                return figures(row.getString("service") + "/" + customerOfRow, row.getString("service"), row, 1,
                        null, coverage.get(row.getString("service")), objectives, period, o -> sliced.of(o, customerOfRow));
            });
            return new Ranking<>(total[0], offset, limit, rows);
        });
    }

    /**
     * Every customer of {@code service} in the period with its figures, the most hurt first: by revenue at risk when
     * {@code byMoney}, else by badness (service_customers.sql). Empty for a service without traffic.
     */
    public List<CustomerImpact> customersOf(Period period, String service, boolean byMoney) {
        return cache.get(java.util.Arrays.asList("customersOf", period, service, byMoney, "today " + today()), () -> {
            Map<String, Figures> figures = new HashMap<>();
            slices(period, service, "", 0, Integer.MAX_VALUE).rows()
                    .forEach(f -> figures.put(f.key().substring(f.key().indexOf('/') + 1), f));
            return clickHouse.query(SERVICE_CUSTOMERS, psrParams(period).and("service", service).and("by_money", byMoney),
                    row -> new CustomerImpact(row.getString("customer"), row.getBoolean("customer_known"),
                            row.getString("customer_name"), row.getDoubleOrNull("badness"), row.getString("worst_kind"),
                            row.getDouble("revenue_at_risk"), figures.get(row.getString("customer"))))
                    .stream().filter(c -> c.figures() != null).toList();
        });
    }

    /** Figures per group of customers and service. */
    public List<Figures> groups(Period period, GroupBy by) {
        return cache.get(java.util.Arrays.asList("groups", period, by), () -> {
            Map<String, List<Objective>> objectives = objectivesByService();
            Map<String, Double> coverage = serviceCoverage(period);
            Params params = range(period).and("group_by", by.sql()).and("as_of", period.lastDay());
            return clickHouse.query(GROUPS, params, row -> figures(row.getString("group_key") + "/" + row.getString("service"),
                    row.getString("service"), row, row.getLong("customers"), null, coverage.get(row.getString("service")),
                    objectives, period, o -> null));
        });
    }

    /**
     * The period's slices grouped {@code by} (only {@code service}'s unless it is ""), by key: what the Explore page
     * shows (explore_groups.sql). A group's coverage, for its average throughput, is the lowest of its services'.
     */
    public List<ExploreGroup> explore(Period period, ExploreBy by, String service) {
        return cache.get(java.util.Arrays.asList("explore", period, by, service, "today " + today()), () -> {
            Map<String, Double> coverage = serviceCoverage(period);
            Params params = psrParams(period).and("group_by", by.id()).and("service", service);
            return clickHouse.query(EXPLORE, params, row -> {
                String key = row.getString("group_key");
                List<String> services = row.getStrings("services");
                Double lowest = services.stream().map(coverage::get).filter(java.util.Objects::nonNull).min(Double::compare)
                        .orElse(null);
                String label = !row.getString("group_label").isEmpty() ? row.getString("group_label")
                        : key.isEmpty() ? "(unknown)" : key;
                return new ExploreGroup(key, label, row.getLong("customers_outside"), row.getDouble("revenue_at_risk"),
                        services, figures(key, services.size() == 1 ? services.getFirst() : "", row, row.getLong("customers"),
                                null, lowest, Map.of(), period, o -> null));
            });
        });
    }

    /** Per source, the share of the period's minutes it collected. */
    public Map<String, Double> coverageBySource(Period period) {
        return cache.get(java.util.Arrays.asList("coverageBySource", period), () -> {
            Map<String, Double> out = new TreeMap<>();
            clickHouse.query(COVERAGE, hours(period), row -> out.put(row.getString("source"),
                    row.getDouble("minutes_collected") / row.getDouble("minutes_in_period")));
            return out;
        });
    }

    /** A service's coverage: the lowest coverage among the sources that reported it. */
    private Map<String, Double> serviceCoverage(Period period) {
        Map<String, Double> bySource = coverageBySource(period);
        Map<String, Double> out = new HashMap<>();
        clickHouse.query(SOURCES, ends(period), row -> {
            double c = bySource.getOrDefault(row.getString("source"), 0.0);
            out.merge(row.getString("service"), c, Math::min);
            return null;
        });
        return out;
    }

    /** A service's busiest minute in requests per second, and whether every hour had its minutes for it. */
    private record Peak(double rps, boolean fromMinutes) {
    }

    private Figures figures(String key, String service, Row row, long customers, Peak peak, Double coverage,
                            Map<String, List<Objective>> objectives, Period period,
                            java.util.function.Function<Objective, TimeSliceCounts> slices) {
        double requests = row.getDouble("requests");
        double errors = row.getDouble("errors");
        List<Double> le = row.getDoubles("le");
        List<Double> counts = row.getDoubles("counts");
        String note = "";
        Histogram histogram = null;
        if (!row.getBoolean("mergeable")) {
            note = "the source gives percentiles only, which cannot be merged; no percentile is shown";
        } else if (le.isEmpty()) {
            note = "no latency histogram in the period";
        } else if (row.getLong("layouts") > 1) {
            note = !service.isEmpty()
                    ? "the histogram's bucket bounds changed within the period; they cannot be merged"
                    : "the services' histograms have different bucket bounds; they cannot be merged";
        } else {
            histogram = new Histogram(le, counts.size() == le.size() ? counts : pad(counts, le.size()));
        }
        double errorRate = requests > 0 ? errors / requests : 0;
        return new Figures(key, service, requests, errors, errorRate, 1 - errorRate,
                histogram == null ? null : histogram.quantile(0.5), histogram == null ? null : histogram.quantile(0.95),
                histogram == null ? null : histogram.quantile(0.99), note, Throughput.averageRps(requests, coverage, period),
                peak == null ? null : peak.rps(), peak == null ? null : peak.fromMinutes(), coverage, customers, Evaluation.judge(objectives.getOrDefault(service, List.of()), requests, errors,
                histogram, note, period, slices));
    }

    private static List<Objective> all(Map<String, List<Objective>> objectives) {
        return objectives.values().stream().flatMap(List::stream).toList();
    }

    private Map<String, List<Objective>> objectivesByService() {
        Map<String, List<Objective>> out = new HashMap<>();
        for (CatalogEntry e : catalog.all()) {
            out.put(e.service().name(), e.objectives());
        }
        return out;
    }

    private SliceRisk sliceRisk(Row row) {
        double top = row.getDouble("top_roi");
        double roi = row.getDouble("roi");
        boolean known = row.getBoolean("customer_known");
        var account = new SliceRisk.Account(known, row.getString("customer_name"), row.getString("segment"),
                row.getString("region"), row.getString("plan"), row.getString("volume_band"),
                row.getLocalDate("renewal_date"), row.getBoolean("renews_soon"));
        var traffic = new SliceRisk.Traffic(row.getDouble("requests"), row.getDouble("errors"),
                row.getDouble("error_rate"), row.getDouble("exposure"));
        var availability = row.getBoolean("has_availability")
                ? new SliceRisk.Availability(row.getDouble("availability_target"), row.getDoubleOrNull("availability_badness"))
                : null;
        var latency = new SliceRisk.Latency(row.getString("latency_state"), row.getString("worst_latency_objective"),
                row.getDouble("worst_latency_threshold_ms"), row.getDouble("worst_latency_target"),
                row.getDouble("worst_slow_share"), row.getDoubleOrNull("latency_badness"));
        var burn = new SliceRisk.Burn(row.getDouble("badness"), row.getString("worst_kind"), availability, latency);
        var score = new SliceRisk.Score(row.getDouble("effort_weeks"), top > 0 ? 100 * roi / top : 0);
        var money = new SliceRisk.Money(known ? row.getBigDecimal("arr") : null, known ? row.getString("currency") : null,
                known ? row.getBigDecimal("arr_reporting") : null, row.getDouble("revenue_at_risk"), roi);
        return new SliceRisk(row.getString("service"), row.getString("customer"), account, traffic, burn, score, money);
    }

    private long count(NamedQuery query, Period period, RankingFilter filter) {
        // An empty page (offset past the end) still reports the ranking's size.
        return clickHouse.query(query, rankingParams(period, filter, 0, 1), row -> row.getLong("total_rows")).stream()
                .findFirst().orElse(0L);
    }

    /** The psr_slices view's parameters: the period, the customers as of its last day, currency rates, the ROI model. */
    Params psrParams(Period period) {
        List<String> codes = new ArrayList<>(rates.known());
        List<Double> values = codes.stream().map(c -> rates.rates().get(c).doubleValue()).toList();
        return range(period).and("as_of", period.lastDay()).and("today", today()).and("codes", codes)
                .and("rates", values).and("saturation", model.saturation())
                .and("horizon_days", model.renewalHorizonDays()).and("multiplier", model.renewalMultiplier());
    }

    /** A period's ends: {@code from} and {@code to}. */
    private static Params ends(Period period) {
        return Params.of("from", period.from()).and("to", period.to());
    }

    /** A period's ends, its whole hours and whether minutes lie outside them ({@link Period#parts()}). */
    private static Params hours(Period period) {
        Period.Parts p = period.parts();
        return ends(period).and("hour_from", p.hourFrom()).and("hour_to", p.hourTo()).and("edges", p.edges());
    }

    /** All the parts a period is read in ({@link Period#parts()}): what slice_totals and its users take. */
    static Params range(Period period) {
        Period.Parts p = period.parts();
        return hours(period).and("day_from", p.dayFrom()).and("day_to", p.dayTo()).and("month_from", p.monthFrom())
                .and("month_to", p.monthTo());
    }

    /** A range of days' parameters: {@code from_day} and {@code to_day} (exclusive). */
    private static Params days(LocalDate from, LocalDate toExclusive) {
        return Params.of("from_day", from).and("to_day", toExclusive);
    }

    private static List<Double> pad(List<Double> counts, int size) {
        List<Double> out = new ArrayList<>(counts);
        while (out.size() < size) {
            out.add(0.0);
        }
        return out;
    }


    private static double zeroIfNull(Double v) {
        return v == null ? 0 : v;
    }

}
