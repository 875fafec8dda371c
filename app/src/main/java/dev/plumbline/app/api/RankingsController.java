package dev.plumbline.app.api;

import static dev.plumbline.app.api.Csv.column;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.psr.Explanation;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.Ranking;
import dev.plumbline.sql.psr.RankingFilter;
import dev.plumbline.sql.psr.SegmentRisk;
import dev.plumbline.sql.psr.ServiceRisk;
import dev.plumbline.sql.psr.SliceRisk;
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
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The ROI rankings: which fix, to which service, for which customers, protects the most revenue. Slices over budget
 * by return on effort, services by the revenue at risk of their customers per engineer-week, segments by revenue at
 * risk. Callers without money permission get the same order with relative scores (0-100) and no money field. Model:
 * README, "ROI model"; period parameters: {@link Periods}. For roles with view-business, as the ROI page.
 */
@Controller("/api/v1/rankings")
@Secured(Permission.VIEW_BUSINESS)   // the ROI page's permission
@ExecuteOn(TaskExecutors.BLOCKING)
public class RankingsController {

    private static final int ALL = 1_000_000;
    private final PsrEngine engine;
    private final PeriodReader periods;

    private final Exports exports;

    public RankingsController(PsrEngine engine, PeriodReader periods, Exports exports) {
        this.exports = exports;
        this.engine = engine;
        this.periods = periods;
    }

