package dev.plumbline.dashboards.service;

import com.vaadin.flow.component.grid.Grid;
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
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.review.CustomerImpactGrid;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.ServiceTrend;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One service (service?name=search&days=90&month=2026-10; month: whose customers, default the default month): p95 and error-rate trends with their 7-day averages, the usual range and
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
    private final Definitions definitions;

    public ServiceView(PsrEngine engine, ServiceCatalogStore catalog, AnnotationStore annotations,
                       PolicyReplays replays, PeriodReader periods, Definitions definitions) {
        this.definitions = definitions;
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
            String month = q.getOrDefault("month", List.of("")).getFirst();
            Period period;
            try {
                period = periods.parse(month.isBlank() ? null : month, null, null);
            } catch (IllegalArgumentException e) {
                add(message(e.getMessage()));
                return;
            }
            add(new H3("Customers, " + PeriodParameters.label(period) + (CurrentUser.can(Permission.VIEW_MONEY)
                    ? ", the most revenue at risk first" : ", the worst burn first")));
            List<CustomerImpact> hurt = engine.customersOf(period, name, CurrentUser.can(Permission.VIEW_MONEY));
            add(hurt.isEmpty() ? message("No telemetry for " + name + " in " + PeriodParameters.label(period) + ".")
                    : customers(hurt));
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

    /** The period's customers of the service, the most hurt first (revenue at risk for money roles, else burn). */
    private Grid<CustomerImpact> customers(List<CustomerImpact> hurt) {
        Grid<CustomerImpact> grid = new Grid<>();
        CustomerImpactGrid.configure(grid, CurrentUser.can(Permission.VIEW_MONEY), engine.rates().reporting(), definitions);
        grid.addClassName("service-customers");
        grid.setItems(hurt);
        return grid;
    }

    private static Div message(String text) {
        Div d = new Div(text);
        d.addClassName("view-message");
        return d;
    }
}
