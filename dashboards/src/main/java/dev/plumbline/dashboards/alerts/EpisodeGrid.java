package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.plumbline.sql.alerts.BadEpisode;
import dev.plumbline.sql.alerts.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad episodes of the range (incidents and budget-significant burns), each with how every candidate met it:
 * caught (after how long, with how much of the budget burned, reset how soon) or missed. A quarter can hold many
 * episodes: the rows are fetched lazily. Each outcome cell carries the candidate, the episode's number and the exact
 * figures ({@code data-caught}, {@code data-detection} and {@code data-reset} in seconds, {@code data-budget} 0-1).
 */
final class EpisodeGrid extends Grid<EpisodeGrid.Row> {

    /** The episode numbered {@code number} (from 1) and each candidate's outcome, in the candidates' order. */
    record Row(int number, BadEpisode episode, List<Report.Outcome> outcomes) {
    }

    EpisodeGrid() {
        addClassName("alerts-episodes");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        setHeight("22em");
    }

    void show(List<BadEpisode> episodes, List<Report> reports) {
        removeAllColumns();
        addColumn(r -> "#" + r.number()).setHeader("#").setKey("number").setWidth("4em").setFlexGrow(0);
        addColumn(r -> ReportText.minute(r.episode().start())).setHeader("Start (UTC)").setKey("start").setWidth("10em")
                .setFlexGrow(0);
        addColumn(r -> ReportText.minute(r.episode().end())).setHeader("End").setKey("end").setWidth("10em")
                .setFlexGrow(0);
        addColumn(r -> ReportText.origin(r.episode().origin())).setHeader("Found by").setKey("origin").setWidth("8em")
                .setFlexGrow(0);
        addColumn(r -> r.episode().text()).setHeader("What").setKey("text").setFlexGrow(2).setWidth("12em");
        addColumn(r -> ReportText.share(r.episode().budgetBurned(), 1)).setHeader("Budget burned").setKey("budget")
                .setTextAlign(ColumnTextAlign.END).setWidth("7em").setFlexGrow(0);
        for (int c = 0; c < reports.size(); c++) {
            int candidate = c;
            String name = reports.get(c).policy();
            addComponentColumn(r -> outcome(name, r.number(), r.outcomes().get(candidate))).setHeader(name)
                    .setKey("candidate-" + c).setFlexGrow(1).setWidth("10em");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            int index = i;
            rows.add(new Row(i + 1, episodes.get(i), reports.stream().map(r -> r.episodes().get(index)).toList()));
        }
        setItems(q -> rows.stream().skip(q.getOffset()).limit(q.getLimit()), q -> rows.size());
    }

    private static Span outcome(String candidate, int number, Report.Outcome o) {
        Span s = new Span(ReportText.outcome(o));
        s.addClassName(o.caught() ? "alerts-caught" : "alerts-missed");
        s.getElement().setAttribute("data-candidate", candidate);
        s.getElement().setAttribute("data-episode", Integer.toString(number));
        s.getElement().setAttribute("data-caught", Boolean.toString(o.caught()));
        s.getElement().setAttribute("data-detection", o.detection() == null ? "" : Long.toString(o.detection().toSeconds()));
        s.getElement().setAttribute("data-budget", o.budgetBeforeFiring() == null ? "" : Double.toString(o.budgetBeforeFiring()));
        s.getElement().setAttribute("data-reset", o.reset() == null ? "" : Long.toString(o.reset().toSeconds()));
        return s;
    }
}
