package dev.plumbline.sql.alerts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a backtest report counts pages: business hours (a page outside them woke someone) and the cooldown within which
 * an alert that fires again is a flap.
 *
 * @param zone     the on-call team's time zone
 * @param dayStart business hours start (inclusive)...
 * @param dayEnd   ...and end (exclusive), on
 * @param workdays these days
 * @param cooldown an alert firing again less than this after it resolved is a flap
 */
public record ReportSettings(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> workdays,
                             Duration cooldown) {

    /** 09:00-18:00 UTC, Monday to Friday, 30 minutes. */
    public static final ReportSettings DEFAULT = new ReportSettings(ZoneId.of("UTC"), LocalTime.of(9, 0),
            LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Duration.ofMinutes(30));

    public ReportSettings {
        workdays = Set.copyOf(workdays);
        if (!dayStart.isBefore(dayEnd)) {
            throw new IllegalArgumentException("businessHours: the start " + dayStart + " must be before the end " + dayEnd);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown: must not be negative, was " + cooldown);
        }
    }

    /** Whether {@code t} is outside business hours. */
    public boolean offHours(java.time.Instant t) {
        var local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !workdays.contains(local.getDayOfWeek()) || time.isBefore(dayStart) || !time.isBefore(dayEnd);
    }
}
