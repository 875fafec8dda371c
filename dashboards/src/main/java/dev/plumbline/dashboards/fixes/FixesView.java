package dev.plumbline.dashboards.fixes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.dashboards.ViewMessage;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.dashboards.improvements.TrackFixForm;
import dev.plumbline.dashboards.period.MonthChoice;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.ServiceRisk;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixes to make: each service with customers over budget, best return on an engineer-week first (the ranking by
 * service, as {@code /api/v1/rankings/services}): its problem (availability or latency), the revenue at risk if it is
 * not fixed (money roles), the customers affected and the largest of them, the effort and the ROI; each links to its
 * customers on the ROI page and to its Service page. The month is in the URL (fixes?month=2026-10). For pm and admin
 * (track-fixes), "Track this fix" on each row opens {@link TrackFixForm} prefilled with the row's problem and the
 * customers over budget on the service this month; tracked fixes are listed on the Improvements page.
 */
@Prototype
@Route(value = "fixes", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_BUSINESS)
@PageTitle("Fixes · Plumbline")
public class FixesView extends VerticalLayout implements BeforeEnterObserver {

    private final PsrEngine engine;
    private final FixTracking tracking;
    private final ServiceCatalogStore catalog;
    private final PeriodReader periods;
    private final Definitions definitions;
    private final boolean money = CurrentUser.can(Permission.VIEW_MONEY);
    private final Select<String> month;
    private final Span periodLabel = new Span();
    private final ViewMessage message = new ViewMessage();
    private final Grid<Fix> grid = new Grid<>();
    private boolean loading;

    /** A service to fix, with its place in the ranking. */
    record Fix(int rank, ServiceRisk risk) {
    }