    /**
     * Slices (customer x service) over budget, best return first: every input of the ROI model and a sentence that
     * explains the row. For the top N, limit=N.
     *
     * @param segment           only customers of this segment
     * @param region            only customers in this region
     * @param plan              only customers on this plan
     * @param service           only this service
     * @param volumeBand        only customers in this data-volume band (&lt;10 GB, 10-100 GB, 100 GB-1 TB, 1-10 TB, &gt;=10 TB)
     * @param renewalWithinDays only customers renewing within this many days (0: any)
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get("/slices")
    public PsrPage<RankedSlice> rankSlices(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to,
                                           @Nullable @QueryValue @Size(max = 128) String segment,
                                           @Nullable @QueryValue @Size(max = 128) String region,
                                           @Nullable @QueryValue @Size(max = 128) String plan,
                                           @Nullable @QueryValue @Size(max = 128) String service,
                                           @Nullable @QueryValue @Size(max = 32) String volumeBand,
                                           @QueryValue(defaultValue = "0") @Min(0) @Max(3660) int renewalWithinDays,
                                           @QueryValue(defaultValue = "0") @Min(0) int offset,
                                           @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                           Authentication authentication) {
        Period period = periods.parse(month, from, to);
        RankingFilter filter = new RankingFilter(segment, region, plan, service, volumeBand, renewalWithinDays);
        Ranking<SliceRisk> ranking = engine.ranking(period, filter, offset, limit);
        return page(period, ranking, slices(ranking, money(authentication)));
    }

    /**
     * {@link #rankSlices} as CSV: the whole filtered ranking.
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
    public HttpResponse<?> rankSlicesCsv(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                              @Nullable @QueryValue String format,
                                              @Nullable @QueryValue String to,
                                              @Nullable @QueryValue @Size(max = 128) String segment,
                                              @Nullable @QueryValue @Size(max = 128) String region,
                                              @Nullable @QueryValue @Size(max = 128) String plan,
                                              @Nullable @QueryValue @Size(max = 128) String service,
                                              @Nullable @QueryValue @Size(max = 32) String volumeBand,
                                              @QueryValue(defaultValue = "0") @Min(0) @Max(3660) int renewalWithinDays,
                                              Authentication authentication) {
        Period period = periods.parse(month, from, to);
        RankingFilter filter = new RankingFilter(segment, region, plan, service, volumeBand, renewalWithinDays);
        boolean money = money(authentication);
        List<RankedSlice> rows = slices(engine.ranking(period, filter, 0, ALL), money);
        List<Csv.Column<RankedSlice>> c = new ArrayList<>(List.of(
                column("rank", RankedSlice::rank), column("service", RankedSlice::service),
                column("customer", RankedSlice::customer), column("customer name", r -> r.account().name()),
                column("segment", r -> r.account().segment()), column("region", r -> r.account().region()),
                column("plan", r -> r.account().plan()), column("volume band", r -> r.account().volumeBand()),
                column("renewal date", r -> r.account().renewalDate()),
                column("renews soon", r -> r.account().renewsSoon())));
        if (money) {
            c.addAll(List.of(column("arr", r -> r.money().arr()), column("currency", r -> r.money().currency()),
                    Csv.money("arr", engine.rates().reporting(), r -> r.money().arrReporting())));
        }
        c.addAll(List.of(Csv.number("requests", "count", r -> r.traffic().requests(), 0),
                Csv.number("errors", "count", r -> r.traffic().errors(), 0),
                Csv.share("error rate", r -> r.traffic().errorRate(), 3), Csv.share("exposure", r -> r.traffic().exposure(), 1),
                column("worst kind", r -> r.burn().worstKind()), Csv.number("badness", "x", r -> r.burn().badness(), 1),
                Csv.number("availability badness", "x", r -> r.burn().availability() == null ? null
                        : r.burn().availability().badness(), 1),
                Csv.number("latency badness", "x", r -> r.burn().latency().badness(), 1),
                column("latency objective", r -> r.burn().latency().objective()),
                Csv.share("slow share", r -> r.burn().latency().slowShare(), 1),
                Csv.number("effort", "engineer-weeks", r -> r.score().effortWeeks(), 1)));
        if (money) {
            c.addAll(List.of(Csv.money("revenue at risk", engine.rates().reporting(), r -> r.money().revenueAtRisk()),
                    Csv.money("roi", engine.rates().reporting() + " per engineer-week", r -> r.money().roi())));
        }
        c.addAll(List.of(Csv.number("relative score", "0-100", r -> r.score().relativeScore(), 0),
                column("explanation", RankedSlice::explanation)));
        return exports.respond(format, "roi-ranking-" + FiguresController.name(period), "Plumbline: the ROI ranking, "
                + Periods.PeriodInfo.of(period).label(), c, rows);
    }

    /**
     * Services by the revenue at risk of all their customers per engineer-week of effort, best first.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get("/services")
    public PsrPage<RankedService> rankServices(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                               @Nullable @QueryValue String to,
                                               @QueryValue(defaultValue = "0") @Min(0) int offset,
                                               @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                               Authentication authentication) {
        Period period = periods.parse(month, from, to);
        Ranking<ServiceRisk> ranking = engine.rankingByService(period, offset, limit);
        return page(period, ranking, services(ranking, money(authentication)));
    }

    /**
     * {@link #rankServices} as CSV.
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
    public HttpResponse<?> rankServicesCsv(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to, @Nullable @QueryValue String format,
                                                Authentication authentication) {
        Period period = periods.parse(month, from, to);
        boolean money = money(authentication);
        List<Csv.Column<RankedService>> c = new ArrayList<>(List.of(column("rank", RankedService::rank),
                column("service", RankedService::service), column("customers affected", RankedService::customersAffected),
                column("problem", RankedService::problem), column("largest customer", RankedService::largestCustomer),
                column("largest customer name", RankedService::largestCustomerName),
                Csv.number("worst badness", "x", RankedService::worstBadness, 1),
                Csv.number("requests", "count", RankedService::requests, 0),
                Csv.number("effort", "engineer-weeks", RankedService::effortWeeks, 1)));
        if (money) {
            c.addAll(List.of(Csv.money("revenue at risk", engine.rates().reporting(), RankedService::revenueAtRisk),
                    Csv.money("roi", engine.rates().reporting() + " per engineer-week", RankedService::roi)));
        }
        c.add(Csv.number("relative score", "0-100", RankedService::relativeScore, 0));
        return exports.respond(format, "roi-by-service-" + FiguresController.name(period),
                "Plumbline: the fixes, by service, " + Periods.PeriodInfo.of(period).label(), c,
                services(engine.rankingByService(period, 0, ALL), money));
    }

    /**
     * Customer segments by revenue at risk, largest first.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get("/segments")
    public PsrPage<RankedSegment> rankSegments(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                               @Nullable @QueryValue String to, Authentication authentication) {
        Period period = periods.parse(month, from, to);
        List<RankedSegment> rows = segments(engine.rankingBySegment(period), money(authentication));
        return new PsrPage<>(Periods.PeriodInfo.of(period), null, rows.size(), 0, rows.size(), rows);
    }

    /**
     * {@link #rankSegments} as CSV.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     * @param format csv (the default) or datapackage: a zip with the CSV and its Frictionless Data Package
     *               descriptor (datapackage.json: each field's type, unit and definition)
     */
    @Get(value = "/segments.csv", produces = {"text/csv", "application/zip"})
    @Secured(Permission.EXPORT)
    public HttpResponse<?> rankSegmentsCsv(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to, @Nullable @QueryValue String format,
                                                Authentication authentication) {
        Period period = periods.parse(month, from, to);
        boolean money = money(authentication);
        List<Csv.Column<RankedSegment>> c = new ArrayList<>(List.of(column("rank", RankedSegment::rank),
                column("segment", RankedSegment::segment), column("customers affected", RankedSegment::customersAffected),
                Csv.number("worst badness", "x", RankedSegment::worstBadness, 1)));
        if (money) {
            c.add(Csv.money("revenue at risk", engine.rates().reporting(), RankedSegment::revenueAtRisk));
        }
        c.add(Csv.number("relative score", "0-100", RankedSegment::relativeScore, 0));
        return exports.respond(format, "roi-by-segment-" + FiguresController.name(period),
                "Plumbline: revenue at risk by segment, " + Periods.PeriodInfo.of(period).label(), c,
                segments(engine.rankingBySegment(period), money));
    }

