package dev.plumbline.dashboards.service;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Service page's "what this policy would have fired last month": one line per objective with a saved alert
 * policy, its figures as data attributes too (alerts, pages, episodes caught and missed), so a test reads what a
 * person reads. Nothing when no policy is saved.
 */
final class PolicyReplayPanel extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    PolicyReplayPanel(String month, List<PolicyReplays.Replay> replays) {
        addClassName("policy-replays");
        add(new H3("Alert policies: what they would have fired in " + month));
        for (PolicyReplays.Replay r : replays) {
            Div line = new Div();
            line.addClassName("policy-replay");
            line.getElement().setAttribute("data-objective", r.objective());
            line.getElement().setAttribute("data-alerts", Integer.toString(r.alerts()));
            line.getElement().setAttribute("data-pages", Integer.toString(r.pages()));
            line.getElement().setAttribute("data-caught", Integer.toString(r.caught()));
            line.getElement().setAttribute("data-missed", Integer.toString(r.missed()));
            line.add(new Span(r.objective() + ": policy " + r.policy() + " (version " + r.version() + ", saved by "
                    + r.savedBy() + " on " + DAY.format(r.savedAt()) + ") would have raised "
                    + plural(r.alerts(), "alert") + ", " + plural(r.pages(), "page") + "; of "
                    + plural(r.episodes(), "bad episode") + " it caught " + r.caught() + " and missed " + r.missed()
                    + "."));
            Paragraph note = new Paragraph(r.note());
            note.addClassName("policy-replay-note");
            line.add(note);
            add(line);
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
