package dev.plumbline.app.api;

import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PlatformDay;
import dev.plumbline.sql.psr.PlatformSummary;
import dev.plumbline.sql.psr.PsrEngine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The executive summary's figures (the Summary page shows the same): definitions in /api/v1/definitions. */
@Controller("/api/v1/summary")
@Secured(Permission.VIEW_BUSINESS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SummaryController {

    private final PsrEngine engine;
    private final PeriodReader periods;

    public SummaryController(PsrEngine engine, PeriodReader periods) {
        this.engine = engine;
        this.periods = periods;
    }

    /**
     * Platform availability (this period, the previous and the change), services meeting their objectives, requests
     * within latency objectives, the share of ARR inside objectives and, with money permission, the revenue at risk;
     * the platform's availability per day from the previous period's first day to this period's last (the Summary
     * page's chart). The Summary page's five largest risks are grouped by fix: the services of
     * /api/v1/rankings/services with customers over budget and the most revenue at risk.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get
    public Summary summary(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, Authentication authentication) {
        Period period = periods.parse(month, from, to);
        PsrEngine.Summary summary = engine.summary(period, 0);
        PlatformSummary s = summary.figures();
        boolean money = RankingsController.money(authentication);
        return new Summary(Periods.PeriodInfo.of(period), Periods.PeriodInfo.of(period.previous()), s.availability(),
                s.previousAvailability(), s.availabilityChange(), s.availabilityObjective(), s.servicesMeetingObjectives(),
                s.servicesWithObjectives(), s.withinLatencyObjectives(), s.latencyObjectivesMet(),
                s.latencyObjectivesJudged(), s.arrInsideObjectives(), money ? s.revenueAtRisk() : null,
                money ? engine.rates().reporting() : null, s.customers(),
                money ? summary.changes() : summary.changes().withoutMoney(), engine.platformDays(period));
    }

    /**
     * @param availability         1 - errors / requests over every service
     * @param availabilityChange   availability - previousAvailability (a difference of shares: 0.0001 = 0.01 pp)
     * @param availabilityObjective the platform's availability if every service with an availability objective spent
     *                             exactly its budget (the Summary chart's objective line)
     * @param withinLatencyObjectives share of requests faster than their service's strictest judged latency threshold
     *                             (services with a judged latency objective, weighted by requests)
     * @param latencyObjectivesMet latency objectives within budget, of latencyObjectivesJudged
     * @param arrInsideObjectives  share of ARR whose customers have no service over budget
     * @param revenueAtRisk        only with money permission
     * @param changes              every figure against the previous period (differences; shares as shares, 0.01 =
     *                             1 pp); a figure absent when either period has none; revenueAtRisk only with money
     *                             permission
     * @param days                 every day from the previous period's first to this period's last: requests,
     *                             errors, availability (null on a day without requests)
     */
    @Serdeable
    public record Summary(Periods.PeriodInfo period, Periods.PeriodInfo comparedWith, @Nullable Double availability,
                          @Nullable Double previousAvailability, @Nullable Double availabilityChange,
                          @Nullable Double availabilityObjective, long servicesMeetingObjectives, long servicesWithObjectives,
                          @Nullable Double withinLatencyObjectives, long latencyObjectivesMet,
                          long latencyObjectivesJudged, @Nullable Double arrInsideObjectives,
                          @Nullable Double revenueAtRisk, @Nullable String reportingCurrency, long customers,
                          PlatformSummary.Changes changes, List<PlatformDay> days) {
    }
}
