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

    public static List<Card> of(PsrEngine.Summary summary, String before, boolean money, String currency) {
        PlatformSummary s = summary.figures();
        PlatformSummary.Changes c = summary.changes();
        List<Card> cards = new ArrayList<>();
        cards.add(new Card("availability", "Platform availability", PercentText.of(s.availability(), 3),
                CardChange.points(c.availability(), 3, before)));
        cards.add(new Card("objective-met", "Services meeting their objectives",
                s.servicesMeetingObjectives() + " of " + s.servicesWithObjectives(),
                CardChange.count(c.servicesMeetingObjectives(), before)));
        cards.add(new Card("within-latency-objectives", "Requests within latency objectives",
                PercentText.of(s.withinLatencyObjectives(), 2),
                (s.latencyObjectivesJudged() == 0 ? "no latency objective judged"
                        : s.latencyObjectivesMet() + " of " + s.latencyObjectivesJudged() + " latency objectives met")
                        + "; " + CardChange.points(c.withinLatencyObjectives(), 2, before)));
        cards.add(new Card("arr-inside-objectives", "ARR inside objectives", PercentText.of(s.arrInsideObjectives(), 1),
                CardChange.points(c.arrInsideObjectives(), 1, before)));
        if (money) {
            cards.add(new Card("revenue-at-risk", "Revenue at risk", MoneyText.of(s.revenueAtRisk(), currency),
                    CardChange.money(c.revenueAtRisk(), currency, before)));
        }
        return cards;
    }
}
