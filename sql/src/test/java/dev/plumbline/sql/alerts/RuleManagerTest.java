package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.alerts.BurnRule.Severity;
import dev.plumbline.sql.alerts.RuleManager.Firing;
import dev.plumbline.sql.alerts.RuleManager.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule manager's semantics on hand-made minutes: 100 requests a minute, a target of 99% (1% allowed), so a minute
 * with 10 errors burns 10x. Evaluation e reads the minutes before it; the counts start 10 minutes before the first
 * evaluation.
 */
class RuleManagerTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant FIRST = START.plus(Duration.ofMinutes(10));
    private static final double TARGET = 0.99;

    /** 40 minutes of 100 requests; the minutes listed (from the first evaluation's) have 10 errors each. */
    private static MinuteCounts counts(int... badMinutes) {
        double[] total = new double[40];
        double[] bad = new double[40];
        Arrays.fill(total, 100);
        for (int m : badMinutes) {
            bad[10 + m] = 10;
        }
        return new MinuteCounts(START, total, bad);
    }

    private static BurnRule rule(Duration longWindow, Duration shortWindow, Duration forDuration, Duration keep,
                                 long minRequests) {
        return new BurnRule("page", Severity.PAGE, longWindow, shortWindow, 5, forDuration, keep, minRequests);
    }

    private static State[] run(BurnRule rule, MinuteCounts counts, int evaluations) {
        return RuleManager.run(rule, TARGET, counts, FIRST, FIRST.plus(Duration.ofMinutes(evaluations - 1))).states();
    }

    private static final State I = State.INACTIVE;
    private static final State P = State.PENDING;
    private static final State F = State.FIRING;

    @Test
    void a_rule_with_no_for_fires_at_the_first_evaluation_that_sees_the_burn() {
        // minutes 2 and 3 are bad: the evaluation at 3 reads minute 2 first
        BurnRule oneMinute = rule(Duration.ofMinutes(1), null, Duration.ZERO, Duration.ZERO, 0);

        assertThat(run(oneMinute, counts(2, 3), 6)).containsExactly(I, I, I, F, F, I);
    }

    @Test
    void a_rule_with_for_two_minutes_fires_at_the_third_evaluation_in_a_row() {
        BurnRule held = rule(Duration.ofMinutes(1), null, Duration.ofMinutes(2), Duration.ZERO, 0);

        assertThat(run(held, counts(1, 2, 3, 4), 7)).containsExactly(I, I, P, P, F, F, I);
    }

    @Test
    void one_evaluation_without_a_result_drops_a_pending_alert_and_the_count_starts_again() {
        BurnRule held = rule(Duration.ofMinutes(1), null, Duration.ofMinutes(2), Duration.ZERO, 0);

        assertThat(run(held, counts(1, 2, 4, 5, 6), 9)).containsExactly(I, I, P, P, I, P, P, F, I);
    }

    @Test
    void keep_firing_for_holds_a_firing_alert_that_many_minutes_after_its_last_result() {
        BurnRule kept = rule(Duration.ofMinutes(1), null, Duration.ZERO, Duration.ofMinutes(3), 0);

        assertThat(run(kept, counts(2), 8)).containsExactly(I, I, I, F, F, F, F, I);
        assertThat(RuleManager.run(kept, TARGET, counts(2), FIRST, FIRST.plus(Duration.ofMinutes(7))).firings())
                .containsExactly(new Firing(FIRST.plus(Duration.ofMinutes(3)), FIRST.plus(Duration.ofMinutes(7))));
    }

    @Test
    void keep_firing_for_does_not_hold_a_pending_alert() {
        BurnRule keptButHeld = rule(Duration.ofMinutes(1), null, Duration.ofMinutes(2), Duration.ofMinutes(5), 0);

        assertThat(run(keptButHeld, counts(2), 6)).containsExactly(I, I, I, P, I, I);
    }

    @Test
    void the_long_window_keeps_burning_after_recovery_but_the_short_window_resolves_the_alert() {
        // 10 bad minutes in a 10-minute window burn 10x; after them the 10-minute window still burns 5x+ for 5 minutes
        BurnRule longOnly = rule(Duration.ofMinutes(10), null, Duration.ZERO, Duration.ZERO, 0);
        BurnRule withShort = rule(Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ZERO, Duration.ZERO, 0);
        MinuteCounts burst = counts(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        State[] alone = run(longOnly, burst, 20);
        State[] both = run(withShort, burst, 20);

        assertThat(Arrays.asList(alone).lastIndexOf(F)).as("long window only: the last firing evaluation").isEqualTo(14);
        assertThat(Arrays.asList(both).lastIndexOf(F)).as("with a 2-minute short window").isEqualTo(10);
    }

    @Test
    void a_minimum_request_count_keeps_a_burn_on_low_traffic_from_firing() {
        double[] total = new double[40];
        double[] bad = new double[40];
        total[12] = 3;
        bad[12] = 1;   // one error in three requests: 33x, on almost nothing
        MinuteCounts quiet = new MinuteCounts(START, total, bad);

        assertThat(run(rule(Duration.ofMinutes(5), null, Duration.ZERO, Duration.ZERO, 0), quiet, 8))
                .contains(F);
        assertThat(run(rule(Duration.ofMinutes(5), null, Duration.ZERO, Duration.ZERO, 10), quiet, 8))
                .containsOnly(I);
    }

    @Test
    void a_window_without_requests_has_no_result() {
        MinuteCounts none = new MinuteCounts(START, new double[40], new double[40]);

        assertThat(run(rule(Duration.ofMinutes(5), null, Duration.ZERO, Duration.ZERO, 0), none, 5)).containsOnly(I);
    }

    @Test
    void a_burn_exactly_at_the_threshold_has_no_result_as_the_comparison_is_strictly_above() {
        double[] total = new double[40];
        double[] bad = new double[40];
        Arrays.fill(total, 100);
        bad[12] = 5;   // 5% errors against 1% allowed: exactly 5x
        MinuteCounts exact = new MinuteCounts(START, total, bad);

        assertThat(run(rule(Duration.ofMinutes(1), null, Duration.ZERO, Duration.ZERO, 0), exact, 5)).containsOnly(I);
        assertThat(List.of(RuleManager.threshold(rule(Duration.ofMinutes(1), null, Duration.ZERO, Duration.ZERO, 0),
                TARGET))).containsExactly(5 * (1 - TARGET));
    }
}
