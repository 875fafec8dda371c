package dev.plumbline.sql.catalog;

/**
 * The period an objective is judged over: a rolling number of days, or the calendar month.
 *
 * @param days rolling window length; 0 for the calendar month
 */
public record ObjectiveWindow(int days) {

    public static final ObjectiveWindow CALENDAR_MONTH = new ObjectiveWindow(0);

    public ObjectiveWindow {
        if (days < 0 || days > 366) {
            throw new IllegalArgumentException("an objective window is 1 to 366 days, or the calendar month; was " + days + " days");
        }
    }

    public static ObjectiveWindow rolling(int days) {
        if (days == 0) {
            throw new IllegalArgumentException("a rolling window needs at least 1 day");
        }
        return new ObjectiveWindow(days);
    }

    public boolean calendarMonth() {
        return days == 0;
    }

    public String sqlKind() {
        return calendarMonth() ? "calendar_month" : "rolling";
    }

    @Override
    public String toString() {
        return calendarMonth() ? "calendar month" : "rolling " + days + " days";
    }
}
