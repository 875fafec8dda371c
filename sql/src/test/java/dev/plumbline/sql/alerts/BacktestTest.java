package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.sql.alerts.BadEpisode.Origin;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two weeks of a planted history, 1,000 requests a minute against 99.9% (30 days: a budget of 43,200 bad requests),
 * and what each candidate must do with it, worked out by hand from the rule manager's semantics:
 * <ul>
 *   <li>a sharp burn, Monday 10:00-12:00 of the first week at 20x (2,400 bad: 2.8% of the budget within 1 h; out of
 *   any 3-day window by the time the slow burn starts);</li>
 *   <li>a slow burn, Saturday 00:00 to Monday 00:00 at 2x (5,760 bad: 13% within 3 days);</li>
 *   <li>a blip, Saturday 15:00 of the second week, 3 minutes at 50x (150 bad: not budget-significant);</li>
 *   <li>an incident annotated Friday 09:00-10:00 of the second week, with no burn (every policy misses it).</li>
 * </ul>
 */
class BacktestTest {

    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");   // a Monday
    private static final Instant TO = FROM.plus(Duration.ofDays(14));
    private static final Instant COUNTS_START = FROM.minus(Duration.ofDays(3));
    private static final double TARGET = 0.999;
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final Instant SHARP = FROM.plus(Duration.ofHours(10));
    private static final Instant SLOW = FROM.plus(Duration.ofDays(5));
    private static final Instant BLIP = FROM.plus(Duration.ofDays(12)).plus(Duration.ofHours(15));
    private static final Instant INCIDENT = FROM.plus(Duration.ofDays(11)).plus(Duration.ofHours(9));
    private static MinuteCounts counts;
    private static List<BadEpisode> episodes;
    private static List<Report> reports;

    @BeforeAll
    static void replay() {
        int minutes = (int) Duration.between(COUNTS_START, TO).toMinutes();
        double[] total = new double[minutes];
        double[] bad = new double[minutes];
        Arrays.fill(total, 1000);
        plant(bad, SHARP, Duration.ofHours(2), 20);
        plant(bad, SLOW, Duration.ofHours(48), 2);
        plant(bad, BLIP, Duration.ofMinutes(3), 50);
        counts = new MinuteCounts(COUNTS_START, total, bad);
        episodes = BadEpisodes.find(counts, TARGET, PERIOD, FROM, TO,
                List.of(new BadEpisodes.Incident(INCIDENT, INCIDENT.plus(Duration.ofHours(1)), "payments degraded")));
        reports = Backtest.run(counts, TARGET, PERIOD, FROM, TO, List.of(Presets.sreWorkbook(ObjectiveWindow.rolling(30)),
                Presets.singleWindow(Duration.ofMinutes(5), 10, Duration.ZERO)), episodes, ReportSettings.DEFAULT);
    }

    private static void plant(double[] bad, Instant start, Duration length, double burn) {
        int from = (int) Duration.between(COUNTS_START, start).toMinutes();
        for (int m = 0; m < length.toMinutes(); m++) {
            bad[from + m] = burn;   // 1,000 requests x 0.1% allowed = 1 per minute: bad = burn
        }
    }

    @Test
    void the_sharp_and_slow_burns_and_the_incident_are_the_episodes_and_the_blip_is_not() {
        assertThat(episodes).extracting(BadEpisode::start, BadEpisode::end, BadEpisode::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SHARP, SHARP.plus(Duration.ofHours(2)), Origin.BURN),
                org.assertj.core.groups.Tuple.tuple(SLOW, SLOW.plus(Duration.ofHours(48)), Origin.BURN),
                org.assertj.core.groups.Tuple.tuple(INCIDENT, INCIDENT.plus(Duration.ofHours(1)), Origin.INCIDENT));
        assertThat(episodes.getFirst().budgetBurned()).isCloseTo(2400.0 / 43_200, offset(1e-12));
    }

    @Test
    void the_sre_defaults_page_once_for_the_sharp_burn_ticket_the_slow_one_and_miss_the_quiet_incident() {
        Report sre = reports.getFirst();

        assertThat(sre.pages()).isEqualTo(1);
        assertThat(sre.alerts()).isEqualTo(2);
        assertThat(sre.caught()).isEqualTo(2);
        assertThat(sre.missed()).isEqualTo(1);
        assertThat(sre.precision()).isEqualTo(1.0);
        assertThat(sre.recall()).isCloseTo(2 / 3.0, offset(1e-12));
        Report.Outcome sharp = sre.episodes().get(0);
        // 1 h window above 14.4x at 20x: 44 bad minutes in the window, so the evaluation at 10:44
        assertThat(sharp.detection()).isEqualTo(Duration.ofMinutes(44));
        assertThat(sharp.budgetBeforeFiring()).isCloseTo(44 * 20 / 43_200.0, offset(1e-12));
        // the 6 h page (30 m short window) holds until 30 m holds fewer than 10 bad minutes: resolves at 12:21
        assertThat(sharp.reset()).isEqualTo(Duration.ofMinutes(21));
        Report.Outcome slow = sre.episodes().get(1);
        // 3 d window above 1x at 2x: 2,161 bad minutes, the evaluation 36 h 1 m after the start
        assertThat(slow.detection()).isEqualTo(Duration.ofHours(36).plusMinutes(1));
        // the 6 h short window holds 180 bad minutes (exactly 1x, not above) 3 h after recovery
        assertThat(slow.reset()).isEqualTo(Duration.ofHours(3));
        assertThat(sre.episodes().get(2).caught()).isFalse();
        assertThat(sre.timeFiring()).isEqualTo(Duration.ofMinutes(12 * 60 + 21 - (10 * 60 + 44))
                .plus(Duration.between(SLOW.plus(Duration.ofMinutes(2161)), SLOW.plus(Duration.ofHours(51)))));
    }

    @Test
    void a_five_minute_threshold_pages_on_the_blip_off_hours_and_misses_the_slow_burn() {
        Report single = reports.get(1);

        assertThat(single.pages()).isEqualTo(2);
        assertThat(single.pagesOffHours()).as("Saturday 15:03").isEqualTo(1);
        assertThat(single.precision()).isEqualTo(0.5);
        assertThat(single.recall()).isCloseTo(1 / 3.0, offset(1e-12));
        // 5 m above 10x at 20x: 3 bad minutes in the window, the evaluation at 10:03
        assertThat(single.episodes().getFirst().detection()).isEqualTo(Duration.ofMinutes(3));
        assertThat(single.pagesPerWeek()).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void a_flap_is_an_alert_that_fires_again_within_the_cooldown() {
        double[] total = new double[200];
        double[] bad = new double[200];
        Arrays.fill(total, 1000);
        for (int m : new int[] {70, 71, 72, 90, 91, 92, 160, 161, 162}) {
            bad[m] = 50;
        }
        MinuteCounts bursts = new MinuteCounts(COUNTS_START, total, bad);
        Report r = Backtest.run(bursts, TARGET, PERIOD, COUNTS_START.plus(Duration.ofMinutes(60)),
                COUNTS_START.plus(Duration.ofMinutes(200)), List.of(Presets.singleWindow(Duration.ofMinutes(5), 10,
                        Duration.ZERO)), List.of(), ReportSettings.DEFAULT).getFirst();

        assertThat(r.alerts()).isEqualTo(3);
        assertThat(r.flaps()).as("the second burst fires again 15 minutes after the first resolved").isEqualTo(1);
        assertThat(r.precision()).as("no bad episode: every alert was noise").isEqualTo(0.0);
        assertThat(r.recall()).isNull();
    }
}
