package dev.plumbline.dashboards.summary;

import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;
import dev.plumbline.sql.psr.PlatformSummary;
import dev.plumbline.sql.psr.PsrEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * The executive summary's cards as text, for the Summary page and the first page of the review PDF alike: each
 * figure's definition id, title, value and its change from the previous period. Money only when {@code money}. Pure.
 */
public final class SummaryCards {

    /** One card; {@code definition} names the figure in the definitions catalog. */
    public record Card(String definition, String title, String value, String change) {
    }

    private SummaryCards() {
    }

    /**
     * The cards; when the previous period had no telemetry ({@link #comparable} false) no card carries a change (the
     * page and the PDF say it once).
     */
    public static List<Card> of(PsrEngine.Summary summary, String before, boolean money, String currency) {
        PlatformSummary s = summary.figures();
        PlatformSummary.Changes c = summary.changes();
        boolean compared = comparable(summary);
        List<Card> cards = new ArrayList<>();
        cards.add(new Card("availability", "Platform availability", PercentText.of(s.availability(), 3),
                compared ? CardChange.points(c.availability(), 3, before) : ""));
        cards.add(new Card("objective-met", "Services meeting their objectives",
                s.servicesMeetingObjectives() + " of " + s.servicesWithObjectives(),
                compared ? CardChange.count(c.servicesMeetingObjectives(), before) : ""));
        String latency = s.latencyObjectivesJudged() == 0 ? "no latency objective judged"
                : s.latencyObjectivesMet() + " of " + s.latencyObjectivesJudged() + " latency objectives met";
        cards.add(new Card("within-latency-objectives", "Requests within latency objectives",
                PercentText.of(s.withinLatencyObjectives(), 2),
                compared ? latency + "; " + CardChange.points(c.withinLatencyObjectives(), 2, before) : latency));
        cards.add(new Card("arr-inside-objectives", "ARR inside objectives", PercentText.of(s.arrInsideObjectives(), 1),
                compared ? CardChange.points(c.arrInsideObjectives(), 1, before) : ""));
        if (money) {
            cards.add(new Card("revenue-at-risk", "Revenue at risk", MoneyText.of(s.revenueAtRisk(), currency),
                    compared ? CardChange.money(c.revenueAtRisk(), currency, before) : ""));
        }
        return cards;
    }

    /** Whether the previous period had telemetry to compare with. */
    public static boolean comparable(PsrEngine.Summary summary) {
        return summary.figures().previousAvailability() != null;
    }

    /** What the header adds when nothing can be compared, once for every card: "" when something can. */
    public static String noComparison(PsrEngine.Summary summary) {
        return comparable(summary) ? "" : ": no telemetry then, so no changes to show";
    }
}
