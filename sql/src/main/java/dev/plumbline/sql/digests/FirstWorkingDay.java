package dev.plumbline.sql.digests;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The rule {@code @first-working-day HH:MM}: every month on its first working day, Monday to Friday (public holidays
 * are not known, so a Monday holiday still counts), at HH:MM in the recipient's zone. A time the zone skips (a DST
 * gap) runs at the same offset after the gap, a time it repeats runs at the first of the two (as
 * {@link ZonedDateTime#of} resolves them).
 *
 * @param text the rule as written
 * @param at   the local time of day
 */
public record FirstWorkingDay(String text, LocalTime at) implements Schedule {

    static final String PREFIX = "@first-working-day";

    static FirstWorkingDay parse(String text) {
        String[] parts = text.split("\\s+");
        if (parts.length != 2 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("schedule: '" + text + "': the only rule is '" + PREFIX
                    + " HH:MM' (e.g. '" + PREFIX + " 08:00'); other schedules are UNIX cron expressions");
        }
        try {
            return new FirstWorkingDay(text, LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule: '" + text + "': '" + parts[1] + "' is not a time HH:MM", e);
        }
    }

    /** The first Monday to Friday of {@code month}. */
    public static LocalDate of(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Override
    public Optional<Instant> latestRun(Instant after, Instant upTo, ZoneId zone) {
        YearMonth month = YearMonth.from(upTo.atZone(zone));
        for (YearMonth m = month; !m.isBefore(month.minusMonths(1)); m = m.minusMonths(1)) {
            Instant run = ZonedDateTime.of(of(m), at, zone).toInstant();
            if (!run.isAfter(upTo)) {
                return run.isAfter(after) ? Optional.of(run) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
