package dev.plumbline.sql.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * One alerting rule of a policy, as Prometheus evaluates it every minute: it has a result when the error budget burns
 * faster than {@code factor} over the long window and (when there is one) over the short window too, and, when
 * {@code minRequests} is above 0, at least that many requests came in the long window; it fires once it has had a
 * result for {@code forDuration}, and a firing alert stays firing {@code keepFiringFor} after its last result.
 *
 * @param name          unique within the policy, e.g. {@code page-fast}; the alert is named after it
 * @param severity      page (someone is woken) or ticket
 * @param longWindow    the window the burn is measured over (whole minutes)
 * @param shortWindow   the window that must burn too, so the alert resets soon after recovery; null for a
 *                      single-window rule
 * @param factor        the burn rate above which it has a result (1 = exactly on budget)
 * @param forDuration   how long it must have a result before it fires (0: at once)
 * @param keepFiringFor how long a firing alert stays firing after its last result (0: resolves at once)
 * @param minRequests   requests the long window must hold, so one error on low traffic cannot page (0: none)
 */
public record BurnRule(String name, Severity severity, Duration longWindow, Duration shortWindow, double factor,
                       Duration forDuration, Duration keepFiringFor, long minRequests) {

    /** Who an alert goes to. */
    public enum Severity {
        PAGE, TICKET;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BurnRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(longWindow, "longWindow");
        forDuration = forDuration == null ? Duration.ZERO : forDuration;
        keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1 to 63 lower case letters, digits and '-'");
        }
        wholeMinutes("longWindow", longWindow, Duration.ofMinutes(1));
        if (shortWindow != null) {
            wholeMinutes("shortWindow", shortWindow, Duration.ofMinutes(1));
            if (shortWindow.compareTo(longWindow) > 0) {
                throw new IllegalArgumentException("shortWindow: " + shortWindow + " is longer than longWindow " + longWindow);
            }
        }
        if (longWindow.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("longWindow: at most 31 days, was " + longWindow);
        }
        wholeMinutes("forDuration", forDuration, Duration.ZERO);
        wholeMinutes("keepFiringFor", keepFiringFor, Duration.ZERO);
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor: must be a positive burn rate, was " + factor);
        }
        if (minRequests < 0) {
            throw new IllegalArgumentException("minRequests: must not be negative, was " + minRequests);
        }
    }

    /** The longest window the rule reads: how much history before a backtest's start it needs. */
    public Duration lookback() {
        return longWindow;
    }

    private static void wholeMinutes(String field, Duration d, Duration least) {
        if (d.isNegative() || d.compareTo(least) < 0 || d.toSeconds() % 60 != 0 || d.getNano() != 0) {
            throw new IllegalArgumentException(field + ": must be whole minutes" + (least.isZero() ? "" : ", at least "
                    + least.toMinutes() + "m") + ", was " + d);
        }
    }
}
