package dev.plumbline.app.digests;

import dev.plumbline.dashboards.summary.SummaryCards;
import dev.plumbline.sql.outbox.Notification.Attachment;
import java.util.List;

/**
 * The monthly PSR review: the month's cards in the mail, the review PDF (the Review page's export, written for the
 * reader's role) attached, and a link to the Review page. Pure.
 */
final class MonthlyReviewMail {

    private MonthlyReviewMail() {
    }

    static Mail write(String month, String label, List<SummaryCards.Card> cards, byte[] pdf, Reader reader,
                      Links links) {
        StringBuilder body = new StringBuilder("<p>").append(Html.text("The PSR review of " + label
                + " is attached as a PDF.")).append("</p>\n<table class=\"cards\">\n");
        cards.forEach(c -> body.append(Html.row(false, c.title(), c.value(), c.change())));
        body.append("</table>\n<p>");
        if (reader.business()) {
            body.append(Html.link(links.review(month), "Open the Review")).append(" · ");
        }
        body.append(Html.link(links.services(), "Services")).append("</p>\n");
        String title = "Plumbline PSR review, " + label;
        return new Mail(title, Html.page(title, body.toString(), reader),
                List.of(Attachment.file("psr-review-" + month + ".pdf", "application/pdf", pdf)));
    }
}
