package dev.plumbline.dashboards.customer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.chart.Chart;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.dashboards.review.FigureText;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.psr.CustomerHealth;
import dev.plumbline.sql.psr.CustomerTrend;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.PercentText;
import dev.plumbline.sql.psr.SeatConsumption;
import dev.plumbline.sql.psr.MoneyText;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One customer (customer?id=acme&month=2026-10), found by a type-ahead search over name and id: ARR (money
 * permission), seats, renewal, technical health, every service it uses with its figures against objectives, its
 * trends over the 90 days up to the month's end (error rate, p95 of its busiest services, requests by service) and
 * the annotations about it. Data from the same engine and stores as /api/v1/customer-health, /api/v1/figures/slices
 * and /api/v1/trends/customers/{id}.
 */
@Prototype
@Route(value = "customer", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_BUSINESS)
@PageTitle("Customer · Plumbline")
public class CustomerView extends VerticalLayout implements BeforeEnterObserver {

    private final PsrEngine engine;
    private final CustomerStore customers;
    private final AnnotationStore annotations;
    private final Definitions definitions;
    private final PeriodReader periods;
    private final ComboBox<Customer> search = new ComboBox<>("Find a customer");
    private final Div details = new Div();
    private String month = "";
    static final int TREND_DAYS = 90;

