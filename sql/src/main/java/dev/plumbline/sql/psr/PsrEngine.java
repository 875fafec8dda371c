package dev.plumbline.sql.psr;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

    public PsrEngine(ClickHouse clickHouse, ServiceCatalogStore catalog, CurrencyRates rates, RoiModel model, Clock clock) {
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
        long[] total = {0};
        List<SliceRisk> rows = clickHouse.query(RANKING, row -> {
            total[0] = row.getLong("total_rows");
            return sliceRisk(row);
        }, rankingParams(period, filter, offset, limit));
        return new Ranking<>(rows.isEmpty() ? count(RANKING, period, filter) : total[0], offset, limit, rows);
    }

    /** The ranking's statement and its parameters (for the benchmark that runs the same SQL bare). */
    static NamedQuery rankingQuery() {
        return RANKING;
    }

    Object[] rankingParams(Period period, RankingFilter filter, int offset, int limit) {
        return concat(psrParams(period), filter.segment(), filter.segment(), filter.region(), filter.region(),
                filter.plan(), filter.plan(), filter.service(), filter.service(), filter.volumeBand(), filter.volumeBand(),
                filter.renewalWithinDays(), today(), today(), filter.renewalWithinDays(), limit, offset);
    }

    /** The ranking by service: revenue at risk over its customers per engineer-week of its effort. */
    public Ranking<ServiceRisk> rankingByService(Period period, int offset, int limit) {
        long[] total = {0};
        List<ServiceRisk> rows = clickHouse.query(BY_SERVICE, row -> {
            total[0] = row.getLong("total_rows");
            double top = row.getDouble("top_roi");
            double roi = row.getDouble("service_roi");
            return new ServiceRisk(row.getString("service"), row.getLong("customers_affected"),
                    row.getDouble("service_revenue_at_risk"), row.getDouble("service_effort_weeks"), roi,
                    nullableDouble(row, "worst_badness"), row.getDouble("service_requests"), top > 0 ? 100 * roi / top : 0);
        }, concat(psrParams(period), limit, offset));
        return new Ranking<>(total[0], offset, limit, rows);
    }

    /** The ranking by customer segment. */
    public List<SegmentRisk> rankingBySegment(Period period) {
        return clickHouse.query(BY_SEGMENT, row -> new SegmentRisk(row.getString("segment_name"),
                row.getLong("customers_affected"), row.getDouble("segment_revenue_at_risk"), nullableDouble(row, "worst_badness"),
                100 * zeroIfNull(nullableDouble(row, "relative_score"))), psrParams(period));
    }

    /** Customers' technical health, worst first; {@code customer} "" for all. */
    public Ranking<CustomerHealth> health(Period period, String customer, int offset, int limit) {
        long[] total = {0};
        List<CustomerHealth> rows = clickHouse.query(HEALTH, row -> {
            total[0] = row.getLong("total_rows");
            Date renewal = row.getDate("customer_renewal_date");
            return new CustomerHealth(row.getString("customer"), row.getString("name_of_customer"),
                    row.getString("segment_of_customer"), row.getBigDecimal("customer_arr_reporting"),
                    renewal == null ? null : renewal.toLocalDate(), nullableDouble(row, "health"),
                    row.getLong("services_used"), row.getLong("services_over_budget"), row.getString("worst_service"),
                    nullableDouble(row, "worst_badness"), row.getDouble("customer_revenue_at_risk"));
        }, concat(psrParams(period), customer, customer, limit, offset));
        return new Ranking<>(total[0], offset, limit, rows);
    }

    /** The executive summary: platform availability, objectives met, share of ARR inside objectives, revenue at risk. */
    public PlatformSummary summary(Period period) {
        return summary(period, 0).figures();
    }

    /** The summary's figures with its {@code top} largest risks. */
    public record Summary(PlatformSummary figures, List<SliceRisk> risks) {
    }

    /**
     * The summary and its largest risks: the customers' totals and the risks come from one pass over the slices
     * (summary_risks.sql), the previous period from its plain totals; the three statements run at once.
     */
    public Summary summary(Period period, int top) {
        var current = java.util.concurrent.CompletableFuture.supplyAsync(() -> services(period));
        var previous = java.util.concurrent.CompletableFuture.supplyAsync(() -> clickHouse.queryOne(PLATFORM_TOTALS,
                row -> new double[] {row.getDouble("requests"), row.getDouble("errors")},
                at(period.previous().from()), at(period.previous().to())).orElse(new double[2]));
        PlatformSummary.CustomerTotals[] totals = {null};
        List<SliceRisk> risks = clickHouse.query(SUMMARY_RISKS, row -> {
            totals[0] = new PlatformSummary.CustomerTotals(row.getDouble("arr_total"), row.getDouble("arr_outside"),
                    row.getDouble("risk_total"), Math.round(row.getDouble("customers_total")));
            return sliceRisk(row);
        }, concat(psrParams(period), Math.max(1, top)));
        if (totals[0] == null) {   // nothing over budget: every customer is inside its objectives
            List<CustomerHealth> all = health(period, "", 0, Integer.MAX_VALUE).rows();
            double arr = all.stream().mapToDouble(c -> c.arrReporting() == null ? 0 : c.arrReporting().doubleValue()).sum();
            totals[0] = new PlatformSummary.CustomerTotals(arr, 0, 0, all.size());
        }
        double[] before = join(previous);
        return new Summary(PlatformSummary.of(join(current), before[0], before[1], totals[0]),
                risks.subList(0, Math.min(top, risks.size())));
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

    /** The whole platform's days in [from, toExclusive): requests, errors, error rate (p95 not merged across services). */
    public List<ServiceTrend.Day> platformDays(LocalDate from, LocalDate toExclusive) {
        return clickHouse.query(PLATFORM_DAYS, row -> {
            double requests = row.getDouble("requests");
            double errors = row.getDouble("errors");
            return new ServiceTrend.Day(row.getDate("day").toLocalDate(), requests, errors,
                    requests > 0 ? errors / requests : 0, null);
        }, from, toExclusive);
    }

    /** One service's days in [from, toExclusive): requests, error rate, p95 from the day's merged histogram, segments. */
    public ServiceTrend serviceTrend(String service, LocalDate from, LocalDate toExclusive) {
        List<ServiceTrend.Day> days = clickHouse.query(SERVICE_DAYS, row -> {
            double requests = row.getDouble("requests");
            double errors = row.getDouble("errors");
            return new ServiceTrend.Day(row.getDate("day").toLocalDate(), requests, errors,
                    requests > 0 ? errors / requests : 0, dayP95(row));
        }, service, from, toExclusive);
        List<ServiceTrend.SegmentDay> segments = clickHouse.query(SERVICE_SEGMENT_DAYS, row -> new ServiceTrend.SegmentDay(
                row.getDate("day").toLocalDate(), row.getString("customer_segment"), row.getDouble("requests")),
                toExclusive.minusDays(1), service, from, toExclusive);
        return new ServiceTrend(service, days, segments);
    }

    /** One customer's days in [from, toExclusive), per service: requests, error rate, p95 of the day's merged histogram. */
    public CustomerTrend customerTrend(String customer, LocalDate from, LocalDate toExclusive) {
        return new CustomerTrend(customer, clickHouse.query(CUSTOMER_DAYS, row -> {
            double requests = row.getDouble("requests");
            double errors = row.getDouble("errors");
            return new CustomerTrend.ServiceDay(row.getDate("day").toLocalDate(), row.getString("service"), requests,
                    errors, requests > 0 ? errors / requests : 0, dayP95(row));
        }, customer, from, toExclusive));
    }

    /** The p95 of a day's merged histogram (service_days.sql, customer_days.sql), null when it cannot be merged. */
    private static Double dayP95(ResultSet row) throws SQLException {
        List<Double> le = doubles(row.getArray("le"));
        List<Double> counts = doubles(row.getArray("counts"));
        if (le.isEmpty() || !row.getBoolean("mergeable") || row.getLong("layouts") > 1) {
            return null;
        }
        return new Histogram(le, counts.size() == le.size() ? counts : pad(counts, le.size())).quantile(0.95);
    }

    /** Figures per service, with objectives judged, peak throughput and coverage. */
    public List<Figures> services(Period period) {
        Map<String, List<Objective>> objectives = objectivesByService();
        Map<String, Double> peaks = new HashMap<>();
        clickHouse.query(PEAKS, row -> peaks.put(row.getString("service"), row.getDouble("peak_rps")), period.from(), period.to());
        Map<String, Double> coverage = serviceCoverage(period);
        TimeSliceQuery.Lookup sliced = timeSlices.count(all(objectives), period, false, "", "");
        return clickHouse.query(SERVICES, row -> figures(row.getString("service"), row.getString("service"), row,
                row.getLong("customers"), peaks.get(row.getString("service")), coverage.get(row.getString("service")),
                objectives, period, o -> sliced.of(o, "")), at(period.from()), at(period.to()));
    }

    /** Figures per service next to the previous period's ({@link Period#previous()}). */
    public List<MonthOverMonth> servicesMonthOverMonth(Period period) {
        return MonthOverMonth.pair(services(period), services(period.previous()));
    }

    /** Figures per slice; {@code service} and {@code customer} "" for all. */
    public Ranking<Figures> slices(Period period, String service, String customer, int offset, int limit) {
        Map<String, List<Objective>> objectives = objectivesByService();
        long[] total = {0};
        TimeSliceQuery.Lookup sliced = timeSlices.count(all(objectives), period, true, service, customer);
        List<Figures> rows = clickHouse.query(SLICES, row -> {
            total[0] = row.getLong("total_rows");
            String customerOfRow = row.getString("customer");
            return figures(row.getString("service") + "/" + customerOfRow, row.getString("service"), row, 1,
                    null, null, objectives, period, o -> sliced.of(o, customerOfRow));
        }, at(period.from()), at(period.to()), service, service, customer, customer, limit, offset);
        return new Ranking<>(total[0], offset, limit, rows);
    }

    /** Figures per group of customers and service. */
    public List<Figures> groups(Period period, GroupBy by) {
        Map<String, List<Objective>> objectives = objectivesByService();
        String key = by.sql();
        return clickHouse.query(GROUPS, row -> figures(row.getString("group_key") + "/" + row.getString("service"),
                row.getString("service"), row, row.getLong("customers"), null, null, objectives, period, o -> null),
                key, key, key, at(period.from()), at(period.to()), period.lastDay());
    }

    /** Per source, the share of the period's minutes it collected. */
    public Map<String, Double> coverageBySource(Period period) {
        Map<String, Double> out = new TreeMap<>();
        clickHouse.query(COVERAGE, row -> out.put(row.getString("source"),
                row.getDouble("minutes_collected") / row.getDouble("minutes_in_period")),
                period.from(), period.to(), period.from(), period.to());
        return out;
    }

    /** A service's coverage: the lowest coverage among the sources that reported it. */
    private Map<String, Double> serviceCoverage(Period period) {
        Map<String, Double> bySource = coverageBySource(period);
        Map<String, Double> out = new HashMap<>();
        clickHouse.query(SOURCES, row -> {
            double c = bySource.getOrDefault(row.getString("source"), 0.0);
            out.merge(row.getString("service"), c, Math::min);
            return null;
        }, period.from(), period.to());
        return out;
    }

    private Figures figures(String key, String service, ResultSet row, long customers, Double peak, Double coverage,
                            Map<String, List<Objective>> objectives, Period period,
                            java.util.function.Function<Objective, TimeSliceCounts> slices) throws SQLException {
        double requests = row.getDouble("requests");
        double errors = row.getDouble("errors");
        List<Double> le = doubles(row.getArray("le"));
        List<Double> counts = doubles(row.getArray("counts"));
        String note = "";
        Histogram histogram = null;
        if (!row.getBoolean("mergeable")) {
            note = "the source gives percentiles only, which cannot be merged; no percentile is shown";
        } else if (le.isEmpty()) {
            note = "no latency histogram in the period";
        } else if (row.getLong("layouts") > 1) {
            note = "the histogram's bucket bounds changed within the period; they cannot be merged";
        } else {
            histogram = new Histogram(le, counts.size() == le.size() ? counts : pad(counts, le.size()));
        }
        double errorRate = requests > 0 ? errors / requests : 0;
        return new Figures(key, service, requests, errors, errorRate, 1 - errorRate,
                histogram == null ? null : histogram.quantile(0.5), histogram == null ? null : histogram.quantile(0.95),
                histogram == null ? null : histogram.quantile(0.99), note, requests / period.length().toSeconds(), peak,
                coverage, customers, Evaluation.judge(objectives.getOrDefault(service, List.of()), requests, errors,
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

    private SliceRisk sliceRisk(ResultSet row) throws SQLException {
        Date renewal = row.getDate("renewal_date");
        double top = row.getDouble("top_roi");
        double roi = row.getDouble("roi");
        boolean hasAvailability = row.getBoolean("has_availability");
        return new SliceRisk(row.getString("service"), row.getString("customer"), row.getBoolean("customer_known"),
                row.getString("customer_name"), row.getString("segment"), row.getString("region"), row.getString("plan"),
                row.getString("volume_band"), renewal == null ? null : renewal.toLocalDate(),
                row.getBigDecimal("arr"), row.getString("currency"), row.getBigDecimal("arr_reporting"),
                row.getDouble("requests"), row.getDouble("errors"), row.getDouble("error_rate"),
                hasAvailability ? row.getDouble("availability_target") : null, nullableDouble(row, "availability_badness"),
                row.getString("latency_state"), row.getString("worst_latency_objective"),
                row.getDouble("worst_latency_threshold_ms"), row.getDouble("worst_latency_target"),
                row.getDouble("worst_slow_share"), nullableDouble(row, "latency_badness"), row.getDouble("badness"),
                row.getString("worst_kind"), row.getDouble("exposure"), row.getBoolean("renews_soon"),
                row.getDouble("revenue_at_risk"), row.getDouble("effort_weeks"), roi, top > 0 ? 100 * roi / top : 0);
    }

    private long count(NamedQuery query, Period period, RankingFilter filter) {
        // An empty page (offset past the end) still reports the ranking's size.
        return clickHouse.query(query, row -> row.getLong("total_rows"), rankingParams(period, filter, 0, 1)).stream()
                .findFirst().orElse(0L);
    }

    private Object[] psrParams(Period period) {
        List<String> codes = new ArrayList<>(rates.known());
        List<Double> values = codes.stream().map(c -> rates.rates().get(c).doubleValue()).toList();
        return new Object[] {at(period.from()), at(period.to()), period.lastDay(), today(), codes, values,
            model.saturation(), model.renewalHorizonDays(), model.renewalMultiplier()};
    }

    /** View parameters are parsed by the server as DateTime('UTC'): whole seconds, no fraction. */
    static String at(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private static Object[] concat(Object[] first, Object... rest) {
        Object[] out = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, out, first.length, rest.length);
        return out;
    }

    private static List<Double> doubles(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object values = array.getArray();
        if (values instanceof double[] d) {
            return Arrays.stream(d).boxed().toList();
        }
        return Arrays.stream((Object[]) values).map(v -> ((Number) v).doubleValue()).toList();
    }

    private static List<Double> pad(List<Double> counts, int size) {
        List<Double> out = new ArrayList<>(counts);
        while (out.size() < size) {
            out.add(0.0);
        }
        return out;
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double v = row.getDouble(column);
        return row.wasNull() ? null : v;
    }

    private static double zeroIfNull(Double v) {
        return v == null ? 0 : v;
    }

}
