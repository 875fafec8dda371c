package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilientPrometheusApiTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static SourceException failure(int status, boolean retryable) {
        return new SourceException("s", status, "x", "failed", retryable, null);
    }

    @Test
    void a_retryable_failure_is_tried_again_until_it_passes() {
        AtomicInteger calls = new AtomicInteger();
        PrometheusApi flaky = (q, s, e, step) -> {
            if (calls.incrementAndGet() < 3) {
                throw failure(503, true);
            }
            return List.of();
        };
        var api = new ResilientPrometheusApi("s", flaky, 4, Duration.ofMillis(10), Duration.ofSeconds(60));
        assertThat(api.queryRange("up", T, T, Duration.ofMinutes(1))).isEmpty();
        assertThat(calls).hasValue(3);
    }

    @Test
    void a_bad_query_is_not_retried() {
        AtomicInteger calls = new AtomicInteger();
        PrometheusApi bad = (q, s, e, step) -> {
            calls.incrementAndGet();
            throw failure(400, false);
        };
        var api = new ResilientPrometheusApi("s", bad, 4, Duration.ofMillis(10), Duration.ofSeconds(60));
        assertThatThrownBy(() -> api.queryRange("up", T, T, Duration.ofMinutes(1))).hasMessageContaining("HTTP 400");
        assertThat(calls).hasValue(1);
        assertThat(api.circuitState()).isEqualTo("CLOSED");
    }

    @Test
    void a_source_that_keeps_failing_is_not_called_while_its_circuit_is_open() {
        AtomicInteger calls = new AtomicInteger();
        PrometheusApi down = (q, s, e, step) -> {
            calls.incrementAndGet();
            throw failure(0, true);
        };
        var api = new ResilientPrometheusApi("s", down, 2, Duration.ofMillis(1), Duration.ofSeconds(60));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> api.queryRange("up", T, T, Duration.ofMinutes(1))).isInstanceOf(SourceException.class);
        }
        assertThat(calls).hasValue(4);
        assertThat(api.circuitState()).isEqualTo("OPEN");
        assertThatThrownBy(() -> api.queryRange("up", T, T, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("circuit-open");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(calls).hasValue(4);
    }
}
