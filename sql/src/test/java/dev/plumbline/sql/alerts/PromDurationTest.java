package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PromDurationTest {

    @ParameterizedTest(name = "{0} is {1} minutes and written {2}")
    @CsvSource({"5m, 5, 5m", "1h, 60, 1h", "90m, 90, 1h30m", "1h30m, 90, 1h30m", "3d, 4320, 3d", "1w, 10080, 7d",
            "0m, 0, 0m", "2d6h, 3240, 2d6h"})
    void durations_read_and_write_as_prometheus_does(String text, long minutes, String written) {
        assertThat(PromDuration.parse("for", text)).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(PromDuration.format(Duration.ofMinutes(minutes))).isEqualTo(written);
    }

    @Test
    void seconds_and_words_are_refused_naming_the_field() {
        assertThatThrownBy(() -> PromDuration.parse("longWindow", "30s"))
                .hasMessage("longWindow: must be a duration like 5m, 1h or 3d (units w, d, h, m), was '30s'");
        assertThatThrownBy(() -> PromDuration.parse("for", "an hour")).hasMessageStartingWith("for: must be a duration");
        assertThatThrownBy(() -> PromDuration.parse("for", null)).hasMessageStartingWith("for: must be a duration");
    }
}
