package dev.plumbline.sql.psr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The period parameters of every figure, ranking and health endpoint and page: {@code month} (2026-10; a running month
 * is cut at the current hour), or {@code from} and {@code to} as dates (2026-10-01, both inclusive, UTC; cut at the
 * current hour) or as instants on whole minutes (2026-10-01T09:15:00Z, to exclusive; cut at the current minute), or
 * nothing for the default month ({@link #defaultMonth}: the last complete month during the first days of a month,
 * else the current month to date). Bad values, and dates outside
 * {@link Dates#RANGE}, are refused naming the parameter.
 * The REST API and the pages read their URLs with this one class, so a link and an API call mean the same period.
 */
public final class PeriodParameters {

    private PeriodParameters() {
    }

    /**
     * Reads the period parameters; with none, the {@link #defaultMonth default month}: the last complete month while
     * the current one is in its first {@code youngMonthDays} days, else the current month to date.
     */
    public static Period parse(String month, String from, String to, Clock clock, int youngMonthDays) {
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
            return instantLike(from) || instantLike(to) ? minutes(from, to, now) : days(from, to, now);
        }
        YearMonth shown = defaultMonth(now, youngMonthDays);
        return shown.equals(YearMonth.from(now.atOffset(ZoneOffset.UTC))) ? Period.monthToDate(shown, now)
                : Period.month(shown);
    }

    /**
     * The month shown when none is asked for: the previous month while the current one has run less than
     * {@code youngMonthDays} days (a comparison of its first hours with a whole month reads as noise), and always
     * during its first hour (it has no complete hour yet); else the current month, to date.
     *
     * @param youngMonthDays 0 to 27 ({@code plumbline.periods.young-month-days})
     */
    public static YearMonth defaultMonth(Instant now, int youngMonthDays) {
        if (youngMonthDays < 0 || youngMonthDays > 27) {
            throw new IllegalArgumentException("youngMonthDays: must be from 0 to 27, was " + youngMonthDays);
        }
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Instant monthStart = current.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean noCompleteHour = !now.truncatedTo(ChronoUnit.HOURS).isAfter(monthStart);
        boolean young = now.isBefore(monthStart.plus(youngMonthDays, ChronoUnit.DAYS));
        return noCompleteHour || young ? current.minusMonths(1) : current;
    }

    /** Whole days, both inclusive, cut at the current hour. */
    private static Period days(String from, String to, Instant now) {
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

    /** Instants on whole minutes, from inclusive and to exclusive, cut at the current minute. */
    private static Period minutes(String from, String to, Instant now) {
        Instant start = wholeMinute("from", Dates.instant("from", from));
        Instant end = wholeMinute("to", Dates.instant("to", to));
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("to: " + end + " is not after from " + start);
        }
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (!minute.isAfter(start)) {
            throw new IllegalArgumentException("from: " + start + " has no complete minute yet");
        }
        return new Period(start, end.isAfter(minute) ? minute : end);
    }

    private static Instant wholeMinute(String name, Instant t) {
        if (!t.truncatedTo(ChronoUnit.MINUTES).equals(t)) {
            throw new IllegalArgumentException(name + ": must be a whole minute (UTC), was " + t);
        }
        return t;
    }

    /** An instant (2026-10-01T09:15:00Z) rather than a date: it has a time. */
    private static boolean instantLike(String value) {
        return value.strip().contains("T");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * How a person names a period: "2026-10", "2026-10-01 to 2026-10-15" (whole days, inclusive), or
     * "2026-11-01 00:00 to 2026-11-23 14:00 UTC" (any other range, end exclusive).
     */
    public static String label(Period p) {
        LocalDate first = p.from().atOffset(ZoneOffset.UTC).toLocalDate();
        if (p.isCalendarMonth()) {
            return YearMonth.from(first).toString();
        }
        if (p.from().truncatedTo(ChronoUnit.DAYS).equals(p.from()) && p.to().truncatedTo(ChronoUnit.DAYS).equals(p.to())) {
            return first + " to " + p.lastDay();
        }
        return MINUTE.format(p.from()) + " to " + MINUTE.format(p.to()) + " UTC";
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
}
