package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.plumbline.dashboards.chart.Chart;
import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.ReportSettings;
import dev.plumbline.sql.alerts.SavedPolicy;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A backtest as the page shows it: what was replayed (the range, which minutes and what was missing, how pages were
 * counted), the objective's saved policy, the report side by side, the chart, and the bad episodes with each
 * candidate's outcome.
 */
final class AlertsResult extends Div {

    private final Paragraph period = new Paragraph();
    private final Paragraph history = new Paragraph();
    private final Paragraph counting = new Paragraph();
    private final Div saved = new Div();
    private final ReportGrid report;
    private final Div chart = new Div();
    private final Paragraph noEpisodes = new Paragraph("No bad episode in this range: no incident was annotated and "
            + "no burn was budget-significant.");
    private final EpisodeGrid episodes = new EpisodeGrid();
    private final Consumer<AlertPolicy> onCompare;
    private SavedPolicy savedPolicy;
    private AlertTuning.Backtest shown;

    AlertsResult(Consumer<AlertPolicy> onSave, Consumer<AlertPolicy> onCompare, Consumer<AlertPolicy> onExport) {
        this.onCompare = onCompare;
        addClassName("alerts-result");
        setWidthFull();
        report = new ReportGrid(p -> new CandidateActions(p, savedPolicy, onSave, onExport));
        period.addClassName("alerts-period");
        history.addClassName("alerts-resolution");
        counting.addClassName("alerts-counting");
        saved.addClassName("alerts-saved");
        chart.addClassName("alerts-chart");
        noEpisodes.addClassName("alerts-no-episodes");
        Paragraph episodesLead = new Paragraph("Incident annotations of the service (or of the slice's customers), and "
                + "burns whose bad requests reached 2% of the objective window's budget within an hour or 10% within "
                + "3 days.");
        add(period, history, counting, saved, new H3("Report"), report, chart, new H3("Bad episodes"), episodesLead,
                noEpisodes, episodes);
        setVisible(false);
    }

    void show(AlertTuning.Backtest backtest, SavedPolicy current) {
        shown = backtest;
        savedPolicy = current;
        AlertBacktests.Result r = backtest.result();
        var q = r.request();
        long days = Duration.between(q.from(), q.to()).toDays();
        period.setText(q.objective().service() + " / " + q.objective().name() + ", " + q.slice() + ": "
                + PeriodParameters.label(new Period(q.from(), q.to())) + " (" + days + " days), every minute evaluated.");
        history.setText(r.history().note());
        history.getElement().setAttribute("data-resolution", r.history().resolution().label());
        counting.setText(counting(q.settings()));
        showSaved(q.candidates());
        report.show(q.candidates(), r.reports());
        chart.removeAll();
        chart.add(new Chart(AlertChart.of(backtest.chart(), q.from(), q.to())));
        noEpisodes.setVisible(r.episodes().isEmpty());
        episodes.setVisible(!r.episodes().isEmpty());
        episodes.show(r.episodes(), r.reports());
        setVisible(true);
    }

    /** The same backtest with another saved policy (just saved). */
    void saved(SavedPolicy current) {
        if (shown != null) {
            show(shown, current);
        }
    }

    void clear() {
        shown = null;
        setVisible(false);
    }

    private void showSaved(java.util.List<AlertPolicy> candidates) {
        saved.removeAll();
        if (savedPolicy == null) {
            saved.add(new Paragraph("No policy is saved for this objective yet: save a candidate to keep it (the Service "
                    + "page then shows what it would have fired last month)."));
            return;
        }
        SavedPolicy s = savedPolicy;
        Paragraph line = new Paragraph("Saved policy of " + s.service() + "/" + s.objective() + ": " + s.policy().name()
                + ", version " + s.version() + ", saved by " + s.savedBy() + " at " + ReportText.minute(s.savedAt())
                + " UTC.");
        line.addClassName("alerts-saved-line");
        line.getElement().setAttribute("data-version", Integer.toString(s.version()));
        saved.add(line);
        if (candidates.stream().noneMatch(p -> CandidateActions.isSaved(p, s))) {
            Button compare = new Button("Compare the saved policy", e -> onCompare.accept(s.policy()));
            compare.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            compare.addClassName("alerts-compare-saved");
            saved.add(compare);
        }
    }

    private static String counting(ReportSettings s) {
        String days = s.workdays().stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
        return "Pages outside " + s.dayStart() + "-" + s.dayEnd() + " " + s.zone().getId() + " on " + days
                + " are off hours; an alert firing again within " + ReportText.duration(s.cooldown())
                + " of the last one is a flap.";
    }
}
