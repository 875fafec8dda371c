package dev.plumbline.app.digests;

import dev.plumbline.app.digests.WhatChanged.ServiceChange;
import dev.plumbline.app.digests.WhatChanged.SliceChange;
import dev.plumbline.sql.psr.MoneyText;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The daily "what changed": yesterday against the day before (whole UTC days): burns that started, new risks,
 * recoveries ({@link WhatChanged}). Revenue at risk only with money permission. Pure.
 */
final class WhatChangedMail {

    private WhatChangedMail() {
    }

    static Mail write(LocalDate yesterday, WhatChanged changed, Reader reader, String currency, Links links) {
        StringBuilder body = new StringBuilder("<p>").append(Html.text(yesterday + " compared with "
                + yesterday.minusDays(1) + " (UTC days).")).append("</p>\n");
        if (changed.isEmpty()) {
            body.append("<p>Nothing changed: no burn started, no new risk, no recovery.</p>\n");
        }
        body.append("<h2>Burns that started</h2>\n");
        if (changed.burnsStarted().isEmpty()) {
            body.append("<p>None.</p>\n");
        } else {
            body.append("<ul class=\"burns\">\n");
            for (ServiceChange s : changed.burnsStarted()) {
                body.append("<li>").append(Html.link(links.service(s.service()), s.service())).append(Html.text(
                        String.format(Locale.ROOT, ": %s over budget, worst burn %.1fx, %d customers outside objectives",
                                s.problem(), s.worstBurn(), s.customersAffected()))).append("</li>\n");
            }
            body.append("</ul>\n");
        }
        slices(body, "New risks", "risks", changed.newRisks(), reader, currency);
        slices(body, "Recoveries", "recoveries", changed.recoveries(), reader, currency);
        String title = "Plumbline: what changed on " + yesterday;
        return new Mail(title, Html.page(title, body.toString(), reader), List.of());
    }

    private static void slices(StringBuilder body, String title, String css, List<SliceChange> slices, Reader reader,
                               String currency) {
        body.append("<h2>").append(Html.text(title)).append("</h2>\n");
        if (slices.isEmpty()) {
            body.append("<p>None.</p>\n");
            return;
        }
        body.append("<table class=\"").append(css).append("\">\n").append(reader.money()
                ? Html.row(true, "Service", "Customer", "Problem", "Burn", "Revenue at risk")
                : Html.row(true, "Service", "Customer", "Problem", "Burn"));
        for (SliceChange s : slices) {
            String burn = String.format(Locale.ROOT, "%.1fx budget", s.burn());
            body.append(reader.money()
                    ? Html.row(false, s.service(), s.label(), s.kind(), burn, MoneyText.of(s.revenueAtRisk(), currency))
                    : Html.row(false, s.service(), s.label(), s.kind(), burn));
        }
        body.append("</table>\n");
    }
}
