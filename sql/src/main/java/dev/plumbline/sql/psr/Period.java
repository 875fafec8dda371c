package dev.plumbline.sql.psr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A half-open time range [from, to) in UTC, on whole hours (the finest roll-up).
 */
public record Period(Instant from, Instant to) {

    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("period: from " + from + " must be before to " + to);
        }
        if (!from.truncatedTo(ChronoUnit.HOURS).equals(from) || !to.truncatedTo(ChronoUnit.HOURS).equals(to)) {
            throw new IllegalArgumentException("period: from and to must be whole hours (UTC), were " + from + " and " + to);
        }
        if (Duration.between(from, to).toDays() > 3660) {
            throw new IllegalArgumentException("period: at most ten years, was " + Duration.between(from, to).toDays() + " days");
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * A calendar month, cut at the current hour when it is still running (so rates and budgets are not diluted by
     * hours that have not happened). A month that has not started yet, or whose first hour is still running, is an
     * error naming the month.
     */
    public static Period monthToDate(YearMonth month, Instant now) {
        Period whole = month(month);
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (!hour.isBefore(whole.to)) {
            return whole;
        }
        if (!hour.isAfter(whole.from)) {
            throw new IllegalArgumentException("period: " + month + " has no complete hour yet");
        }
        return new Period(whole.from, hour);
    }

    public static Period days(LocalDate first, LocalDate lastInclusive) {
        return new Period(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                lastInclusive.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /**
     * The period to compare with: for a calendar month the previous month; for a month to date the same stretch of
     * the previous month (1-10 October against 1-10 September, cut at September's end); otherwise the period of the
     * same length just before this one.
     */
    public Period previous() {
        LocalDate start = from.atOffset(ZoneOffset.UTC).toLocalDate();
        if (isCalendarMonth()) {
            return month(YearMonth.from(start).minusMonths(1));
        }
        if (from.equals(start.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                && to.isBefore(month(YearMonth.from(start)).to)) {
            Period before = month(YearMonth.from(start).minusMonths(1));
            Instant end = before.from.plus(length());
            return new Period(before.from, end.isAfter(before.to) ? before.to : end);
        }
        return new Period(from.minus(length()), from);
    }

    public boolean isCalendarMonth() {
        LocalDate start = from.atOffset(ZoneOffset.UTC).toLocalDate();
        return start.getDayOfMonth() == 1 && from.equals(start.atStartOfDay(ZoneOffset.UTC).toInstant())
                && to.equals(YearMonth.from(start).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The last day inside the period: the customer rows in effect then are the period's. */
    public LocalDate lastDay() {
        return to.minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public long minutes() {
        return length().toMinutes();
    }

    @Override
    public String toString() {
        return from + "/" + to;
    }
}
