package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The application's clock: what "now", "today" and "this month" mean for every page, figure and schedule.
 * Environment: PLUMBLINE_CLOCK_START.
 *
 * @param start empty for the system clock; else an instant such as {@code 2026-11-15T12:00:00Z}: the clock reads
 *              it when the application starts and runs on from there (tests, and demos of another date)
 */
@ConfigurationProperties(ClockProperties.PREFIX)
public record ClockProperties(@Nullable String start) {

    public static final String PREFIX = "plumbline.clock";

    public ClockProperties {
        if (start != null && !start.isBlank()) {
            parse(start);
        }
    }

    /** The clock these settings describe, read at {@code system}'s current instant. */
    public Clock toClock(Clock system) {
        if (start == null || start.isBlank()) {
            return system.withZone(ZoneOffset.UTC);
        }
        return Clock.offset(system.withZone(ZoneOffset.UTC), Duration.between(system.instant(), parse(start)));
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PREFIX + ".start: must be an instant like 2026-11-15T12:00:00Z, was '"
                    + value + "'");
        }
    }
}
