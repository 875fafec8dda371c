package dev.plumbline.app.api;

import static dev.plumbline.app.api.Csv.column;

import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.ObjectiveResult;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PSR figures for a period, next to the previous period's: per service, per slice (a service's customers or a
 * customer's services) and per group of customers. Figures hold no money and no customer names. Period parameters:
 * {@link Periods}. For roles with view-services, as the Service page.
 */
@Controller("/api/v1/figures")
@Secured(Permission.VIEW_SERVICES)   // the Service page's: a service's figures and its customers' slices
@ExecuteOn(TaskExecutors.BLOCKING)
public class FiguresController {

    private final PsrEngine engine;
    private final PeriodReader periods;

    private final Exports exports;

    public FiguresController(PsrEngine engine, PeriodReader periods, Exports exports) {
        this.exports = exports;
        this.engine = engine;
        this.periods = periods;
    }

    /**
     * Every service with traffic in the period: requests, errors, error rate, availability, p50/p95/p99 from the
     * merged histograms, average and peak throughput, collection coverage, each objective judged (bad share, burn
     * rate, budget consumed), and the changes against the previous period.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get("/services")
    public PsrPage<MonthOverMonth> serviceFigures(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                  @Nullable @QueryValue String to) {
        Period period = periods.parse(month, from, to);
        List<MonthOverMonth> items = engine.servicesMonthOverMonth(period);
        return whole(period, items);
    }

    /**
     * {@link #serviceFigures} as CSV, one row per service.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     * @param format csv (the default) or datapackage: a zip with the CSV and its Frictionless Data Package
     *               descriptor (datapackage.json: each field's type, unit and definition)
     */
    @Get(value = "/services.csv", produces = {"text/csv", "application/zip"})
    @Secured(Permission.EXPORT)
    public HttpResponse<?> serviceFiguresCsv(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                  @Nullable @QueryValue String to, @Nullable @QueryValue String format,
                                                  io.micronaut.security.authentication.Authentication authentication) {
        Period period = periods.parse(month, from, to);
        List<Csv.Column<MonthOverMonth>> c = columns("service");
        // what each service puts at risk (the Fixes page's figures): customers outside objectives, and the money for
        // roles that see money
        Map<String, dev.plumbline.sql.psr.ServiceRisk> risks = new java.util.HashMap<>();
        engine.rankingByService(period, 0, 1_000_000).rows().forEach(r -> risks.put(r.service(), r));
        c.add(column("customers outside objectives", m -> risks.containsKey(m.current().service())
                ? risks.get(m.current().service()).customersAffected() : 0L));
        if (RankingsController.money(authentication)) {
            c.add(Csv.money("revenue at risk", engine.rates().reporting(), m -> risks.containsKey(m.current().service())
                    ? risks.get(m.current().service()).revenueAtRisk() : 0.0));
        }
        return exports.respond(format, "services-" + name(period), "Plumbline: every service's figures, "
                + Periods.PeriodInfo.of(period).label(), c, engine.servicesMonthOverMonth(period));
    }

