package dev.plumbline.app.api;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.explore.ExploreFigure;
import dev.plumbline.sql.explore.ExploreQuery;
import dev.plumbline.sql.explore.Exploration;
import dev.plumbline.sql.psr.ExploreBy;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Explore: any figure of the catalog's that adds up over groups ({@link ExploreFigure}), per service, segment, region,
 * plan, data-volume band or customer ({@link ExploreBy}), for any period, next to the previous period; the Explore
 * page's data. For roles with view-services; grouping by customer data needs view-business, money needs view-money
 * (403 naming the parameter otherwise). Period parameters: {@link Periods}.
 */
@Controller("/api/v1")
@Secured(Permission.VIEW_SERVICES)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExploreController {

    private final PsrEngine engine;
    private final PeriodReader periods;
    private final ServiceCatalogStore catalog;
    private final Exports exports;

    public ExploreController(PsrEngine engine, PeriodReader periods, ServiceCatalogStore catalog, Exports exports) {
        this.engine = engine;
        this.periods = periods;
        this.catalog = catalog;
        this.exports = exports;
    }

    /**
     * One figure per group, the worst first, with the previous period's value and the change.
     *
     * @param figure  requests, errors, error-rate, availability, p50, p95, p99, average-rps, customers,
     *                customers-outside (customers with a slice outside an objective) or revenue-at-risk (view-money);
     *                each is the definitions catalog's entry of the same name (customers-outside: customers)
     * @param by      service, segment, region, plan, volume-band or customer (all but service need view-business)
     * @param service only this service's slices (none: every service's)
     * @param month   a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *                default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from    first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to      last day (inclusive) or the minute the range ends at (exclusive), as from
     * @param offset  rows to skip
     * @param limit   rows to return (1-1000)
     */
    @Get("/explore")
    public ExploreJson explore(@QueryValue(defaultValue = "requests") String figure,
                               @QueryValue(defaultValue = "service") String by, @Nullable @QueryValue String service,
                               @Nullable @QueryValue String month, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to, @QueryValue(defaultValue = "0") @Min(0) int offset,
                               @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit,
                               Authentication authentication) {
        ExploreQuery query = query(figure, by, service, month, from, to, authentication);
        Period period = periods.parse(month, from, to);
        Exploration e = Exploration.run(engine, query, period);
        List<Exploration.Row> rows = e.rows().stream().skip(offset).limit(limit).toList();
        return new ExploreJson(Periods.PeriodInfo.of(period), Periods.PeriodInfo.of(period.previous()),
                FigureJson.of(query.figure(), engine.rates().reporting()), query.by().id(), query.service(),
                e.rows().size(), offset, limit, rows);
    }

    /**
     * {@link #explore} as CSV, every group.
     *
     * @param figure  as {@link #explore}
     * @param by      as {@link #explore}
     * @param service as {@link #explore}
     * @param month   a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *                default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from    first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to      last day (inclusive) or the minute the range ends at (exclusive), as from
     * @param format  csv (the default) or datapackage: a zip with the CSV and its Frictionless Data Package
     *                descriptor (datapackage.json: each field's type, unit and definition)
     */
    @Get(value = "/explore.csv", produces = {"text/csv", "application/zip"})
    @Secured(Permission.EXPORT)
    public HttpResponse<?> exploreCsv(@QueryValue(defaultValue = "requests") String figure,
                                      @QueryValue(defaultValue = "service") String by,
                                      @Nullable @QueryValue String service, @Nullable @QueryValue String month,
                                      @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                      @Nullable @QueryValue String format, Authentication authentication) {
        ExploreQuery query = query(figure, by, service, month, from, to, authentication);
        Period period = periods.parse(month, from, to);
        Exploration e = Exploration.run(engine, query, period);
        String label = Periods.PeriodInfo.of(period).label();
        return exports.respond(format, "explore-" + query.figure().id() + "-by-" + query.by().id()
                        + (query.service().isEmpty() ? "" : "-" + query.service().replaceAll("[^A-Za-z0-9._-]", "_"))
                        + "-" + FiguresController.name(period),
                "Plumbline: " + query.figure().label().toLowerCase(Locale.ROOT) + " by " + query.by().id()
                        + (query.service().isEmpty() ? "" : " on " + query.service()) + ", " + label,
                columns(query), e.rows());
    }

    /** The CSV's columns: the group, the figure now, before and its change (in the figure's unit), requests, customers. */
    private List<Csv.Column<Exploration.Row>> columns(ExploreQuery query) {
        List<Csv.Column<Exploration.Row>> c = new ArrayList<>();
        c.add(Csv.column(query.by().id(), Exploration.Row::key));
        if (query.by() == ExploreBy.CUSTOMER) {
            c.add(Csv.column("customer name", Exploration.Row::label));
        }
        // the figure's key as words ("p95", "error rate"): the definitions catalog's entry describes the column
        String name = query.figure().id().replace('-', ' ');
        c.add(value(query.figure(), name, Exploration.Row::value));
        c.add(value(query.figure(), "previous " + name, Exploration.Row::previous));
        c.add(query.figure().unit() == ExploreFigure.Unit.SHARE
                ? new Csv.Column<>(name + " change (pp)", r -> dev.plumbline.sql.psr.PercentText.percent(r.change(), 3))
                : value(query.figure(), name + " change", Exploration.Row::change));
        if (query.figure() != ExploreFigure.REQUESTS) {
            c.add(Csv.number("requests", "count", Exploration.Row::requests, 0));
        }
        if (query.figure() != ExploreFigure.CUSTOMERS) {
            c.add(Csv.column("customers", Exploration.Row::customers));
        }
        c.add(Csv.column("latency note", Exploration.Row::note));
        return c;
    }

    private Csv.Column<Exploration.Row> value(ExploreFigure figure, String name,
                                               java.util.function.Function<Exploration.Row, Double> v) {
        return switch (figure.unit()) {
            case COUNT -> Csv.number(name, "count", v, 0);
            case SHARE -> Csv.share(name, v, 3);
            case SECONDS -> Csv.ms(name, v);
            case REQUESTS_PER_SECOND -> Csv.number(name, "req/s", v, 2);
            case MONEY -> Csv.money(name, engine.rates().reporting(), v);
        };
    }

    /** The query the parameters name, refused (400, 403 or 404 naming the parameter) when they cannot be shown. */
    ExploreQuery query(String figure, String by, String service, String month, String from, String to,
                       Authentication authentication) {
        Identity who = Authentications.identity(authentication).orElseThrow();
        ExploreQuery query = parse(figure, by, service, month, from, to);
        if (query.figure().money() && !who.can(Permission.VIEW_MONEY)) {
            throw RequestRefused.forbidden("figure", query.figure().id() + " is money: it needs the view-money permission");
        }
        if (query.by().business() && !who.can(Permission.VIEW_BUSINESS)) {
            throw RequestRefused.forbidden("by", "grouping by " + query.by().id()
                    + " shows customer data: it needs the view-business permission (by=service does not)");
        }
        if (!query.service().isEmpty() && catalog.find(query.service()).isEmpty()
                && !engine.filterValues(periods.parse(month, from, to)).services().contains(query.service())) {
            throw RequestRefused.notFound("service", "no service named '" + cut(query.service())
                    + "' in the catalog or in the period's telemetry");
        }
        return query;
    }

    /** The query the parameters name, refused (400 naming the parameter) when one names nothing. */
    static ExploreQuery parse(String figure, String by, String service, String month, String from, String to) {
        ExploreFigure f = ExploreFigure.of(figure).orElseThrow(() -> RequestRefused.badRequest("figure", "must be one of "
                + String.join(", ", Arrays.stream(ExploreFigure.values()).map(ExploreFigure::id).toList()) + ", was '"
                + cut(figure) + "'"));
        ExploreBy b = ExploreBy.of(by).orElseThrow(() -> RequestRefused.badRequest("by", "must be one of "
                + String.join(", ", Arrays.stream(ExploreBy.values()).map(ExploreBy::id).toList()) + ", was '"
                + cut(by) + "'"));
        if (service != null && service.strip().length() > 128) {
            throw RequestRefused.badRequest("service", "at most 128 characters");
        }
        return new ExploreQuery(f, b, service, month, from, to);
    }

    private static String cut(String value) {
        String v = value == null ? "" : value;
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }

    /**
     * @param figure   what is shown: its key, name, unit and definition (the catalog's entry)
     * @param by       what the rows are groups of
     * @param service  only this service's slices ("" for every service's)
     * @param total    groups in the period
     * @param rows     the groups, the worst first (highest value; lowest availability), without a value last
     */
    @Serdeable
    public record ExploreJson(Periods.PeriodInfo period, Periods.PeriodInfo previousPeriod, FigureJson figure, String by,
                              String service, long total, int offset, int limit, List<Exploration.Row> rows) {
    }

    /**
     * @param unit     count, share (0-1), seconds, requests/s, or the reporting currency's code
     * @param lowestFirst whether low values are the bad ones (availability)
     */
    @Serdeable
    public record FigureJson(String id, String name, String unit, String definition, boolean lowestFirst) {

        static FigureJson of(ExploreFigure f, String reportingCurrency) {
            String unit = switch (f.unit()) {
                case COUNT -> "count";
                case SHARE -> "share";
                case SECONDS -> "seconds";
                case REQUESTS_PER_SECOND -> "requests/s";
                case MONEY -> reportingCurrency;
            };
            return new FigureJson(f.id(), f.label(), unit, f.definition(), f.lowestFirst());
        }
    }
}
