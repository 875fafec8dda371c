package dev.plumbline.dashboards.collect;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.psr.PercentText;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Each telemetry source's state: last success, lag, errors, rows, circuit, spool, and backfills with progress bars;
 * refreshed every two seconds while open. Administrators start backfills here (the API does the same).
 */
@Prototype
@Route(value = "collectors", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_COLLECTORS)
@PageTitle("Collectors · Plumbline")
public class CollectorsView extends VerticalLayout {

    private final Sources sources;
    private final Grid<Sources.Row> grid = new Grid<>();
    private final Div message = new Div();

    public CollectorsView(Sources sources) {
        this.sources = sources;
        setSizeFull();
        addClassName("collectors-view");
        configureGrid();
        message.addClassName("view-message");
        message.setVisible(false);
        add(new H2("Collectors"), new Paragraph("Every telemetry source: when it last succeeded, how far behind now it "
                + "is, what failed, what it sent that was refused (not stored, not counted as collected), and backfills in "
                + "progress. Chunks ClickHouse cannot "
                + "take wait in the spool."), message, grid);
        if (CurrentUser.can(Permission.ADMINISTER)) {
            add(backfillForm());
        }
        refresh();
    }

    private void configureGrid() {
        grid.addClassName("collectors-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        // the source with its kind, how it is read and its URL under it: a column fewer, so the table fits 1366 px
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span name = new Span(r.source());
            name.addClassName("source-name");
            Span where = new Span(r.kind() + " · " + r.read() + " · " + r.url());
            where.addClassName("source-where");
            return new Div(name, new Div(where));
        })).setHeader("Source").setKey("source").setWidth("10em").setFlexGrow(1);
        // the state, and the circuit under it when it is not closed
        grid.addColumn(new ComponentRenderer<>(r -> {
            Div cell = new Div(new Span(r.state()));
            if (r.circuit() != null && !"CLOSED".equals(r.circuit())) {
                Span circuit = new Span("circuit " + r.circuit().toLowerCase(java.util.Locale.ROOT));
                circuit.addClassName("source-where");
                cell.add(new Div(circuit));
            }
            return cell;
        })).setHeader("State").setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span when = new Span(lastSuccess(r.lastSuccess()));
            when.getStyle().set("white-space", "nowrap");   // a date reads on one line
            return when;
        })).setHeader("Last success (UTC)").setKey("lastSuccess").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.lagSeconds() == null ? "–" : lag(r.lagSeconds())).setHeader("Lag").setKey("lag")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Sources.Row::errors).setHeader("Errors").setKey("errors").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Sources.Row::rowsWritten).setHeader("Rows").setKey("rows").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> {
            if (r.backfillFraction() == null) {
                return new Span("–");
            }
            ProgressBar bar = new ProgressBar(0, 1, r.backfillFraction());
            bar.addClassName("backfill-progress");
            Div cell = new Div(bar, new Span(r.backfillState() + " " + PercentText.of(r.backfillFraction(), 0)));
            cell.setWidthFull();
            return cell;
        })).setHeader("Backfill").setKey("backfill").setWidth("8em").setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span error = new Span(r.lastError() == null ? "" : r.lastError());
            error.getStyle().set("overflow-wrap", "anywhere");   // a long URL wraps instead of being cut
            return error;
        })).setHeader("Last error").setKey("lastError")
                .setWidth("9em").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span warning = new Span(r.refusedWarning() == null ? "" : r.refusedWarning());
            if (r.refusedWarning() != null) {
                warning.addClassName("refused-warning");
                warning.getElement().getThemeList().add("badge warning");
            }
            return warning;
        })).setHeader("Data refused").setKey("refused").setWidth("8em").setFlexGrow(2);
    }

    /** "2026-12-01 16:43" (UTC, said in the header), or "never". */
    static String lastSuccess(java.time.Instant at) {
        return at == null ? "never" : at.atOffset(ZoneOffset.UTC).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .toString().replace('T', ' ');
    }

    static String lag(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    private HorizontalLayout backfillForm() {
        Select<String> source = new Select<>();
        source.setLabel("Source");
        source.setItems(sources.status().stream().map(Sources.Row::source).toList());
        source.addClassName("backfill-source");
        DateTimePicker from = new DateTimePicker("From (UTC)");
        DateTimePicker to = new DateTimePicker("To (UTC)");
        from.addClassName("backfill-from");
        to.addClassName("backfill-to");
        Span outcome = new Span();
        outcome.addClassName("backfill-outcome");
        Button start = new Button("Start backfill", e -> {
            try {
                if (source.getValue() == null || from.getValue() == null || to.getValue() == null) {
                    throw new IllegalArgumentException("choose a source, from and to");
                }
                sources.backfill(source.getValue(), from.getValue().toInstant(ZoneOffset.UTC),
                        to.getValue().toInstant(ZoneOffset.UTC));
                outcome.setText("Backfill of " + source.getValue() + " started; its progress shows above.");
                refresh();
            } catch (IllegalArgumentException | java.util.NoSuchElementException ex) {
                outcome.setText("Not started: " + ex.getMessage());
            }
        });
        start.addClassName("backfill-start");
        source.setWidth("10em");
        from.setWidth("17em");
        to.setWidth("17em");
        HorizontalLayout form = new HorizontalLayout(source, from, to, start, outcome);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);   // on a narrow screen the button moves to the next line, never out of view
        form.addClassName("backfill-form");
        return form;
    }

    private void refresh() {
        List<Sources.Row> rows = sources.status();
        if (rows.isEmpty()) {
            message.setText("No telemetry source is configured: see plumbline.collectors.prometheus and "
                    + "plumbline.collectors.datadog in the README.");
            message.setVisible(true);
            grid.setVisible(false);
            return;
        }
        message.setVisible(false);
        grid.setVisible(true);
        grid.setItems(rows);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }
}