    /**
     * Slices (service x customer) of one service or of one customer (at least one of the two), by service then
     * customer, with the changes against the previous period.
     *
     * @param service only this service's slices (its customers)
     * @param customer only this customer's slices (the services it uses)
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get("/slices")
    public PsrPage<MonthOverMonth> sliceFigures(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to,
                                                @Nullable @QueryValue @Size(max = 128) String service,
                                                @Nullable @QueryValue @Size(max = 128) String customer,
                                                @QueryValue(defaultValue = "0") @Min(0) int offset,
                                                @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Period period = periods.parse(month, from, to);
        var page = engine.slices(period, required(service, customer), orEmpty(customer), offset, limit);
        List<Figures> before = engine.slices(period.previous(), orEmpty(service), orEmpty(customer), 0, 1_000_000).rows();
        return new PsrPage<>(Periods.PeriodInfo.of(period), Periods.PeriodInfo.of(period.previous()), page.total(),
                offset, limit, MonthOverMonth.pair(page.rows(), before));
    }

    /**
     * {@link #sliceFigures} as CSV, every slice of the service or customer.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     * @param format csv (the default) or datapackage: a zip with the CSV and its Frictionless Data Package
     *               descriptor (datapackage.json: each field's type, unit and definition)
     */
    @Get(value = "/slices.csv", produces = {"text/csv", "application/zip"})
    @Secured(Permission.EXPORT)
    public HttpResponse<?> sliceFiguresCsv(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to, @Nullable @QueryValue String format,
                                                @Nullable @QueryValue @Size(max = 128) String service,
                                                @Nullable @QueryValue @Size(max = 128) String customer) {
        Period period = periods.parse(month, from, to);
        List<Figures> now = engine.slices(period, required(service, customer), orEmpty(customer), 0, 1_000_000).rows();
        List<Figures> before = engine.slices(period.previous(), orEmpty(service), orEmpty(customer), 0, 1_000_000).rows();
        return exports.respond(format, "slices-" + (orEmpty(service) + "-" + orEmpty(customer))
                        .replaceAll("[^A-Za-z0-9._-]", "_") + "-" + name(period),
                "Plumbline: figures per service and customer, " + Periods.PeriodInfo.of(period).label(),
                columns("service/customer"), MonthOverMonth.pair(now, before));
    }

    /**
     * Figures per group of customers and service, by group then service.
     *
     * @param by segment, region, plan or volume-band (data volume: &lt;10 GB, 10-100 GB, 100 GB-1 TB, 1-10 TB, &gt;=10 TB)
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get("/groups")
    public PsrPage<MonthOverMonth> groupFigures(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to, @QueryValue(defaultValue = "segment") String by) {
        Period period = periods.parse(month, from, to);
        PsrEngine.GroupBy group = groupBy(by);
        return whole(period, MonthOverMonth.pair(engine.groups(period, group), engine.groups(period.previous(), group)));
    }

    /**
     * {@link #groupFigures} as CSV.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     * @param format csv (the default) or datapackage: a zip with the CSV and its Frictionless Data Package
     *               descriptor (datapackage.json: each field's type, unit and definition)
     */
    @Get(value = "/groups.csv", produces = {"text/csv", "application/zip"})
    @Secured(Permission.EXPORT)
    public HttpResponse<?> groupFiguresCsv(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to, @QueryValue(defaultValue = "segment") String by,
                                                @Nullable @QueryValue String format) {
        Period period = periods.parse(month, from, to);
        PsrEngine.GroupBy group = groupBy(by);
        return exports.respond(format, "groups-by-" + group.name().toLowerCase(Locale.ROOT) + "-" + name(period),
                "Plumbline: figures per " + by.toLowerCase(Locale.ROOT) + " and service, "
                        + Periods.PeriodInfo.of(period).label(), columns(by.toLowerCase(Locale.ROOT) + "/service"),
                MonthOverMonth.pair(engine.groups(period, group), engine.groups(period.previous(), group)));
    }

    /**
     * Per source, the share of the period's minutes it collected (a gap shows here, not as a perfect month).
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get("/coverage")
    public Coverage coverage(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to) {
        Period period = periods.parse(month, from, to);
        return new Coverage(Periods.PeriodInfo.of(period), engine.coverageBySource(period));
    }

    /**
     * @param sources per source, the share of the period's minutes collected (0-1)
     */
    @Serdeable
    public record Coverage(Periods.PeriodInfo period, Map<String, Double> sources) {
    }

    private static PsrPage<MonthOverMonth> whole(Period period, List<MonthOverMonth> items) {
        return new PsrPage<>(Periods.PeriodInfo.of(period), Periods.PeriodInfo.of(period.previous()), items.size(), 0,
                items.size(), items);
    }

