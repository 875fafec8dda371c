package dev.plumbline.dashboards.service;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.chart.Chart;
import dev.plumbline.dashboards.chart.TimeChart;
import dev.plumbline.dashboards.review.FigureText;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.ServiceTrend;
import dev.plumbline.sql.psr.PercentText;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One service (service?name=search&days=90): p95 and error-rate trends with their 7-day averages, the usual range and
 * annotations; traffic stacked by customer segment; what the alert policies saved for its objectives would have fired
 * last month; this month's customers with their figures. Data: the engine's service trend (as
 * /api/v1/trends/services/{name}), the saved policies replayed ({@link PolicyReplays}, as /api/v1/alerts/backtest)
 * and slices (as /api/v1/figures/slices).
 */
@Prototype
@Route(value = "service", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_SERVICES)
@PageTitle("Service · Plumbline")
public class ServiceView extends VerticalLayout implements BeforeEnterObserver {

    private final PsrEngine engine;
    private final ServiceCatalogStore catalog;
    private final AnnotationStore annotations;
    private final PolicyReplays replays;
    private final PeriodReader periods;

    public ServiceView(PsrEngine engine, ServiceCatalogStore catalog, AnnotationStore annotations,
                       PolicyReplays replays, PeriodReader periods) {
        this.engine = engine;
        this.catalog = catalog;
        this.annotations = annotations;
        this.replays = replays;
        this.periods = periods;
        addClassName("service-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var q = event.getLocation().getQueryParameters().getParameters();
        String name = q.getOrDefault("name", List.of("")).getFirst();
        String daysParam = q.getOrDefault("days", List.of("90")).getFirst();
        int days = daysParam.matches("\\d{1,3}") ? Math.max(7, Math.min(400, Integer.parseInt(daysParam))) : 90;
        var service = catalog.find(name);
        if (service.isEmpty()) {
            add(new H2("Service"), message("No service named '" + name + "'. Choose one on the Services page."));
            return;
        }
        add(new H2(service.get().service().displayName() + " (" + name + ")"));
        // complete days only: today is still running, and its few hours would read as a cliff
        LocalDate end = LocalDate.now(periods.clock().withZone(ZoneOffset.UTC));
        Double threshold = service.get().objectives().stream().map(o -> o.latencyThresholdMs())
                .filter(java.util.Objects::nonNull).min(Double::compare).orElse(null);
        try {
            ServiceTrend trend = engine.serviceTrend(name, end.minusDays(days), end);
            var notes = annotations.inRange(end.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    end.atStartOfDay(ZoneOffset.UTC).toInstant());
            add(new Paragraph("The last " + days + " complete days, to " + end.minusDays(1) + " (today is still running), "
                    + "from the first with telemetry. The band is the usual range: the mean ± 2 standard deviations "
                    + "of the 28 days before each day; the red dashed line is the latency objective's threshold; grey "
                    + "dashed lines are annotations (deploys, launches, incidents)."));
            for (TimeChart chart : ServiceCharts.of(trend, notes, end.minusDays(days), end, threshold)) {
                add(new Chart(chart));
            }
            addPolicyReplays(name);
            Period period = periods.parse(null, null, null);
            add(new H3("Customers, " + PeriodParameters.label(period)));
            add(customers(period, name));
        } catch (StoreException e) {
            add(message(StoreFailure.describe("The service's figures cannot be read", e)));
        }
    }

    /** What the saved alert policies would have fired last month; nothing when none is saved. */
    private void addPolicyReplays(String name) {
        try {
            List<PolicyReplays.Replay> replayed = replays.lastMonth(name);
            if (!replayed.isEmpty()) {
                add(new PolicyReplayPanel(replays.lastMonth().toString(), replayed));
            }
        } catch (StoreException e) {
            add(message(StoreFailure.describe("What the saved alert policies would have fired cannot be computed", e)));
        }
    }

    private Grid<Figures> customers(Period period, String name) {
        Grid<Figures> grid = new Grid<>();
        grid.addClassName("service-customers");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("24em");
        grid.addColumn(f -> f.key().substring(f.key().indexOf('/') + 1)).setHeader("Customer").setKey("customer");
        grid.addColumn(f -> FigureText.count(f.requests())).setHeader("Requests").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> PercentText.of(f.errorRate(), 3)).setHeader("Error rate").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> FigureText.ms(f.p95Seconds())).setHeader("p95").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(FigureText::objectives).setHeader("Objectives (burn)").setFlexGrow(3);
        long total = engine.slices(period, name, "", 0, 1).total();
        grid.setItems(q -> engine.slices(period, name, "", q.getOffset(), q.getLimit()).rows().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, total));
        return grid;
    }

    private static Div message(String text) {
        Div d = new Div(text);
        d.addClassName("view-message");
        return d;
    }
}
