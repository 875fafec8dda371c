package dev.plumbline.dashboards.summary;

import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;

/**
 * A Summary card's line under its figure: the change from the previous period ({@code PlatformSummary.Changes}), with
 * an arrow for its direction, "same as" when it rounds to nothing, and "no previous period to compare" without one.
 */
final class CardChange {

    static final String NONE = "no previous period to compare";

    private CardChange() {
    }

    /** A change of a share in percentage points: "▲ +0.012 pp vs 2026-09". */
    static String points(Double change, int decimals, String previous) {
        if (change == null) {
            return NONE;
        }
        String points = PercentText.points(change, decimals);
        return points.startsWith("+") ? "▲ " + points + " vs " + previous
                : points.startsWith("-") ? "▼ " + points + " vs " + previous : "same as " + previous;
    }

    /** A change of a count: "▲ 1 more than 2026-09", "▼ 2 fewer than 2026-09". */
    static String count(Long change, String previous) {
        if (change == null) {
            return NONE;
        }
        return change > 0 ? "▲ " + change + " more than " + previous
                : change < 0 ? "▼ " + -change + " fewer than " + previous : "same as " + previous;
    }

    /** A change of an amount: "▲ +$12,000 vs 2026-09". */
    static String money(Double change, String currency, String previous) {
        if (change == null) {
            return NONE;
        }
        String amount = MoneyText.of(Math.abs(change), currency);
        return amount.equals(MoneyText.of(0.0, currency)) ? "same as " + previous
                : change > 0 ? "▲ +" + amount + " vs " + previous : "▼ -" + amount + " vs " + previous;
    }
}
