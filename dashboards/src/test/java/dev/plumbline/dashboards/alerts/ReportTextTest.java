package dev.plumbline.dashboards.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.alerts.BadEpisode;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.Report;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void durations_read_in_their_two_largest_units() {
        assertThat(ReportText.duration(Duration.ZERO)).isEqualTo("0m");
        assertThat(ReportText.duration(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(ReportText.duration(Duration.ofMinutes(60))).isEqualTo("1h");
        assertThat(ReportText.duration(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(ReportText.duration(Duration.ofHours(50).plusMinutes(7))).isEqualTo("2d 2h");
        assertThat(ReportText.duration(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(ReportText.duration(null)).isEqualTo("–");
    }

    @Test
    void factors_drop_trailing_zeros() {
        assertThat(ReportText.factor(14.4)).isEqualTo("14.4x");
        assertThat(ReportText.factor(15.0)).isEqualTo("15x");
        assertThat(ReportText.factor(2.142857142857143)).isEqualTo("2.14x");
        assertThat(ReportText.factor(0.5)).isEqualTo("0.5x");
    }

    @Test
    void a_rule_reads_as_one_line_naming_only_what_is_not_the_default() {
        assertThat(ReportText.rule(new BurnRule("page-1h", BurnRule.Severity.PAGE, Duration.ofHours(1),
                Duration.ofMinutes(5), 14.4, Duration.ZERO, Duration.ZERO, 0)))
                .isEqualTo("page-1h: page above 14.4x over 1h and 5m");
        assertThat(ReportText.rule(new BurnRule("slow", BurnRule.Severity.TICKET, Duration.ofDays(3), null, 1,
                Duration.ofHours(1), Duration.ofMinutes(10), 100)))
                .isEqualTo("slow: ticket above 1x over 3d, for 1h, keep firing 10m, at least 100 requests");
    }

    @Test
    void an_outcome_says_how_soon_how_much_budget_and_how_soon_it_reset_or_that_it_was_missed() {
        BadEpisode e = new BadEpisode(Instant.parse("2026-10-20T14:00:00Z"), Instant.parse("2026-10-20T16:00:00Z"),
                BadEpisode.Origin.BOTH, "deploy", 0.2);
        assertThat(ReportText.outcome(new Report.Outcome(e, true, Duration.ofMinutes(5), 0.0123, Duration.ofMinutes(10))))
                .isEqualTo("caught after 5m (1.2% of the budget), reset 10m");
        assertThat(ReportText.outcome(new Report.Outcome(e, true, Duration.ZERO, 0.0, null)))
                .isEqualTo("caught after 0m (0.0% of the budget), reset still firing");
        assertThat(ReportText.outcome(new Report.Outcome(e, false, null, null, null))).isEqualTo("missed");
        assertThat(ReportText.origin(BadEpisode.Origin.BOTH)).isEqualTo("incident + burn");
        assertThat(ReportText.minute(e.start())).isEqualTo("2026-10-20 14:00");
    }
}