    public CustomerView(PsrEngine engine, CustomerStore customers, AnnotationStore annotations, Definitions definitions,
                        PeriodReader periods) {
        this.engine = engine;
        this.customers = customers;
        this.annotations = annotations;
        this.definitions = definitions;
        this.periods = periods;
        addClassName("customer-view");
        search.addClassName("customer-search");
        search.setPlaceholder("name or id");
        search.setWidth("28em");
        search.setItemLabelGenerator(c -> c.name() + " (" + c.id() + ")");
        search.setItems(query -> customers.search(today(), query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()));
        search.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate("customer", QueryParameters.simple(params(e.getValue().id()))));
            }
        });
        details.setWidthFull();
        add(new H2("Customer"), search, details);
    }

    private LocalDate today() {
        return LocalDate.now(periods.clock().withZone(ZoneOffset.UTC));
    }

    private Map<String, String> params(String id) {
        return month.isEmpty() ? Map.of("id", id) : Map.of("id", id, "month", month);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var q = event.getLocation().getQueryParameters().getParameters();
        month = q.getOrDefault("month", List.of("")).getFirst();
        String id = q.getOrDefault("id", List.of("")).getFirst();
        details.removeAll();
        if (id.isBlank()) {
            details.add(message("Type part of a customer's name or id above."));
            return;
        }
        Period period;
        try {
            period = periods.parse(month, null, null);
        } catch (IllegalArgumentException e) {
            details.add(message(e.getMessage()));
            return;
        }
        try {
            show(id, period);
        } catch (StoreException e) {
            details.add(message(StoreFailure.describe("The customer cannot be read", e)));
        }
    }

    private void show(String id, Period period) {
        Customer c = customers.find(id, period.lastDay()).orElse(null);
        if (c == null) {
            details.add(message(customers.history(id).isEmpty() ? "No customer with id '" + id + "'."
                    : "Customer '" + id + "' was not on record yet in " + PeriodParameters.label(period) + "."));
            return;
        }
        boolean money = CurrentUser.can(Permission.VIEW_MONEY);
        H3 title = new H3(c.name() + " (" + c.id() + ")");
        title.addClassName("customer-title");
        UnorderedList facts = new UnorderedList();
        facts.addClassName("customer-facts");
        if (money) {
            facts.add(fact("arr", "ARR", MoneyText.of(c.arr(), c.currency())));
        }
        facts.add(fact("seats", "Seats", (c.seats() == null ? "unknown" : c.seats().toString()) + " ("
                + (c.activeUsers() == null ? "active users unknown" : c.activeUsers() + " active, "
                + PercentText.of(SeatConsumption.of(c.activeUsers(), c.seats()).share(), 0) + " of the seats used") + ")"));
        facts.add(fact("renewal", "Renewal", c.renewalDate() == null ? "not on record" : c.renewalDate().toString()));
        facts.add(fact("segment", "Segment, region, plan", c.segment() + ", " + c.region() + ", " + c.plan()));
        CustomerHealth h = engine.health(period, c.id(), 0, 1).rows().stream().findFirst().orElse(null);
        ListItem health = fact("health", "Technical health", h == null || h.health() == null ? "no objective judged"
                : String.format(Locale.ROOT, "%.0f / 100", h.health()));
        FigureHelp.explain(health, definitions.get("health"));
        facts.add(health);
        if (money) {
            ListItem risk = fact("revenue-at-risk", "Revenue at risk", h == null ? MoneyText.of(0.0, engine.rates().reporting())
                    : MoneyText.of(h.revenueAtRisk(), engine.rates().reporting()) + (h.servicesOverBudget() == 0 ? ""
                    : " (" + h.servicesOverBudget() + " of " + h.servicesUsed() + " services over budget, worst "
                    + h.worstService() + ")"));
            FigureHelp.explain(risk, definitions.get("revenue-at-risk"));
            facts.add(risk);
        }
        details.add(title, new Span(PeriodParameters.label(period)), facts);

        var used = engine.slices(period, "", c.id(), 0, 1000).rows();
        Grid<Figures> grid = new Grid<>();
        grid.addClassName("customer-services");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(f -> new Anchor("service?name=" + f.service(), f.service())).setHeader("Service")
                .setKey("service");
        grid.addColumn(f -> FigureText.count(f.requests())).setHeader("Requests").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> PercentText.of(f.errorRate(), 3)).setHeader("Error rate").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> FigureText.ms(f.p95Seconds())).setHeader("p95").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> FigureText.ms(f.p99Seconds())).setHeader("p99").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(FigureText::objectives).setHeader("Objectives (burn)").setFlexGrow(3);
        grid.setItems(used);
        details.add(new H3("Services it uses"), used.isEmpty() ? message("No telemetry for this customer in "
                + PeriodParameters.label(period) + ".") : grid);

        // complete days only: today is still running, and its few hours would read as a cliff
        LocalDate last = period.lastDay().isBefore(today()) ? period.lastDay() : today().minusDays(1);
        LocalDate from = last.plusDays(1).minusDays(TREND_DAYS);
        CustomerTrend trend = engine.customerTrend(c.id(), from, last.plusDays(1));
        var marks = annotations.inRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        details.add(new H3("Trends"), new Paragraph("The " + TREND_DAYS + " days up to " + last
                + (last.equals(today().minusDays(1)) ? " (today is still running)" : "")
                + ", from the first with telemetry; dashed lines are "
                + "annotations about this customer, the services it uses or the whole platform. Data as "
                + "/api/v1/trends/customers/" + c.id() + "?until=" + last + "."));
        CustomerCharts.of(trend, marks, from, last.plusDays(1)).forEach(chart -> details.add(new Chart(chart)));

        UnorderedList notes = new UnorderedList();
        notes.addClassName("customer-annotations");
        annotations.find(period.from(), period.to(), "", c.id(), null, 50).forEach(a -> notes.add(new ListItem(
                a.startsAt().toString().substring(0, 16).replace('T', ' ') + " " + a.kind().sqlValue() + ": " + a.text())));
        details.add(new H3("Annotations"), notes.getChildren().findAny().isPresent() ? notes : message("None in this period."));
        search.setValue(c);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("customer", QueryParameters.simple(params(c.id())))));
    }

    private static ListItem fact(String key, String label, String value) {
        ListItem item = new ListItem(new Span(label + ": "), new Span(value));
        item.getElement().setAttribute("data-fact", key);
        return item;
    }

    private static Div message(String text) {
        Div d = new Div(text);
        d.addClassName("view-message");
        return d;
    }
}
