package dev.plumbline.collectors.prometheus.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-minute rule on hand-made samples; every expected minute is computed by hand in the comment beside it. */
class ExactIncreasesTest {

    private static final long M = 60_000;

    @Test
    void each_increase_goes_to_the_minute_of_the_later_sample() {
        // samples at 0:50, 1:05, 1:20, 1:59.999, 2:00, 3:30 with values 10, 12, 12, 20, 25, 26
        long[] t = {50_000, 65_000, 80_000, 2 * M - 1, 2 * M, 3 * M + 30_000};
        double[] v = {10, 12, 12, 20, 25, 26};
        double[] minutes = new double[4];
        int resets = ExactIncreases.add(t, v, t.length, 0, minutes);
        // minute 0: nothing (0:50 is the first sample); minute 1: 2 + 0 + 8; minute 2: 5; minute 3: 1
        assertThat(minutes).containsExactly(0, 10, 5, 1);
        assertThat(resets).isZero();
    }

    @Test
    void a_reset_counts_the_new_value_and_staleness_markers_are_skipped() {
        // 100 → 130 (+30), reset to 4 (+4), stale marker, 9 (+5 from 4), 9 (+0)
        long[] t = {10_000, 70_000, 130_000, 150_000, 190_000, 250_000};
        double[] v = {100, 130, 4, Double.NaN, 9, 9};
        double[] minutes = new double[5];
        boolean[] covered = new boolean[5];
        int resets = ExactIncreases.add(t, v, t.length, 0, minutes, covered);
        assertThat(minutes).containsExactly(0, 30, 4, 5, 0);
        assertThat(resets).isEqualTo(1);
        assertThat(covered).as("minute 0 holds only the first sample; minute 4 an increase of 0")
                .containsExactly(false, true, true, true, true);
    }

    @Test
    void samples_outside_the_minutes_are_bases_only() {
        // the minutes start at 2:00; the sample at 1:30 is the base of the one at 2:10, the one at 4:10 is past them
        long[] t = {90_000, 130_000, 250_000};
        double[] v = {1, 6, 50};
        double[] minutes = new double[2];
        ExactIncreases.add(t, v, t.length, 2 * M, minutes);
        assertThat(minutes).containsExactly(5, 0);
    }
}
