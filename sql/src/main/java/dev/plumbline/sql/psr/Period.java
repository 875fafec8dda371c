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

    public static Period days(LocalDate first, LocalDate lastInclusive) {
        return new Period(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                lastInclusive.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The period of the same length just before this one (for a calendar month: the previous month). */
    public Period previous() {
        LocalDate start = from.atOffset(ZoneOffset.UTC).toLocalDate();
        if (isCalendarMonth()) {
            return month(YearMonth.from(start).minusMonths(1));
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