    private static String required(String service, String customer) {
        if (orEmpty(service).isBlank() && orEmpty(customer).isBlank()) {
            throw new IllegalArgumentException("service: give service or customer, or both (all slices at once are "
                    + "the ranking, /api/v1/rankings/slices)");
        }
        return orEmpty(service);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    static PsrEngine.GroupBy groupBy(String by) {
        return switch (by.strip().toLowerCase(Locale.ROOT)) {
            case "segment" -> PsrEngine.GroupBy.SEGMENT;
            case "region" -> PsrEngine.GroupBy.REGION;
            case "plan" -> PsrEngine.GroupBy.PLAN;
            case "volume-band" -> PsrEngine.GroupBy.VOLUME_BAND;
            default -> throw new IllegalArgumentException("by: must be segment, region, plan or volume-band, was '"
                    + (by.length() > 40 ? by.substring(0, 40) + "..." : by) + "'");
        };
    }

    static String name(Period period) {
        return Periods.PeriodInfo.of(period).label().replaceAll("[^A-Za-z0-9-]+", "_");
    }

    /**
     * The CSV of figures: one row per item, objectives summed up by the worst ({@link ObjectiveResult#worst}); units
     * in the headers, values rounded as the Review shows them (shares in % with 3 decimals, coverage 1, times in whole
     * ms, throughput 2 decimals, burn rates 1).
     */
    static List<Csv.Column<MonthOverMonth>> columns(String keyHeader) {
        List<Csv.Column<MonthOverMonth>> c = new ArrayList<>();
        c.add(column(keyHeader, m -> m.current().key()));
        c.add(column("customers", m -> m.current().customers()));
        c.add(Csv.number("requests", "count", m -> m.current().requests(), 0));
        c.add(Csv.number("errors", "count", m -> m.current().errors(), 0));
        c.add(Csv.share("error rate", m -> m.current().errorRate(), 3));
        c.add(Csv.share("availability", m -> m.current().availability(), 3));
        c.add(Csv.ms("p50", m -> m.current().p50Seconds()));
        c.add(Csv.ms("p95", m -> m.current().p95Seconds()));
        c.add(Csv.ms("p99", m -> m.current().p99Seconds()));
        c.add(column("latency note", m -> m.current().latencyNote()));
        c.add(Csv.number("average rps", "req/s", m -> m.current().averageRps(), 2));
        c.add(Csv.number("peak rps", "req/s", m -> m.current().peakRps(), 2));
        c.add(Csv.share("coverage", m -> m.current().coverage(), 1));
        c.add(column("objectives", m -> m.current().objectives().size()));
        c.add(column("objectives met", m -> m.current().objectives().stream().filter(o -> Boolean.TRUE.equals(o.met())).count()));
        c.add(column("worst objective", m -> worst(m.current()).map(o -> o.objective().name()).orElse("")));
        c.add(Csv.number("worst objective burn rate", "x", m -> worst(m.current()).map(ObjectiveResult::burnRate).orElse(null), 1));
        c.add(Csv.share("worst objective budget consumed",
                m -> worst(m.current()).map(ObjectiveResult::budgetConsumed).orElse(null), 1));
        c.add(Csv.number("previous requests", "count", m -> m.previous() == null ? null : m.previous().requests(), 0));
        c.add(Csv.share("previous error rate", m -> m.previous() == null ? null : m.previous().errorRate(), 3));
        c.add(Csv.ms("previous p95", m -> m.previous() == null ? null : m.previous().p95Seconds()));
        c.add(Csv.share("requests change", MonthOverMonth::requestsChange, 0));
        c.add(new Csv.Column<>("error rate change (pp)", m -> dev.plumbline.sql.psr.PercentText.percent(m.errorRateChange(), 3)));
        c.add(new Csv.Column<>("availability change (pp)", m -> dev.plumbline.sql.psr.PercentText.percent(m.availabilityChange(), 3)));
        c.add(Csv.ms("p95 change", MonthOverMonth::p95ChangeSeconds));
        c.add(Csv.ms("p99 change", MonthOverMonth::p99ChangeSeconds));
        return c;
    }

    /** The objective that used most of its budget, as the Review's budget chart shows it. */
    private static java.util.Optional<ObjectiveResult> worst(Figures f) {
        return ObjectiveResult.worst(f.objectives());
    }
}
