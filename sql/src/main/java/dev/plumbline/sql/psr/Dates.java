package dev.plumbline.sql.psr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The dates, months and instants Plumbline accepts from outside (API parameters and bodies, page URLs): ISO-8601,
 * from {@link #FIRST} to {@link #LAST} (UTC). The range keeps every period derived from one (the previous period of
 * up to ten years, a trend's 400 days back) inside what ClickHouse's {@code Date} and {@code DateTime} hold
 * (1970-01-01 to 2106-02-07). Every refusal begins with the name of the parameter or field.
 */
public final class Dates {

    /** The first day accepted. */
    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    /** The last day accepted. */
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);
    /** How the README and the API describe the range. */
    public static final String RANGE = FIRST + " to " + LAST + " (UTC)";

    private Dates() {
    }

    /** A date like 2026-10-31, within the range. */
    public static LocalDate date(String name, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": must be a date like 2026-10-31, was '" + shorten(text) + "'");
        }
        return check(name, date);
    }

    /** A month like 2026-10, within the range. */
    public static YearMonth month(String name, String text) {
        YearMonth month;
        try {
            month = YearMonth.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": must be a month like 2026-10, was '" + shorten(text) + "'");
        }
        if (month.isBefore(YearMonth.from(FIRST)) || month.isAfter(YearMonth.from(LAST))) {
            throw outside(name, month.toString());
        }
        return month;
    }

    /** An instant like 2026-10-01T00:00:00Z (an offset instead of Z is converted), within the range. */
    public static Instant instant(String name, String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": must be an instant like 2026-10-01T00:00:00Z, was '"
                    + shorten(text) + "'");
        }
        return check(name, instant);
    }

    /** {@code date}, if it is within the range. */
    public static LocalDate check(String name, LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw outside(name, date.toString());
        }
        return date;
    }

    /** {@code instant}, if its day is within the range. */
    public static Instant check(String name, Instant instant) {
        if (instant.isBefore(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !instant.isBefore(LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw outside(name, instant.toString());
        }
        return instant;
    }

    private static IllegalArgumentException outside(String name, String value) {
        return new IllegalArgumentException(name + ": " + shorten(value) + " is outside the dates Plumbline accepts, "
                + RANGE);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
