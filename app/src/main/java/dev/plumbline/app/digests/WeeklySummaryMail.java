package dev.plumbline.app.digests;

import dev.plumbline.dashboards.summary.SummaryCards;
import dev.plumbline.sql.outbox.Notification.Attachment;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;
import dev.plumbline.sql.psr.PlatformDay;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.ServiceRisk;
import java.util.List;

/**
 * The weekly executive summary: the Summary page's cards for the last seven days against the seven before, the
 * largest risks by fix, the availability chart (inline PNG) and links back. Without money permission no ARR, revenue
 * or amount appears (the ARR share card is left out too). Pure.
 */
final class WeeklySummaryMail {

    static final String CHART_ID = "availability-chart";

    /** What the mail shows: the figures of {@code label}, compared with {@code before}. */
    record Figures(String label, String before, PsrEngine.Summary summary, List<ServiceRisk> risks,
                   List<PlatformDay> days, String currency) {
    }

    private WeeklySummaryMail() {
    }

    static Mail write(Figures f, Reader reader, Links links) {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(Html.text(f.label() + ", compared with " + f.before()
                + SummaryCards.noComparison(f.summary()))).append(".</p>\n<table class=\"cards\">\n");
        for (SummaryCards.Card c : SummaryCards.of(f.summary(), f.before(), reader.money(), f.currency())) {
            if (reader.money() || !c.definition().startsWith("arr")) {
                body.append(Html.row(false, c.title(), c.value(), c.change()));
            }
        }
        body.append("</table>\n<h2>Largest risks</h2>\n");
        if (f.risks().isEmpty()) {
            body.append("<p>No service has customers outside its objectives.</p>\n");
        } else {
            body.append("<table class=\"risks\">\n").append(reader.money()
                    ? Html.row(true, "Service", "Customers outside objectives", "Problem", "Revenue at risk")
                    : Html.row(true, "Service", "Customers outside objectives", "Problem", "Worst burn"));
            for (ServiceRisk r : f.risks()) {
                body.append(Html.row(false, r.service(), Long.toString(r.customersAffected()), r.problem(),
                        reader.money() ? MoneyText.of(r.revenueAtRisk(), f.currency())
                                : r.worstBadness() == null ? PercentText.NONE
                                : String.format(java.util.Locale.ROOT, "%.1fx budget", r.worstBadness())));
            }
            body.append("</table>\n");
        }
        body.append("<p><img src=\"cid:").append(CHART_ID).append("\" alt=\"Platform availability per day\" width=\"")
                .append(ChartPng.WIDTH).append("\" height=\"").append(ChartPng.HEIGHT).append("\"></p>\n<p>");
        if (reader.business()) {
            body.append(Html.link(links.summary(), "Open the Summary")).append(" · ");
        }
        body.append(Html.link(links.services(), "Services"));
        if (reader.money()) {
            body.append(" · ").append(Html.link(links.roi(), "ROI ranking"));
        }
        body.append("</p>\n");
        String title = "Plumbline weekly summary, " + f.label();
        byte[] png = ChartPng.availability("Platform availability per day", f.days());
        return new Mail(title, Html.page(title, body.toString(), reader),
                List.of(Attachment.inline(CHART_ID, "availability.png", "image/png", png)));
    }
}
