package dev.plumbline.sql.psr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The period parameters of every figure, ranking and health endpoint and page: {@code month} (2026-10; a running month
 * is cut at the current hour), or {@code from} and {@code to} (dates, both inclusive, UTC), or nothing for the current
 * month to date (the previous month during the first hour of a month). Bad values, and dates outside
 * {@link Dates#RANGE}, are refused naming the parameter.
 * The REST API and the pages read their URLs with this one class, so a link and an API call mean the same period.
 */
public final class PeriodParameters {

    private PeriodParameters() {
    }

    public static Period parse(String month, String from, String to, Clock clock) {
        Instant now = clock.instant();
        boolean range = present(from) || present(to);
        if (present(month) && range) {
            throw new IllegalArgumentException("month: give either month or from and to, not both");
        }
        if (present(month)) {
            return Period.monthToDate(Dates.month("month", month), now);
        }
        if (range) {
            if (!present(from) || !present(to)) {
                throw new IllegalArgumentException((present(from) ? "to" : "from") + ": required with "
                        + (present(from) ? "from" : "to"));
            }
            LocalDate first = Dates.date("from", from);
            LocalDate last = Dates.date("to", to);
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("to: " + last + " is before from " + first);
            }
            Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant hour = now.truncatedTo(ChronoUnit.HOURS);
            if (!hour.isAfter(start)) {
                throw new IllegalArgumentException("from: " + first + " has no complete hour yet");
            }
            return new Period(start, end.isAfter(hour) ? hour : end);
        }
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Instant monthStart = current.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return now.truncatedTo(ChronoUnit.HOURS).isAfter(monthStart) ? Period.monthToDate(current, now)
                : Period.month(current.minusMonths(1));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * How a person names a period: "2026-10", "2026-10-01 to 2026-10-15" (whole days, inclusive), or
     * "2026-11-01 00:00 to 2026-11-23 14:00 UTC" (a running month, end exclusive).
     */
    public static String label(Period p) {
        LocalDate first = p.from().atOffset(ZoneOffset.UTC).toLocalDate();
        if (p.isCalendarMonth()) {
            return YearMonth.from(first).toString();
        }
        if (p.from().truncatedTo(ChronoUnit.DAYS).equals(p.from()) && p.to().truncatedTo(ChronoUnit.DAYS).equals(p.to())) {
            return first + " to " + p.lastDay();
        }
        return p.from().toString().replace("T", " ").replace(":00:00Z", ":00") + " to "
                + p.to().toString().replace("T", " ").replace(":00:00Z", ":00") + " UTC";
    }
}
