package dev.plumbline.app.api;

import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertHistory;
import dev.plumbline.sql.alerts.BadEpisode;
import dev.plumbline.sql.alerts.BurnChart;
import dev.plumbline.sql.alerts.PromDuration;
import dev.plumbline.sql.alerts.Report;
import dev.plumbline.sql.alerts.RuleManager;
import dev.plumbline.sql.psr.Period;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A backtest's answer. Durations of the report are in seconds (fields ending in {@code Seconds}); windows and rules in
 * Prometheus' notation ("5m", "1h").
 *
 * @param period     the range replayed: evaluations at every whole minute after {@code from} up to {@code to}
 * @param resolution which minutes were read, and what was missing
 * @param episodes   the bad episodes of the range (incident annotations and budget-significant burns)
 * @param reports    one per candidate, in the order they were given
 * @param chart      each window's burn rate over time, the rules' thresholds, the firings and the incidents
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestJson(String service, String objective, @Nullable String customer, @Nullable String segment,
                           Periods.PeriodInfo period, Resolution resolution, List<Episode> episodes,
                           List<ReportJson> reports, Chart chart) {

    /** The chart's series hold at most this many points. */
    public static final int CHART_POINTS = 2000;

    /**
     * @param resolution      service-minutes (all customers summed, kept long) or customer-minutes (raw minutes of a
     *                        customer or segment, kept for the raw TTL)
     * @param keptDays        how long those minutes are kept
     * @param minutesMissing  minutes with traffic kept as hours only (demo history, old backfills): no request seen
     * @param minutesUnjudged minutes whose latency cannot be judged (no histogram): counted without requests
     * @param note            the same in a sentence
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resolution(String resolution, int keptDays, long minutesMissing, long minutesUnjudged, String note) {

        static Resolution of(AlertHistory h) {
            return new Resolution(h.resolution().label(), h.keptDays(), h.minutesMissing(), h.minutesUnjudged(), h.note());
        }
    }

    /**
     * @param origin       incident (an annotation), burn (found by the documented rule) or both
     * @param budgetBurned its bad requests as a share of the objective window's error budget
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Episode(Instant start, Instant end, String origin, String text, double budgetBurned) {

        static Episode of(BadEpisode e) {
            return new Episode(e.start(), e.end(), e.origin().name().toLowerCase(java.util.Locale.ROOT), e.text(),
                    e.budgetBurned());
        }
    }

    /**
     * One candidate's report.
     *
     * @param alerts            firing episodes of any of its rules (overlapping ones count once)
     * @param pages             firing episodes of its page rules
     * @param pagesOffHours     pages that started outside business hours
     * @param timeFiringSeconds how long any rule was firing
     * @param flaps             alerts that fired again within the cooldown after the one before resolved
     * @param precision         share of its alerts that overlapped a bad episode (absent: it never fired)
     * @param recall            share of the bad episodes it caught (absent: there were none)
     * @param episodes          how it did on each bad episode, in the order of {@code episodes}
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportJson(String policy, int alerts, int pages, double pagesPerWeek, int pagesOffHours,
                             long timeFiringSeconds, int flaps, int caught, int missed, @Nullable Double precision,
                             @Nullable Double recall, List<Outcome> episodes, List<RuleFirings> rules) {

        static ReportJson of(Report r, List<BadEpisode> all) {
            return new ReportJson(r.policy(), r.alerts(), r.pages(), r.pagesPerWeek(), r.pagesOffHours(),
                    r.timeFiring().toSeconds(), r.flaps(), r.caught(), r.missed(), r.precision(), r.recall(),
                    r.episodes().stream().map(o -> Outcome.of(o, all.indexOf(o.episode()))).toList(),
                    r.rules().stream().map(f -> new RuleFirings(f.rule(), f.severity(), firings(f.firings()))).toList());
        }
    }

    /**
     * @param episode            the index of the episode in {@code episodes}
     * @param detectionSeconds   from the start of the burn to the first firing (absent when missed)
     * @param budgetBeforeFiring the share of the budget burned before it fired (absent when missed)
     * @param resetSeconds       from recovery to the resolve of the last alert (absent when missed or still firing)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(int episode, boolean caught, @Nullable Long detectionSeconds,
                          @Nullable Double budgetBeforeFiring, @Nullable Long resetSeconds) {

        static Outcome of(Report.Outcome o, int index) {
            return new Outcome(index, o.caught(), seconds(o.detection()), o.budgetBeforeFiring(), seconds(o.reset()));
        }
    }

    /** A rule's firing episodes. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleFirings(String rule, String severity, List<Firing> firings) {
    }

    /** From the evaluation that fired to the one that resolved it (absent: still firing at the end). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Firing(Instant fired, @Nullable Instant resolved) {
    }

    /**
     * The chart. Every series has one value per time in {@code times}: the largest burn rate among the evaluations from
     * that time to the next ({@code stepSeconds} apart), null where the window held no request.
     *
     * @param windows    one series per distinct window of the candidates, shortest first
     * @param thresholds each rule's burn-rate threshold (a line)
     * @param bands      each rule's firings (bands), per candidate
     * @param incidents  the incident annotations (marks)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chart(long stepSeconds, List<Instant> times, List<Series> windows, List<Threshold> thresholds,
                        List<Band> bands, List<Mark> incidents) {

        static Chart of(BurnChart c) {
            List<Instant> times = c.windows().isEmpty() ? List.of()
                    : c.windows().getFirst().points().stream().map(BurnChart.Point::time).toList();
            return new Chart(c.step().toSeconds(), times,
                    c.windows().stream().map(s -> new Series(PromDuration.format(s.window()),
                            s.points().stream().map(BurnChart.Point::burn).toList())).toList(),
                    c.thresholds().stream().map(t -> new Threshold(t.policy(), t.rule(), t.severity(),
                            PromDuration.format(t.longWindow()),
                            t.shortWindow() == null ? null : PromDuration.format(t.shortWindow()), t.factor())).toList(),
                    c.bands().stream().map(b -> new Band(b.policy(), b.rule(), b.severity(), firings(b.firings()))).toList(),
                    c.incidents().stream().map(i -> new Mark(i.start(), i.end(), i.text())).toList());
        }
    }

    /** One window's burn rate at each of the chart's times. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String window, List<Double> burn) {
    }

    /** A rule has a result when its long window, and its short window when it has one, burn above {@code factor}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Threshold(String policy, String rule, String severity, String longWindow, @Nullable String shortWindow,
                            double factor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(String policy, String rule, String severity, List<Firing> firings) {
    }

    /** An incident annotation; {@code end} absent for a moment (it counts as one hour). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mark(Instant start, @Nullable Instant end, String text) {
    }

    static BacktestJson of(AlertBacktests.Result r) {
        var q = r.request();
        return new BacktestJson(q.objective().service(), q.objective().name(), blankToNull(q.slice().customer()),
                blankToNull(q.slice().segment()), Periods.PeriodInfo.of(new Period(q.from(), q.to())),
                Resolution.of(r.history()), r.episodes().stream().map(Episode::of).toList(),
                r.reports().stream().map(p -> ReportJson.of(p, r.episodes())).toList(),
                Chart.of(r.chart(CHART_POINTS)));
    }

    private static List<Firing> firings(List<RuleManager.Firing> firings) {
        return firings.stream().map(f -> new Firing(f.fired(), f.resolved())).toList();
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
