package dev.plumbline.collectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinuteAssemblerTest {

    private static final MetricNames NAMES = MetricNames.plumbline();
    private static final long T = Instant.parse("2026-11-01T10:01:00Z").getEpochSecond();

    private static Series series(String service, String customer, String le, double... values) {
        long[] times = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            times[i] = T + 60L * i;
        }
        Map<String, String> labels = le == null ? Map.of("service", service, "customer", customer)
                : Map.of("service", service, "customer", customer, "le", le);
        return new Series(labels, times, values);
    }

    @Test
    void a_point_is_the_minute_before_it_and_cumulative_buckets_become_per_bucket_counts() {
        var out = MinuteAssembler.assemble("p", NAMES,
                List.of(series("s", "c", "0.1", 4), series("s", "c", "0.5", 9), series("s", "c", "+Inf", 10)),
                List.of(series("s", "c", null, 10)), List.of(series("s", "c", null, 2)));

        assertThat(out.minutes()).containsExactly(new TelemetryMinute("s", "c", "p",
                Instant.parse("2026-11-01T10:00:00Z"), 10, 2, List.of(0.1, 0.5, Double.POSITIVE_INFINITY),
                List.of(4.0, 5.0, 1.0), true));
        assertThat(out.anomalies().any()).isFalse();
    }

    @Test
    void nan_and_infinite_points_are_skipped_and_counted() {
        var out = MinuteAssembler.assemble("p", NAMES, List.of(),
                List.of(series("s", "c", null, Double.NaN, 5, Double.POSITIVE_INFINITY)), List.of());

        assertThat(out.minutes()).extracting(TelemetryMinute::requests).containsExactly(5.0);
        assertThat(out.anomalies().nonFinitePoints()).isEqualTo(2);
    }

    @Test
    void a_histogram_without_an_inf_bucket_is_not_stored_but_its_requests_are() {
        var out = MinuteAssembler.assemble("p", NAMES, List.of(series("s", "c", "0.1", 3)),
                List.of(series("s", "c", null, 3)), List.of());

        assertThat(out.minutes()).singleElement().satisfies(m -> {
            assertThat(m.requests()).isEqualTo(3);
            assertThat(m.latencyLe()).isEmpty();
        });
        assertThat(out.anomalies().histogramsWithoutInf()).isEqualTo(1);
    }

    @Test
    void minutes_without_requests_are_not_stored_and_a_missing_error_series_means_no_errors() {
        var out = MinuteAssembler.assemble("p", NAMES, List.of(), List.of(series("s", "c", null, 0, 7, 0)), List.of());

        assertThat(out.minutes()).singleElement().satisfies(m -> {
            assertThat(m.minute()).isEqualTo(Instant.ofEpochSecond(T));
            assertThat(m.errors()).isZero();
        });
    }

    @Test
    void series_with_gaps_and_buckets_missing_at_a_time_give_only_the_minutes_they_have() {
        // requests at the first and the tenth step only; the 0.5 bucket has no point at the tenth: it counts nothing
        Series requests = new Series(Map.of("service", "s", "customer", "c"), new long[] {T, T + 540},
                new double[] {6, 8});
        Series other = new Series(Map.of("service", "t", "customer", "c"), new long[] {T + 300}, new double[] {1});
        var out = MinuteAssembler.assemble("p", NAMES, List.of(
                        new Series(Map.of("service", "s", "customer", "c", "le", "0.1"), new long[] {T, T + 540},
                                new double[] {1, 2}),
                        new Series(Map.of("service", "s", "customer", "c", "le", "0.5"), new long[] {T},
                                new double[] {5}),
                        new Series(Map.of("service", "s", "customer", "c", "le", "+Inf"), new long[] {T, T + 540},
                                new double[] {6, 8})),
                List.of(requests, other), List.of());

        assertThat(out.minutes()).extracting(TelemetryMinute::service, m -> m.minute().getEpochSecond() - T,
                        TelemetryMinute::requests, TelemetryMinute::latencyCounts)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("s", -60L, 6.0, List.of(1.0, 4.0, 1.0)),
                        org.assertj.core.groups.Tuple.tuple("s", 480L, 8.0, List.of(2.0, 0.0, 6.0)),
                        org.assertj.core.groups.Tuple.tuple("t", 240L, 1.0, List.of()));
    }

    @Test
    void a_point_off_the_minute_steps_is_refused_naming_it() {
        Series late = new Series(Map.of("service", "s", "customer", "c"), new long[] {T, T + 90},
                new double[] {1, 1});

        assertThatThrownBy(() -> MinuteAssembler.assemble("p", NAMES, List.of(), List.of(late), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-01T10:02:30Z is not on the minute steps");
    }

    @Test
    void series_without_service_or_customer_labels_are_counted_not_guessed() {
        var out = MinuteAssembler.assemble("p", NAMES, List.of(),
                List.of(new Series(Map.of("service", "s"), new long[] {T}, new double[] {4}), series("s", "c", null, 1)),
                List.of());

        assertThat(out.minutes()).hasSize(1);
        assertThat(out.anomalies().seriesWithoutSlice()).isEqualTo(1);
    }

    @Test
    void a_bucket_below_the_one_before_it_counts_nothing_and_is_reported_when_it_is_more_than_noise() {
        var out = MinuteAssembler.assemble("p", NAMES,
                List.of(series("s", "c", "0.1", 5.2), series("s", "c", "0.5", 5.1), series("s", "c", "+Inf", 6)),
                List.of(series("s", "c", null, 6)), List.of());

        assertThat(out.minutes().getFirst().latencyCounts()).containsExactly(5.2, 0.0, 6 - 5.2);
        assertThat(out.anomalies().negativeBuckets()).isEqualTo(1);
    }

    @Test
    void extrapolation_noise_below_the_tolerance_is_clamped_without_a_report() {
        double fall = 1000 * MinuteAssembler.NOISE / 10;   // a tenth of the tolerance below a bucket of 1000
        var out = MinuteAssembler.assemble("p", NAMES,
                List.of(series("s", "c", "0.1", 1000), series("s", "c", "0.5", 1000 - fall),
                        series("s", "c", "+Inf", 1200)),
                List.of(series("s", "c", null, 1200)), List.of());

        assertThat(out.minutes().getFirst().latencyCounts()).containsExactly(1000.0, 0.0, 200.0);
        assertThat(out.anomalies().any()).isFalse();
    }
}
