package dev.plumbline.sql.fixes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The two equal windows a fix's effect is measured over, in whole UTC days around the day it shipped, which belongs
 * to neither (that day mixes before and after): before = [shipDay - days, shipDay), after = [shipDay + 1,
 * shipDay + 1 + days). {@code days} is {@link #MAX_DAYS} unless fewer whole days have passed since the ship day
 * (today is still running and is not counted). The daily roll-up is kept without a TTL, so the before window is never
 * cut by retention.
 */
public record EffectWindows(LocalDate shipDay, int days) {

    /** The longest window: two weeks each side, so both hold every day of the week twice. */
    public static final int MAX_DAYS = 14;
    /** The fewest days each side before an effect is measured (the t-test needs at least two values each side). */
    public static final int MIN_DAYS = 3;

    public EffectWindows {
        Objects.requireNonNull(shipDay, "shipDay");
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days: 0 to " + MAX_DAYS + ", was " + days);
        }
    }

    /** The windows of a fix shipped on {@code shipDay} as they stand on {@code today}. */
    public static EffectWindows of(LocalDate shipDay, LocalDate today) {
        long passed = ChronoUnit.DAYS.between(shipDay.plusDays(1), today);
        return new EffectWindows(shipDay, (int) Math.max(0, Math.min(MAX_DAYS, passed)));
    }

    /** Whether enough whole days have passed since the ship day to measure ({@link #MIN_DAYS}). */
    public boolean measurable() {
        return days >= MIN_DAYS;
    }

    public LocalDate beforeFrom() {
        return shipDay.minusDays(days);
    }

    /** The end of the before window, exclusive: the ship day. */
    public LocalDate beforeTo() {
        return shipDay;
    }

    public LocalDate afterFrom() {
        return shipDay.plusDays(1);
    }

    /** The end of the after window, exclusive. */
    public LocalDate afterTo() {
        return shipDay.plusDays(1 + days);
    }

    /** The day the windows reach {@link #MAX_DAYS}: the effect is final from then on. */
    public LocalDate finalOn() {
        return shipDay.plusDays(1 + MAX_DAYS);
    }
}
