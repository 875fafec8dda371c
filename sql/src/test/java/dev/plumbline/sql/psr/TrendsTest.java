package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendsTest {

    @Test
    void the_moving_average_is_the_mean_of_the_last_days_skipping_missing_ones() {
        List<Double> v = Arrays.asList(1.0, 3.0, null, 5.0, 7.0);
        assertThat(Trends.movingAverage(v, 3)).containsExactly(1.0, 2.0, null, 4.0, 6.0);
        assertThat(Trends.movingAverage(Arrays.asList((Double) null), 7)).containsExactly((Double) null);
    }

    @Test
    void the_band_is_two_standard_deviations_around_the_earlier_days_and_waits_for_a_week() {
        List<Double> v = new ArrayList<>(Collections.nCopies(7, 10.0));
        v.addAll(List.of(12.0, 8.0, 50.0));
        Trends.Band band = Trends.band(v, 28);
        assertThat(band.lower().subList(0, 7)).containsOnlyNulls();
        assertThat(band.lower().get(7)).isEqualTo(10.0);   // seven equal days: no spread
        assertThat(band.upper().get(7)).isEqualTo(10.0);
        double mean = (7 * 10.0 + 12 + 8) / 9;
        double sd = Math.sqrt((7 * 100.0 + 144 + 64) / 9 - mean * mean);
        assertThat(band.upper().get(9)).isCloseTo(mean + 2 * sd, within(1e-12));
        assertThat(50.0).isGreaterThan(band.upper().get(9));   // the spike stands out
    }
}
