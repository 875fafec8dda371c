package dev.plumbline.dashboards.improvements;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.dashboards.ViewMessage;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.fixes.Effect;
import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.sql.fixes.Significance;
import dev.plumbline.sql.fixes.TrackedFix;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;
import dev.plumbline.sql.psr.PsrEngine;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The tracked fixes (as {@code /api/v1/fixes}), the most recently tracked first: what each is, for which service,
 * problem and customers, who owns it and by when, its hypothesis in numbers, its state, and once shipped its measured
 * effect: the figure before and after (14 whole days each side, the ship day left out), the verdict of Welch's t-test
 * at 95% confidence, whether the hypothesis held, and (money roles) the revenue at risk before and after.
 */
@Prototype
@Route(value = "improvements", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_SERVICES)
@PageTitle("Improvements · Plumbline")
public class ImprovementsView extends VerticalLayout implements BeforeEnterObserver {

    private final FixTracking fixes;
    private final PsrEngine engine;
    private final boolean money = CurrentUser.can(Permission.VIEW_MONEY);
    private final ViewMessage message = new ViewMessage();
    private final Grid<FixTracking.Tracked> grid = new Grid<>();

    public ImprovementsView(FixTracking fixes, PsrEngine engine) {
        this.fixes = fixes;
        this.engine = engine;
        setSizeFull();
        addClassName("improvements-view");
        Paragraph lead = new Paragraph("Close the loop: every tracked fix, and once it shipped whether it worked. "
                + "The figure of its customers over 14 whole days before and after the ship day (the day itself left "
                + "out), tested with " + Significance.TEST + ".");
        lead.addClassName("lead");
        configureGrid();
        add(new H2("Improvements"), lead, message, grid);
    }

    private void configureGrid() {
        grid.addClassName("improvements-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        // shares that wrap, so every column is in sight at 1366 px (auto widths ran past the screen even at 1920);
        // the ship day goes with the state and the hypothesis' verdict with the test, nine columns in all
        column(t -> title(t.fix()), "Fix", "fix", "8em");
        column(t -> t.fix().service() + " " + t.fix().problem(), "Problem", "problem", "7.5em");
        column(t -> customers(t.fix()), "Customers", "customers", "7em");
        column(t -> t.fix().owner() + ", by " + t.fix().targetDate(), "Owner", "owner", "6em");
        column(t -> ImprovementText.hypothesis(t.fix().hypothesis()), "Hypothesis", "hypothesis", "7em");
        column(t -> ImprovementText.state(t.state().label(), t.fix().shipDay()), "State", "state", "8em");
        column(t -> t.effect().map(e -> ImprovementText.beforeAfter(t.fix().hypothesis().figure(), e))
                        .orElse(ImprovementText.value(t.fix().hypothesis().figure(), t.fix().snapshot().value()) + " now"),
                "Before → after", "effect", "6em").setTextAlign(ColumnTextAlign.END);
        column(t -> ImprovementText.test(t.effect().orElse(null)), "Test", "test", "8em");
        if (money) {
            column(t -> t.effect().map(this::revenue).orElse(money(t.fix().snapshot().revenueAtRisk()) + " now"),
                    "Revenue at risk", "revenueAtRisk", "7em").setTextAlign(ColumnTextAlign.END);
        }
    }

    private Grid.Column<FixTracking.Tracked> column(ValueProvider<FixTracking.Tracked, ?> value, String header,
                                                   String key, String width) {
        return grid.addColumn(value).setHeader(header).setKey(key).setWidth(width).setFlexGrow(1);
    }


    static String title(TrackedFix f) {
        return f.title().isEmpty() ? "Fix " + f.service() + " " + f.problem() : f.title();
    }

    static String customers(TrackedFix f) {
        List<String> c = f.customers();
        return c.size() <= 3 ? String.join(", ", c) : String.join(", ", c.subList(0, 3)) + " and " + (c.size() - 3)
                + " more";
    }

    private String revenue(Effect e) {
        return money(e.revenueAtRiskBefore()) + " → " + money(e.revenueAtRiskAfter());
    }

    private String money(double amount) {
        return MoneyText.of(amount, engine.rates().reporting());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            List<FixTracking.Tracked> all = fixes.all();
            grid.setItems(all);
            grid.setVisible(!all.isEmpty());
            if (all.isEmpty()) {
                message.show("No fix is tracked yet: track one from the Fixes page.", false);
            } else {
                message.setVisible(false);
            }
        } catch (StoreException e) {
            grid.setVisible(false);
            message.show(StoreFailure.describe("The tracked fixes cannot be read", e), true);
        }
    }
}