    private List<RankedSlice> slices(Ranking<SliceRisk> ranking, boolean money) {
        LocalDate today = engine.today();
        String currency = engine.rates().reporting();
        return IntStream.range(0, ranking.rows().size())
                .mapToObj(i -> RankedSlice.of(ranking.offset() + i + 1, ranking.rows().get(i), money, currency,
                        Explanation.of(ranking.rows().get(i), currency, today, money)))
                .toList();
    }

    private List<RankedService> services(Ranking<ServiceRisk> ranking, boolean money) {
        String currency = engine.rates().reporting();
        return IntStream.range(0, ranking.rows().size())
                .mapToObj(i -> RankedService.of(ranking.offset() + i + 1, ranking.rows().get(i), money, currency))
                .toList();
    }

    private List<RankedSegment> segments(List<SegmentRisk> rows, boolean money) {
        String currency = engine.rates().reporting();
        return IntStream.range(0, rows.size())
                .mapToObj(i -> RankedSegment.of(i + 1, rows.get(i), money, currency)).toList();
    }

    private static <T, R> PsrPage<R> page(Period period, Ranking<T> ranking, List<R> rows) {
        return new PsrPage<>(Periods.PeriodInfo.of(period), null, ranking.total(), ranking.offset(), ranking.limit(), rows);
    }

    static boolean money(Authentication authentication) {
        return Authentications.identity(authentication).orElseThrow().can(Permission.VIEW_MONEY);
    }

    /**
     * A ranked slice with every input of its place (README, "ROI model"), in the named parts of the engine's record:
     * the account, its traffic, its burn, its score, and the money ({@code money} and {@code reportingCurrency} only
     * with money permission; absent otherwise).
     *
     * @param rank        1 for the best return
     * @param explanation one sentence a PM can read aloud
     */
    @Serdeable
    public record RankedSlice(int rank, String service, String customer, SliceRisk.Account account,
                              SliceRisk.Traffic traffic, SliceRisk.Burn burn, SliceRisk.Score score, String explanation,
                              @Nullable String reportingCurrency, @Nullable SliceRisk.Money money) {

        static RankedSlice of(int rank, SliceRisk r, boolean money, String reporting, String explanation) {
            return new RankedSlice(rank, r.service(), r.customer(), r.account(), r.traffic(), r.burn(), r.score(),
                    explanation, money ? reporting : null, money ? r.money() : null);
        }
    }

    /**
     * A ranked service. Money fields only with money permission.
     *
     * @param customersAffected customers whose slice of this service is over budget
     * @param problem           availability or latency: the kind of its worst slice over budget ("" when none is)
     * @param largestCustomer   the affected customer with the most revenue at risk (id; "" when none is affected)
     * @param revenueAtRisk     summed over its customers (reporting currency)
     * @param roi               revenue at risk per engineer-week
     * @param relativeScore     its ROI as a share of the top service's, 0-100
     */
    @Serdeable
    public record RankedService(int rank, String service, long customersAffected, String problem,
                                String largestCustomer, String largestCustomerName, @Nullable Double worstBadness,
                                double requests, double effortWeeks, double relativeScore,
                                @Nullable String reportingCurrency, @Nullable Double revenueAtRisk, @Nullable Double roi) {

        static RankedService of(int rank, ServiceRisk r, boolean money, String reporting) {
            return new RankedService(rank, r.service(), r.customersAffected(), r.problem(), r.largestCustomer(),
                    r.largestCustomerName(), r.worstBadness(), r.requests(),
                    r.effortWeeks(), r.relativeScore(), money ? reporting : null, money ? r.revenueAtRisk() : null,
                    money ? r.roi() : null);
        }
    }

    /**
     * A ranked segment. Money fields only with money permission.
     *
     * @param relativeScore its revenue at risk as a share of the top segment's, 0-100
     */
    @Serdeable
    public record RankedSegment(int rank, String segment, long customersAffected, @Nullable Double worstBadness,
                                double relativeScore, @Nullable String reportingCurrency, @Nullable Double revenueAtRisk) {

        static RankedSegment of(int rank, SegmentRisk r, boolean money, String reporting) {
            return new RankedSegment(rank, r.segment(), r.customersAffected(), r.worstBadness(), r.relativeScore(),
                    money ? reporting : null, money ? r.revenueAtRisk() : null);
        }
    }
}
