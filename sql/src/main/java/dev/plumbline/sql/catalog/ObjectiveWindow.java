package dev.plumbline.sql.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The period an objective is judged over: a rolling number of days, or a calendar month, quarter or year (UTC).
 *
 * @param days     rolling window length; 0 for a calendar window
 * @param calendar the calendar window, or {@link Calendar#NONE} for a rolling one
 */
public record ObjectiveWindow(int days, Calendar calendar) {

    /** A calendar-aligned window (UTC), or none. */
    public enum Calendar {
        NONE, MONTH, QUARTER, YEAR
    }

    public static final ObjectiveWindow CALENDAR_MONTH = new ObjectiveWindow(0, Calendar.MONTH);
    public static final ObjectiveWindow CALENDAR_QUARTER = new ObjectiveWindow(0, Calendar.QUARTER);
    public static final ObjectiveWindow CALENDAR_YEAR = new ObjectiveWindow(0, Calendar.YEAR);

    public ObjectiveWindow {
        java.util.Objects.requireNonNull(calendar, "calendar");
        if (calendar == Calendar.NONE ? days < 1 || days > 366 : days != 0) {
            throw new IllegalArgumentException("an objective window is 1 to 366 days, or a calendar month, quarter or "
                    + "year; was " + days + " days" + (calendar == Calendar.NONE ? "" : " and " + calendar));
        }
    }

    public static ObjectiveWindow rolling(int days) {
        if (days == 0) {
            throw new IllegalArgumentException("a rolling window needs at least 1 day");
        }
        return new ObjectiveWindow(days, Calendar.NONE);
    }

    public boolean calendarMonth() {
        return calendar == Calendar.MONTH;
    }

    /** The stored window_kind. */
    public String sqlKind() {
        return calendar == Calendar.NONE ? "rolling" : "calendar_" + calendar.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ObjectiveWindow fromSql(String kind, int days) {
        return kind.equals("rolling") ? rolling(days)
                : new ObjectiveWindow(0, Calendar.valueOf(kind.substring("calendar_".length()).toUpperCase(java.util.Locale.ROOT)));
    }

    /** The window's length: its days, or the calendar month, quarter or year that {@code at} falls in. */
    public Duration lengthAt(Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (calendar) {
            case NONE -> null;
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> day.withDayOfYear(1);
        };
        if (start == null) {
            return Duration.ofDays(days);
        }
        LocalDate end = switch (calendar) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
        return Duration.ofDays(end.toEpochDay() - start.toEpochDay());
    }

    @Override
    public String toString() {
        return calendar == Calendar.NONE ? "rolling " + days + " days"
                : "calendar " + calendar.name().toLowerCase(java.util.Locale.ROOT);
    }
}
