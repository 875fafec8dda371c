package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report side by side: one row per candidate, in the order given, with what it would have done. Every figure cell
 * carries the candidate, the figure's name and its exact value ({@code data-candidate}, {@code data-figure},
 * {@code data-value}: durations in seconds, shares 0-1, per-episode figures one per episode, comma separated, empty
 * when missed) beside the text a person reads. Candidates are at most 20, so the rows are few; the data provider is
 * lazy anyway.
 */
final class ReportGrid extends Grid<ReportGrid.Row> {

    /** A candidate and its report. */
    record Row(AlertPolicy policy, Report report) {
    }

    ReportGrid(Function<AlertPolicy, Component> actions) {
        addClassName("alerts-report");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addComponentColumn(r -> candidate(r, actions)).setHeader("Candidate").setKey("candidate").setFlexGrow(2)
                .setWidth("9em");
        figure("Alerts", "alerts", r -> cell(r, "alerts", Integer.toString(r.report().alerts()),
                Integer.toString(r.report().alerts())));
        figure("Pages", "pages", r -> cell(r, "pages", Integer.toString(r.report().pages()),
                Integer.toString(r.report().pages())));
        figure("Pages / week", "pagesPerWeek", r -> cell(r, "pagesPerWeek", ReportText.perWeek(r.report().pagesPerWeek()),
                Double.toString(r.report().pagesPerWeek())));
        figure("Off-hours pages", "pagesOffHours", r -> cell(r, "pagesOffHours",
                Integer.toString(r.report().pagesOffHours()), Integer.toString(r.report().pagesOffHours())));
        figure("Time firing", "timeFiring", r -> cell(r, "timeFiring", ReportText.duration(r.report().timeFiring()),
                Long.toString(r.report().timeFiring().toSeconds())));
        figure("Flaps", "flaps", r -> cell(r, "flaps", Integer.toString(r.report().flaps()),
                Integer.toString(r.report().flaps())));
        figure("Caught / missed", "caughtMissed", r -> cell(r, "caughtMissed", r.report().caught() + " / "
                + r.report().missed(), r.report().caught() + "/" + r.report().missed()));
        figure("Detection", "detection", r -> perEpisode(r, "detection", o -> ReportText.duration(o.detection()),
                o -> seconds(o.detection())));
        figure("Budget before firing", "budgetBeforeFiring", r -> perEpisode(r, "budgetBeforeFiring",
                o -> ReportText.share(o.budgetBeforeFiring(), 1),
                o -> o.budgetBeforeFiring() == null ? "" : Double.toString(o.budgetBeforeFiring())));
        figure("Reset", "reset", r -> perEpisode(r, "reset",
                o -> o.reset() == null ? "still firing" : ReportText.duration(o.reset()), o -> seconds(o.reset())));
        figure("Precision", "precision", r -> cell(r, "precision", ReportText.share(r.report().precision(), 0),
                r.report().precision() == null ? "" : Double.toString(r.report().precision())));
        figure("Recall", "recall", r -> cell(r, "recall", ReportText.share(r.report().recall(), 0),
                r.report().recall() == null ? "" : Double.toString(r.report().recall())));
    }

    void show(List<AlertPolicy> policies, List<Report> reports) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            rows.add(new Row(policies.get(i), reports.get(i)));
        }
        setItems(q -> rows.stream().skip(q.getOffset()).limit(q.getLimit()), q -> rows.size());
    }

    private void figure(String header, String key, com.vaadin.flow.function.ValueProvider<Row, Span> cell) {
        addComponentColumn(cell::apply).setHeader(header).setKey(key).setTextAlign(ColumnTextAlign.END)
                .setFlexGrow(1).setWidth("5em");
    }

    private static Component candidate(Row r, Function<AlertPolicy, Component> actions) {
        Span name = new Span(r.policy().name());
        name.addClassName("alerts-candidate-name");
        Div cell = new Div(name, actions.apply(r.policy()));
        cell.addClassName("alerts-candidate");
        cell.getElement().setAttribute("data-candidate", r.policy().name());
        return cell;
    }

    private static Span cell(Row r, String figure, String text, String value) {
        Span s = new Span(text);
        s.addClassName("alerts-figure");
        s.getElement().setAttribute("data-candidate", r.policy().name());
        s.getElement().setAttribute("data-figure", figure);
        s.getElement().setAttribute("data-value", value);
        return s;
    }

    /** Caught episodes by number ("#1 5m"), one a line; the value has one entry per episode, empty when missed. */
    private static Span perEpisode(Row r, String figure, Function<Report.Outcome, String> text,
                                   Function<Report.Outcome, String> value) {
        List<Report.Outcome> outcomes = r.report().episodes();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).caught()) {
                lines.add("#" + (i + 1) + " " + text.apply(outcomes.get(i)));
            }
        }
        Span s = cell(r, figure, lines.isEmpty() ? dev.plumbline.sql.psr.PercentText.NONE : String.join("\n", lines),
                outcomes.stream().map(o -> o.caught() ? value.apply(o) : "").collect(Collectors.joining(",")));
        s.addClassName("alerts-per-episode");
        return s;
    }

    private static String seconds(Duration d) {
        return d == null ? "" : Long.toString(d.toSeconds());
    }
}
