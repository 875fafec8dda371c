package dev.plumbline.dashboards.review;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.plumbline.dashboards.improvements.ShippedFixes;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.period.MonthChoice;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.chart.Chart;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.ObjectiveResult;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.PercentText;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly PSR review: every service against its objectives and last month (requests, error rate, availability,
 * p95/p99, throughput, objectives with burn, coverage; the error rate is in the CSV) and its charts ({@link ReviewCharts}: error budget consumed,
 * p95 change); choose a service to see its customers. Month and service live
 * in the URL (review?month=2026-10&service=search). Exports: the API's CSV of the same figures, and a PDF report.
 */
@Prototype
@Route(value = "review", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_BUSINESS)
@PageTitle("Review · Plumbline")
public class ReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final PsrEngine engine;
    private final FixTracking fixes;
    private final ShippedFixes shipped = new ShippedFixes();
    private final PeriodReader periods;
    private String note = "";
    private final Definitions definitions;
    private final Select<String> month;
    private final Grid<MonthOverMonth> services = new Grid<>();
    private final Grid<CustomerImpact> customers = new Grid<>();
    private final boolean money = CurrentUser.can(Permission.VIEW_MONEY);
    private final H3 customersTitle = new H3();
    private final Span periodLabel = new Span();
    private final Div message = new Div();
    private final HorizontalLayout exports = new HorizontalLayout();
    private final Div charts = new Div();
    private List<MonthOverMonth> rows = List.of();
    private boolean loading;

    public ReviewView(PsrEngine engine, FixTracking fixes, PeriodReader periods, Definitions definitions) {
        this.engine = engine;
        this.fixes = fixes;
        this.periods = periods;
        this.month = MonthChoice.select(periods);
        this.definitions = definitions;
        setSizeFull();
        addClassName("review-view");
        month.addValueChangeListener(e -> {
            if (!loading) {
                note = "";
                navigate(null);
                load(null);
            }
        });
        exports.addClassName("review-exports");
        HorizontalLayout top = new HorizontalLayout(month, exports);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        periodLabel.addClassName("review-period");
        message.addClassName("view-message");
        message.setVisible(false);
        configureServices();
        configureCustomers();
        customersTitle.addClassName("review-customers-title");
        charts.addClassName("review-charts");
        charts.setWidthFull();
        add(new H2("Monthly review"), top, periodLabel, message, services, charts, shipped, customersTitle, customers);
    }

    private Span header(String text, String definition) {
        return FigureHelp.explain(new Span(text), definitions.get(definition));
    }

    private void configureServices() {
        services.addClassName("review-services");
        services.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        services.setAllRowsVisible(true);
        // the grid measures auto widths on the rows in its viewport, which grows to all rows only after they render:
        // measure again whenever its height changes, so a long p95 never reads "1014…"
        services.getElement().executeJs("const grid = $0; let height = -1; new ResizeObserver(() => {"
                + " if (grid.offsetHeight !== height) { height = grid.offsetHeight; grid.recalculateColumnWidths(); }"
                + " }).observe(grid);", services.getElement());
        services.addColumn(m -> m.current().service()).setHeader("Service").setKey("service").setAutoWidth(true);
        figure(header("Requests", "requests"), "requests", m -> FigureText.count(m.current().requests()),
                m -> FigureText.relative(m.requestsChange()));
        // no error-rate column: it is 100% minus availability (the CSV and the API carry both); the width goes to the
        // objectives, so all columns fit 1366 px
        figure(header("Availability", "availability"), "availability",
                m -> PercentText.of(m.current().availability(), 3), m -> FigureText.points(m.availabilityChange()));
        figure(header("p95", "p95"), "p95", m -> FigureText.ms(m.current().p95Seconds()),
                m -> FigureText.msChange(m.p95ChangeSeconds()));
        figure(header("p99", "p99"), "p99", m -> FigureText.ms(m.current().p99Seconds()),
                m -> FigureText.msChange(m.p99ChangeSeconds()));
        services.addColumn(m -> FigureText.rps(m.current().averageRps()) + " / " + FigureText.rps(m.current().peakRps()))
                .setHeader(header("rps avg / peak", "peak-rps")).setKey("rps").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        services.addComponentColumn(m -> CustomerImpactGrid.objectives(m.current())).setHeader(header("Objectives (burn)", "burn-rate"))
                .setKey("objectives").setFlexGrow(1).setWidth("12em");
        services.addColumn(m -> PercentText.of(m.current().coverage(), 1))
                .setHeader(header("Coverage", "coverage")).setKey("coverage").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        services.addItemClickListener(e -> {
            navigate(e.getItem().current().service());
            showCustomers(e.getItem().current().service());
            customersTitle.scrollIntoView();
        });
    }

    /** A figure with its change against the previous period under it, in smaller type (class "change"). */
    private void figure(Span header, String key, ValueProvider<MonthOverMonth, String> value,
                        ValueProvider<MonthOverMonth, String> change) {
        services.addColumn(LitRenderer.<MonthOverMonth>of("<span style=\"white-space: nowrap\">${item.value}</span><br>"
                        + "<small class=\"change\" style=\"color: var(--lumo-secondary-text-color)\">${item.change}</small>")
                        .withProperty("value", value).withProperty("change", change))
                .setHeader(header).setKey(key).setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
    }

    private void configureCustomers() {
        CustomerImpactGrid.configure(customers, money, engine.rates().reporting(), definitions);
        customers.addClassName("review-customers");
        customers.setVisible(false);
        customersTitle.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        String m = q.getOrDefault("month", List.of("")).getFirst();
        loading = true;
        MonthChoice.Choice choice = MonthChoice.show(month, m, periods, engine.monthsWithData());
        loading = false;
        note = MonthChoice.defaultNote(choice, periods);
        if (choice.problem() != null) {
            refuse(choice.problem());
            return;
        }
        load(q.getOrDefault("service", List.of("")).getFirst());
    }

    private Period period() {
        return periods.parse(month.getValue(), null, null);
    }

    private void navigate(String service) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!month.getValue().isEmpty()) {
            params.put("month", month.getValue());
        }
        if (service != null && !service.isEmpty()) {
            params.put("service", service);
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("review", QueryParameters.simple(params))));
    }

    private void load(String service) {
        message.setVisible(false);
        message.removeClassName("error");
        message.getElement().setAttribute("role", "status");
        customers.setVisible(false);
        customersTitle.setVisible(false);
        Period period = period();
        periodLabel.setText(PeriodParameters.label(period) + (note.isEmpty() ? "" : " (" + note + ")") + ", compared with "
                + PeriodParameters.label(period.previous()));
        try {
            rows = engine.servicesMonthOverMonth(period);
        } catch (StoreException e) {
            message.setText(StoreFailure.describe("The review cannot be computed", e));
            message.getElement().setAttribute("role", "alert");
            message.addClassName("error");
            message.setVisible(true);
            services.setVisible(false);
            charts.removeAll();
            return;
        }
        if (!rows.isEmpty() && rows.stream().allMatch(r -> r.previous() == null)) {
            // said once here rather than as an empty change under every figure
            periodLabel.setText(periodLabel.getText() + ": no telemetry then, so no changes to show");
        }
        services.setVisible(!rows.isEmpty());
        services.setItems(rows);
        services.recalculateColumnWidths();   // auto widths follow this month's figures
        charts.removeAll();
        if (!rows.isEmpty()) {
            ReviewCharts.of(rows, PeriodParameters.label(period), PeriodParameters.label(period.previous()))
                    .forEach(chart -> charts.add(new Chart(chart)));
        }
        if (rows.isEmpty()) {
            message.setText("No telemetry was collected in " + PeriodParameters.label(period) + ".");
            message.setVisible(true);
        }
        showShipped(period);
        exports(period);
        if (service != null && !service.isEmpty() && rows.stream().anyMatch(r -> r.current().service().equals(service))) {
            showCustomers(service);
            customersTitle.scrollIntoView();   // a link to a service opens at its customers
        }
    }

    private List<FixTracking.Tracked> shippedIn(Period period) {
        return fixes.shippedIn(period.from(), period.to());
    }

    private void showShipped(Period period) {
        try {
            shipped.show(shippedIn(period), PeriodParameters.label(period), money, engine.rates().reporting());
            shipped.setVisible(true);
        } catch (StoreException e) {
            shipped.setVisible(false);
            message.setText(StoreFailure.describe("The fixes shipped in " + PeriodParameters.label(period)
                    + " cannot be read", e));
            message.setVisible(true);
        }
    }

    /** A URL the API would refuse: its message instead of figures, nothing to export. */
    private void refuse(String problem) {
        periodLabel.setText("");
        services.setVisible(false);
        charts.removeAll();
        shipped.setVisible(false);
        customers.setVisible(false);
        customersTitle.setVisible(false);
        exports.removeAll();
        message.setText(problem);
        message.getElement().setAttribute("role", "alert");
        message.addClassName("error");
        message.setVisible(true);
    }

    private void showCustomers(String service) {
        List<CustomerImpact> hurt;
        try {
            hurt = engine.customersOf(period(), service, money);
        } catch (StoreException e) {
            message.setText(StoreFailure.describe("The customers of " + service + " cannot be read", e));
            message.getElement().setAttribute("role", "alert");
            message.addClassName("error");
            message.setVisible(true);
            return;
        }
        long missing = hurt.stream().filter(c -> c.badness() != null && c.badness() > 1).count();
        customersTitle.setText(service + ": " + hurt.size() + " customers, " + missing + " outside objectives"
                + (money ? " (most revenue at risk first)" : " (worst burn first)"));
        customersTitle.setVisible(true);
        customers.setVisible(true);
        customers.setItems(hurt);
    }

    private void exports(Period period) {
        exports.removeAll();
        if (!CurrentUser.can(Permission.EXPORT) || rows.isEmpty()) {
            return;
        }
        String m = month.getValue();
        String query = m.isEmpty() ? "" : "?month=" + URLEncoder.encode(m, StandardCharsets.UTF_8);
        Anchor csv = new Anchor("api/v1/figures/services.csv" + query, "Export CSV");
        csv.getElement().setAttribute("download", true);
        csv.addClassName("export-csv");
        String label = PeriodParameters.label(period);
        String previous = PeriodParameters.label(period.previous());
        List<MonthOverMonth> snapshot = rows;
        boolean withMoney = money;
        String currency = engine.rates().reporting();
        StreamResource pdf = new StreamResource("psr-review-" + label.replace(' ', '_') + ".pdf", () -> {
            var summary = engine.summary(period, 0);
            List<ReviewPdf.Drill> drills = snapshot.stream().map(r -> new ReviewPdf.Drill(r.current().service(),
                    engine.customersOf(period, r.current().service(), withMoney).stream()
                            .filter(c -> c.badness() != null && c.badness() > 1).toList())).toList();
            return new ByteArrayInputStream(ReviewPdf.write(new ReviewPdf.Report(label, previous,
                    dev.plumbline.dashboards.summary.SummaryCards.of(summary, previous, withMoney, currency),
                    dev.plumbline.sql.psr.ServiceRisk.largestRisks(engine.rankingByService(period, 0, 1000).rows(), 5),
                    withMoney, currency, snapshot, drills, shippedIn(period))));
        });
        pdf.setContentType("application/pdf");
        Anchor pdfLink = new Anchor(pdf, "Download PDF report");
        pdfLink.getElement().setAttribute("download", true);
        pdfLink.addClassName("export-pdf");
        Anchor pack = new Anchor("api/v1/figures/services.csv" + (query.isEmpty() ? "?" : query + "&")
                + "format=datapackage", "Data package");
        pack.getElement().setAttribute("download", true);
        pack.getElement().setAttribute("title", "The CSV with its Frictionless datapackage.json: each column's type, "
                + "unit and definition");
        pack.addClassName("export-datapackage");
        exports.add(csv, pack, pdfLink);
    }
}
