package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Histogram H = new Histogram(List.of(0.1, 0.5, 1.0, INF), List.of(50.0, 30.0, 15.0, 5.0));

    @Test
    void the_median_interpolates_inside_its_bucket() {
        // rank 50 is reached exactly at the end of the first bucket
        assertThat(H.quantile(0.5)).isCloseTo(0.1, offset(1e-12));
        // rank 65: 15 into the second bucket of 30, so a half of the way from 0.1 to 0.5
        assertThat(H.quantile(0.65)).isCloseTo(0.3, offset(1e-12));
    }

    @Test
    void a_quantile_in_the_infinite_bucket_is_the_highest_finite_bound() {
        assertThat(H.quantile(0.99)).isEqualTo(1.0);
    }

    @Test
    void p95_is_at_the_end_of_the_third_bucket() {
        assertThat(H.quantile(0.95)).isCloseTo(1.0, offset(1e-12));
        assertThat(H.quantile(0.9)).isCloseTo(0.5 + 0.5 * (10.0 / 15.0), offset(1e-12));
    }

    @Test
    void the_share_above_a_bucket_bound_is_exact_and_inside_a_bucket_interpolated() {
        assertThat(H.shareAbove(0.5)).isCloseTo(0.20, offset(1e-12));
        assertThat(H.shareAbove(0.3)).isCloseTo((15 + 15 + 5) / 100.0, offset(1e-12));
        assertThat(H.shareAbove(5.0)).isCloseTo(0.05, offset(1e-12));
    }

    @Test
    void merging_adds_bucket_counts_and_percentiles_come_from_the_merge_not_an_average() {
        Histogram fast = new Histogram(H.le(), List.of(100.0, 0.0, 0.0, 0.0));
        Histogram slow = new Histogram(H.le(), List.of(0.0, 0.0, 10.0, 0.0));
        Histogram merged = fast.merge(slow);

        assertThat(merged.counts()).containsExactly(100.0, 0.0, 10.0, 0.0);
        // an average of the two p95s would be (0.095 + 0.975) / 2 = 0.535; the merged p95 is in the third bucket
        assertThat(merged.quantile(0.95)).isCloseTo(0.5 + 0.5 * (104.5 - 100) / 10, offset(1e-12));
    }

    @Test
    void different_layouts_do_not_merge() {
        assertThatThrownBy(() -> H.merge(new Histogram(List.of(0.2, INF), List.of(1.0, 1.0))))
                .hasMessageStartingWith("histograms with different bucket bounds cannot be merged");
    }

    @Test
    void an_empty_histogram_has_no_percentiles_or_shares() {
        assertThat(Histogram.EMPTY.quantile(0.5)).isNull();
        assertThat(new Histogram(H.le(), List.of(0.0, 0.0, 0.0, 0.0)).shareAbove(0.1)).isNull();
    }
}
