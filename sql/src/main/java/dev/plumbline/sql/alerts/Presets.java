package dev.plumbline.sql.alerts;

import dev.plumbline.sql.alerts.BurnRule.Severity;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.time.Duration;
import java.util.List;

/**
 * The candidate policies an engineer starts from:
 * <ul>
 *   <li>the SRE workbook's multiwindow, multi-burn-rate alerts (chapter 5, "Alerting on SLOs"): page when 2% of the
 *   budget burns in 1 h (short window 5 m), page at 5% in 6 h (30 m), ticket at 10% in 3 days (6 h); the factor is
 *   budget share x objective window / long window (14.4, 6, 1 for 30 days), as Sloth computes it for other windows;</li>
 *   <li>Pyrra's four (for a 28-day window: 14x over 1h/5m for 2m, 7x over 6h/30m for 15m, 2x over 1d/2h for 1h,
 *   1x over 4d/6h for 3h), scaled to other windows the same way;</li>
 *   <li>a single window with a threshold and a {@code for}.</li>
 * </ul>
 */
public final class Presets {

    private Presets() {
    }

    /**
     * What an engineer starts from for an objective judged over {@code window}: the SRE workbook's set, Pyrra's four,
     * and a single 1-hour window at the SRE workbook's fast factor (2% of the budget in 1 h) held for 5 minutes.
     */
    public static List<AlertPolicy> candidates(ObjectiveWindow window) {
        Duration hour = Duration.ofHours(1);
        return List.of(sreWorkbook(window), pyrra(window),
                singleWindow(hour, factor(0.02, period(window), hour), Duration.ofMinutes(5)));
    }

    /** The SRE workbook's set for an objective judged over {@code window}. */
    public static AlertPolicy sreWorkbook(ObjectiveWindow window) {
        Duration period = period(window);
        return new AlertPolicy("sre-workbook", "the SRE workbook's multiwindow, multi-burn-rate alerts", List.of(
                rule("page-1h", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0.02, period, Duration.ZERO),
                rule("page-6h", Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 0.05, period, Duration.ZERO),
                rule("ticket-3d", Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 0.10, period, Duration.ZERO)));
    }

    /** Pyrra's four, scaled from its 28-day defaults to {@code window}. */
    public static AlertPolicy pyrra(ObjectiveWindow window) {
        double scale = period(window).toMinutes() / (double) Duration.ofDays(28).toMinutes();
        return new AlertPolicy("pyrra", "Pyrra's four multiwindow alerts", List.of(
                new BurnRule("page-1h", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14 * scale,
                        Duration.ofMinutes(2), Duration.ZERO, 0),
                new BurnRule("page-6h", Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 7 * scale,
                        Duration.ofMinutes(15), Duration.ZERO, 0),
                new BurnRule("ticket-1d", Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 2 * scale,
                        Duration.ofHours(1), Duration.ZERO, 0),
                new BurnRule("ticket-4d", Severity.TICKET, Duration.ofDays(4), Duration.ofHours(6), 1 * scale,
                        Duration.ofHours(3), Duration.ZERO, 0)));
    }

    /** One window, one threshold, held for {@code forDuration}. */
    public static AlertPolicy singleWindow(Duration window, double factor, Duration forDuration) {
        return new AlertPolicy("single-window", "a burn above " + factor + "x over " + window.toMinutes() + "m for "
                + forDuration.toMinutes() + "m", List.of(new BurnRule("page", Severity.PAGE, window, null, factor,
                forDuration, Duration.ZERO, 0)));
    }

    /** The factor that burns {@code budgetShare} of the budget of {@code period} within {@code longWindow}. */
    public static double factor(double budgetShare, Duration period, Duration longWindow) {
        return budgetShare * period.toMinutes() / longWindow.toMinutes();
    }

    private static BurnRule rule(String name, Severity severity, Duration longWindow, Duration shortWindow,
                                 double budgetShare, Duration period, Duration forDuration) {
        return new BurnRule(name, severity, longWindow, shortWindow, factor(budgetShare, period, longWindow),
                forDuration, Duration.ZERO, 0);
    }

    /** A calendar window counts as its usual length (a month as 30 days), as rules cannot follow the calendar. */
    static Duration period(ObjectiveWindow window) {
        return switch (window.calendar()) {
            case NONE -> Duration.ofDays(window.days());
            case MONTH -> Duration.ofDays(30);
            case QUARTER -> Duration.ofDays(90);
            case YEAR -> Duration.ofDays(365);
        };
    }
}