    public FixesView(PsrEngine engine, FixTracking tracking, ServiceCatalogStore catalog, PeriodReader periods,
                     Definitions definitions) {
        this.engine = engine;
        this.tracking = tracking;
        this.catalog = catalog;
        this.periods = periods;
        this.definitions = definitions;
        this.month = MonthChoice.select(periods);
        setSizeFull();
        addClassName("fixes-view");
        month.addValueChangeListener(e -> {
            if (!loading && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                        new Location("fixes", QueryParameters.simple(Map.of("month", e.getValue())))));
                load("");
            }
        });
        periodLabel.addClassName("fixes-period");
        Paragraph lead = new Paragraph("Which fix, to which service, for which customers: every service with customers "
                + "over their error budget, the best return on an engineer-week first.");
        lead.addClassName("lead");
        HorizontalLayout top = new HorizontalLayout(month, periodLabel);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(new H2("Fixes"), lead, top, message, grid);
    }

    private void configureGrid() {
        grid.addClassName("fixes-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addColumn(Fix::rank).setHeader("#").setKey("rank").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(f -> new Anchor(FixText.serviceLink(f.risk()), f.risk().service()))
                .setHeader("Service").setKey("service").setAutoWidth(true);
        grid.addColumn(f -> FixText.problem(f.risk())).setHeader(header("Problem", "service-problem")).setKey("problem")
                .setAutoWidth(true).setFlexGrow(0);
        if (money) {
            grid.addColumn(f -> money(f.risk().revenueAtRisk())).setHeader(header("Revenue at risk", "revenue-at-risk"))
                    .setKey("revenueAtRisk").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        grid.addComponentColumn(this::customers).setHeader(header("Customers affected", "customers"))
                .setKey("customers").setFlexGrow(3);
        grid.addColumn(f -> String.format(Locale.ROOT, "%.1f wk", f.risk().effortWeeks()))
                .setHeader(header("Effort", "effort")).setKey("effort").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        if (money) {
            grid.addColumn(f -> money(f.risk().roi()) + " / wk").setHeader(header("ROI", "roi")).setKey("roi")
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        } else {
            grid.addColumn(f -> String.format(Locale.ROOT, "%.0f", f.risk().relativeScore()))
                    .setHeader(header("Score", "relative-score")).setKey("relativeScore")
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        if (CurrentUser.can(Permission.TRACK_FIXES)) {
            grid.addComponentColumn(f -> {
                Button track = new Button("Track this fix", e -> openTracking(f.risk()));
                track.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                track.addClassName("fixes-track");
                return track;
            }).setKey("track").setAutoWidth(true).setFlexGrow(0);
        }
    }

    /**
     * "Track this fix" for a row: its problem and its known customers over budget this month (a fix is tracked for
     * customers with a record), the signed-in user as the owner.
     */
    private void openTracking(ServiceRisk r) {
        Period period = periods.parse(month.getValue(), null, null);
        List<Objective> objectives = catalog.find(r.service()).map(CatalogEntry::objectives).orElse(List.of());
        List<String> affected = engine.customersOf(period, r.service(), true).stream()
                .filter(c -> c.known() && c.badness() != null && c.badness() > 1).map(CustomerImpact::customer).toList();
        String user = CurrentUser.stored().map(Identity::name).orElse("");
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Track this fix: " + r.service());
        Span error = new Span();
        error.addClassName("track-fix-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        TrackFixForm form = new TrackFixForm(r.service(), objectives, r.problem(), affected, user,
                engine.today().plusDays(30), request -> {
                    try {
                        tracking.track(request, user);
                        dialog.close();
                        Notification.show("Tracked: see Improvements").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (IllegalArgumentException problem) {
                        error.setText(problem.getMessage());
                    }
                });
        dialog.add(form, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), form.saveButton());
        dialog.open();
    }

    /** "25 customers, largest Big Corp", linking to the service's customers on the ROI page and to the largest. */
    private Div customers(Fix f) {
        ServiceRisk r = f.risk();
        Anchor all = new Anchor(FixText.customersLink(r, month.getValue()), FixText.customers(r));
        all.addClassName("fixes-customers");
        Div cell = new Div(all);
        if (!r.largestCustomer().isEmpty()) {
            Anchor largest = new Anchor(FixText.largestLink(r, month.getValue()), FixText.largest(r));
            largest.addClassName("fixes-largest");
            cell.add(new Span(", largest "), largest);
        }
        return cell;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> m = event.getLocation().getQueryParameters().getParameters().getOrDefault("month", List.of());
        loading = true;
        MonthChoice.Choice choice = MonthChoice.show(month, m.isEmpty() ? "" : m.getFirst(), periods,
                engine.monthsWithData());
        loading = false;
        if (choice.problem() != null) {
            grid.setVisible(false);
            periodLabel.setText("");
            message.show(choice.problem(), true);
            return;
        }
        load(MonthChoice.defaultNote(choice, periods));
    }

    private void load(String note) {
        Period period = periods.parse(month.getValue(), null, null);
        periodLabel.setText(PeriodParameters.label(period) + (note.isEmpty() ? "" : " (" + note + ")"));
        try {
            List<ServiceRisk> ranked = engine.rankingByService(period, 0, 1000).rows();
            List<Fix> fixes = new java.util.ArrayList<>();
            for (ServiceRisk r : ranked) {
                if (r.customersAffected() > 0) {
                    fixes.add(new Fix(fixes.size() + 1, r));
                }
            }
            grid.setItems(fixes);
            grid.setVisible(!fixes.isEmpty());
            if (fixes.isEmpty()) {
                message.show("No service has a customer over its error budget in " + PeriodParameters.label(period)
                        + ": nothing to fix.", false);
            } else {
                message.setVisible(false);
            }
        } catch (StoreException e) {
            grid.setVisible(false);
            message.show(StoreFailure.describe("The fixes cannot be ranked", e), true);
        }
    }

    private Span header(String text, String definition) {
        return FigureHelp.explain(new Span(text), definitions.get(definition));
    }

    private String money(double amount) {
        return MoneyText.of(amount, engine.rates().reporting());
    }
}
