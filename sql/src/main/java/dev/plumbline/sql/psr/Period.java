package dev.plumbline.sql.psr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A half-open time range [from, to) in UTC, on whole minutes, and what kind of period it is, which decides what it is
 * compared with ({@link #previous()}).
 */
public record Period(Instant from, Instant to, Kind kind) {

    /** What a period was asked for as; it decides the period it is compared with. */
    public enum Kind {
        /** A whole calendar month: compared with the month before. */
        MONTH,
        /** A calendar month still running, cut at the current hour: compared with the same stretch of the month before. */
        MONTH_TO_DATE,
        /** Any range (days, hours, minutes): compared with the range of the same length just before it. */
        RANGE
    }

    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("period: from " + from + " must be before to " + to);
        }
        if (!from.truncatedTo(ChronoUnit.MINUTES).equals(from) || !to.truncatedTo(ChronoUnit.MINUTES).equals(to)) {
            throw new IllegalArgumentException("period: from and to must be whole minutes (UTC), were " + from + " and " + to);
        }
        if (Duration.between(from, to).toDays() > 3660) {
            throw new IllegalArgumentException("period: at most ten years, was " + Duration.between(from, to).toDays() + " days");
        }
    }

    /** A range: compared with the range of the same length before it. */
    public Period(Instant from, Instant to) {
        this(from, to, Kind.RANGE);
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Kind.MONTH);
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
        return new Period(whole.from, hour, Kind.MONTH_TO_DATE);
    }

    /** Whole days, both inclusive: a range. */
    public static Period days(LocalDate first, LocalDate lastInclusive) {
        return new Period(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                lastInclusive.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /**
     * The period to compare with: for a calendar month the previous month; for a month to date the same stretch of
     * the previous month (1-10 October against 1-10 September, cut at September's end); for a range the range of the
     * same length just before it (10-16 March against 3-9 March, also when it starts on the 1st).
     */
    public Period previous() {
        LocalDate start = from.atOffset(ZoneOffset.UTC).toLocalDate();
        return switch (kind) {
            case MONTH -> month(YearMonth.from(start).minusMonths(1));
            case MONTH_TO_DATE -> {
                Period before = month(YearMonth.from(start).minusMonths(1));
                Instant end = before.from.plus(length());
                yield new Period(before.from, end.isAfter(before.to) ? before.to : end, Kind.MONTH_TO_DATE);
            }
            case RANGE -> new Period(from.minus(length()), from);
        };
    }

    /** Exactly one calendar month, whatever it was asked for as. */
    public boolean isCalendarMonth() {
        LocalDate start = from.atOffset(ZoneOffset.UTC).toLocalDate();
        return start.getDayOfMonth() == 1 && from.equals(start.atStartOfDay(ZoneOffset.UTC).toInstant())
                && to.equals(YearMonth.from(start).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * How the period is read from the roll-ups: its whole UTC months from the monthly one, its other whole UTC days
     * from the daily one, its other whole hours from the hourly one, and the minutes at either end that are not a whole
     * hour from the raw minutes ({@code edges} false when there are none). Empty ranges have equal ends.
     */
    public record Parts(Instant monthFrom, Instant monthTo, Instant dayFrom, Instant dayTo, Instant hourFrom,
                        Instant hourTo, boolean edges) {
    }

    public Parts parts() {
        Instant hourFrom = ceil(from, ChronoUnit.HOURS);
        Instant hourTo = to.truncatedTo(ChronoUnit.HOURS);
        if (!hourFrom.isBefore(hourTo)) {   // no whole hour: all of it is minutes
            return new Parts(from, from, from, from, from, from, true);
        }
        Instant dayFrom = ceil(hourFrom, ChronoUnit.DAYS);
        Instant dayTo = hourTo.truncatedTo(ChronoUnit.DAYS);
        if (!dayFrom.isBefore(dayTo)) {
            dayFrom = hourFrom;
            dayTo = hourFrom;
        }
        Instant monthFrom = monthCeil(dayFrom);
        Instant monthTo = monthFloor(dayTo);
        if (!monthFrom.isBefore(monthTo)) {
            monthFrom = dayFrom;
            monthTo = dayFrom;
        }
        return new Parts(monthFrom, monthTo, dayFrom, dayTo, hourFrom, hourTo,
                !hourFrom.equals(from) || !hourTo.equals(to));
    }

    private static Instant monthFloor(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant monthCeil(Instant t) {
        Instant floor = monthFloor(t);
        return floor.equals(t) ? t : floor.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    private static Instant ceil(Instant t, ChronoUnit unit) {
        Instant floor = t.truncatedTo(unit);
        return floor.equals(t) ? t : floor.plus(1, unit);
    }

    /** Whether both ends are whole hours (the hourly roll-up then holds all of it). */
    public boolean onWholeHours() {
        return from.truncatedTo(ChronoUnit.HOURS).equals(from) && to.truncatedTo(ChronoUnit.HOURS).equals(to);
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
