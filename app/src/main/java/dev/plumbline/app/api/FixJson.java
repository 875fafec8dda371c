package dev.plumbline.app.api;

import dev.plumbline.sql.fixes.Effect;
import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.sql.fixes.Significance;
import dev.plumbline.sql.fixes.TrackedFix;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A tracked fix as the API gives it. Every revenueAtRisk (reporting currency) is left out without view-money.
 *
 * @param state            planned, shipped (also while fewer than 3 whole days have passed since the ship day),
 *                         verified-improved, no-significant-change or worse
 * @param deployAnnotation the id of the deploy annotation it shipped with, when linked
 * @param snapshot         the affected customers' figures over the 14 whole days before it was tracked
 * @param effect           once shipped: the measured effect
 */
@Serdeable
public record FixJson(String id, String title, String service, String problem, List<String> customers, String owner,
                      LocalDate targetDate, HypothesisJson hypothesis, String state, @Nullable Instant shippedAt,
                      @Nullable String deployAnnotation, SnapshotJson snapshot, @Nullable EffectJson effect,
                      String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, int version) {

    /** @param text as a sentence, e.g. "error_ratio below 0.001" */
    @Serdeable
    public record HypothesisJson(String figure, String comparison, double value, String text) {
    }

    /** @param value the hypothesis' figure over the days; left out when it cannot be computed */
    @Serdeable
    public record SnapshotJson(LocalDate from, LocalDate to, double requests, @Nullable Double value,
                               @Nullable Double revenueAtRisk) {
    }

    /**
     * @param test           the significance test and its confidence
     * @param days           whole days in each window (14 at most; the ship day in neither)
     * @param finalOn        the day both windows reach 14 days and the effect stops changing
     * @param significance   the test on the daily values of the affected customers together; left out while either
     *                       window has fewer than two days with a value
     * @param hypothesisHeld whether the after window's figure satisfies the hypothesis
     */
    @Serdeable
    public record EffectJson(String test, double confidence, int days, LocalDate finalOn, WindowJson before,
                             WindowJson after, @Nullable SignificanceJson significance, boolean hypothesisHeld,
                             List<CustomerJson> customers) {
    }

    /** @param value the figure over the whole window; daily: the values the test compares */
    @Serdeable
    public record WindowJson(LocalDate from, LocalDate to, double requests, @Nullable Double value,
                             List<DayJson> daily, @Nullable Double revenueAtRisk) {
    }

    @Serdeable
    public record DayJson(LocalDate day, double value) {
    }

    /**
     * @param t      Welch's t statistic (before mean - after mean over its standard error); left out when neither
     *               window has any spread (then pValue is 1 for equal means, 0 for different ones)
     * @param pValue two-sided
     * @param change improved, no-significant-change or worse (lower is better)
     */
    @Serdeable
    public record SignificanceJson(int beforeDays, int afterDays, double beforeMean, double afterMean, @Nullable Double t,
                                   double pValue, String change) {
    }

    @Serdeable
    public record CustomerJson(String customer, WindowJson before, WindowJson after,
                               @Nullable SignificanceJson significance) {
    }

    static FixJson of(FixTracking.Tracked tracked, boolean money) {
        TrackedFix f = tracked.fix();
        var s = f.snapshot();
        return new FixJson(f.id().toString(), f.title(), f.service(), f.problem(), f.customers(), f.owner(),
                f.targetDate(), new HypothesisJson(f.hypothesis().figure().label(), f.hypothesis().comparison().label(),
                f.hypothesis().value(), f.hypothesis().toString()), tracked.state().label(), f.shippedAt(),
                f.deployAnnotation() == null ? null : f.deployAnnotation().toString(),
                new SnapshotJson(s.from(), s.toExclusive(), s.requests(), s.value(), money ? s.revenueAtRisk() : null),
                tracked.effect().map(e -> effect(e, money)).orElse(null), f.createdBy(), f.createdAt(), f.updatedBy(),
                f.updatedAt(), f.version());
    }

    private static EffectJson effect(Effect e, boolean money) {
        return new EffectJson(Significance.TEST, Significance.CONFIDENCE, e.windows().days(), e.windows().finalOn(),
                window(e.before(), money ? e.revenueAtRiskBefore() : null),
                window(e.after(), money ? e.revenueAtRiskAfter() : null), significance(e.significance()),
                e.hypothesisHeld(), e.customers().stream().map(c -> new CustomerJson(c.customer(),
                        window(c.before(), null), window(c.after(), null), significance(c.significance()))).toList());
    }

    private static WindowJson window(Effect.Window w, Double revenueAtRisk) {
        return new WindowJson(w.from(), w.toExclusive(), w.requests(), w.value(),
                w.daily().stream().map(d -> new DayJson(d.day(), d.value())).toList(), revenueAtRisk);
    }

    private static SignificanceJson significance(Significance s) {
        return s == null ? null : new SignificanceJson(s.beforeDays(), s.afterDays(), s.beforeMean(), s.afterMean(),
                Double.isFinite(s.t()) ? s.t() : null, s.pValue(), s.change().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
