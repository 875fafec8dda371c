package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RowVersionsTest {

    private final RowVersions versions = new RowVersions();
    private static final Clock FIXED = Clock.fixed(Instant.parse("2031-05-04T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void two_versions_from_a_clock_that_stands_still_differ_and_increase() {
        Instant first = versions.after(FIXED);
        Instant second = versions.after(FIXED);

        assertThat(second).isAfter(first);
    }

    @Test
    void a_clock_set_back_never_gives_an_older_version() {
        Instant late = versions.after(Clock.fixed(Instant.parse("2032-01-01T00:00:00Z"), ZoneOffset.UTC));
        Instant afterSetBack = versions.after(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(afterSetBack).isAfter(late);
    }

    @Test
    void a_clock_ahead_of_the_last_version_gives_its_own_time_in_milliseconds() {
        Instant ahead = Instant.parse("2040-02-03T04:05:06.789123Z");

        assertThat(versions.after(Clock.fixed(ahead, ZoneOffset.UTC))).isEqualTo(Instant.parse("2040-02-03T04:05:06.789Z"));
    }
}
