package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThroughputTest {

    private static final Period DAY = new Period(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-02T00:00:00Z"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a fully collected day averages over all its seconds", 86_400.0, 1.0, 1.0),
                Arguments.of("a day collected half of the time averages over that half", 86_400.0, 0.5, 2.0),
                Arguments.of("a day with nothing collected has no average", 0.0, 0.0, null),
                Arguments.of("a day whose coverage is unknown has no average", 86_400.0, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_average_is_over_the_collected_time(String sentence, double requests, Double coverage, Double rps) {
        assertThat(Throughput.averageRps(requests, coverage, DAY)).isEqualTo(rps);
    }
}
