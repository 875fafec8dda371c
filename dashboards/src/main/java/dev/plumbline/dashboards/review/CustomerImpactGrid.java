package dev.plumbline.dashboards.review;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.ObjectiveResult;
import dev.plumbline.sql.psr.PercentText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A service's customers, the most hurt first ({@link dev.plumbline.sql.psr.PsrEngine#customersOf}), as the Review and
 * the Service page list them: by name with the id under it, revenue at risk for money roles, worst burn, traffic,
 * percentiles and each objective met or missed (a missed one in the error colour and in words).
 */
public final class CustomerImpactGrid {

    private CustomerImpactGrid() {
    }

    public static void configure(Grid<CustomerImpact> customers, boolean money, String currency, Definitions definitions) {
        customers.addClassName("customer-impact");
        customers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        customers.setHeight("28em");
        boolean linked = CurrentUser.can(Permission.VIEW_BUSINESS);
        customers.addComponentColumn(c -> customer(c, linked)).setHeader("Customer").setKey("customer")
                .setFlexGrow(2).setWidth("14em");
        if (money) {
            customers.addColumn(c -> MoneyText.of(c.revenueAtRisk(), currency))
                    .setHeader(header("Revenue at risk", "revenue-at-risk", definitions)).setKey("revenueAtRisk")
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        }
        customers.addColumn(c -> FigureText.burn(c.badness())).setHeader(header("Worst burn", "badness", definitions))
                .setKey("badness").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        customers.addColumn(c -> FigureText.count(c.figures().requests())).setHeader("Requests").setKey("requests")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        customers.addColumn(c -> PercentText.of(c.figures().errorRate(), 3)).setHeader("Error rate").setKey("errorRate")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        customers.addColumn(c -> FigureText.ms(c.figures().p95Seconds())).setHeader("p95").setKey("p95")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        customers.addColumn(c -> FigureText.ms(c.figures().p99Seconds())).setHeader("p99").setKey("p99")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        customers.addComponentColumn(c -> objectives(c.figures())).setHeader("Objectives (burn)").setKey("objectives")
                .setFlexGrow(3).setWidth("14em");
    }

    private static Span header(String text, String definition, Definitions definitions) {
        return FigureHelp.explain(new Span(text), definitions.get(definition));
    }

    /**
     * Each objective in words ("met", "missed") and, when missed, in the error colour (class objective-missed), so a
     * missed objective reads at a glance and still in print or for a screen reader.
     */
    public static Span objectives(Figures f) {
        Span all = new Span();
        all.addClassName("objectives");
        if (f.objectives().isEmpty()) {
            all.setText(FigureText.objectives(f));
            return all;
        }
        for (ObjectiveResult o : f.objectives()) {
            if (all.getComponentCount() > 0) {
                all.add(new Span("; "));
            }
            Span one = new Span(FigureText.objective(o));
            one.addClassName(Boolean.FALSE.equals(o.met()) ? "objective-missed" : "objective-met");
            all.add(one);
        }
        return all;
    }

    /** The customer's name, linked to its page when the role may open it, with its id under it (secondary). */
    private static Div customer(CustomerImpact c, boolean linked) {
        Div cell = new Div();
        if (linked) {
            Anchor name = new Anchor("customer?id=" + URLEncoder.encode(c.customer(), StandardCharsets.UTF_8), c.label());
            name.addClassName("customer-name");
            cell.add(name);
        } else {
            Span name = new Span(c.label());
            name.addClassName("customer-name");
            cell.add(name);
        }
        if (!c.label().equals(c.customer())) {
            Span id = new Span(c.customer());
            id.addClassName("customer-id");
            cell.add(new Div(id));
        }
        return cell;
    }
}
