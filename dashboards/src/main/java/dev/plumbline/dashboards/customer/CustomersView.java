package dev.plumbline.dashboards.customer;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.SeatConsumption;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Customers as of today, with what they are worth (money only for those allowed to see it): a search over name, id,
 * segment, region and plan, and every column sortable. ARR is in the reporting currency, so the column sorts by worth;
 * the amount in the customer's own currency is its tooltip.
 */
@Prototype
@Route(value = "customers", layout = MainLayout.class)
@PageTitle("Customers · Plumbline")
@RolesAllowed(Permission.VIEW_BUSINESS)
public class CustomersView extends VerticalLayout {

    private final CustomerStore customers;
    private final CurrencyRates rates;
    private final Clock clock;
    private final Grid<Customer> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Div message = new Div();

    public CustomersView(CustomerStore customers, PsrEngine engine, Clock clock) {
        this.customers = customers;
        this.rates = engine.rates();
        this.clock = clock;
        setSizeFull();
        addClassName("customers-view");
        Paragraph lead = new Paragraph("Every customer as the CRM or billing system last gave it. Click a column to sort by it.");
        lead.addClassName("lead");
        message.addClassName("view-message");
        message.setVisible(false);
        search.setPlaceholder("Search name, id, segment, region, plan");
        search.setAriaLabel("Search customers");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        search.addClassName("customers-search");
        count.addClassName("customers-count");
        configureGrid(CurrentUser.can(Permission.VIEW_MONEY));
        HorizontalLayout tools = new HorizontalLayout(search, count);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (CurrentUser.can(Permission.EXPORT)) {
            Anchor export = new Anchor("api/v1/customers/export.csv", "Export CSV");
            export.setRouterIgnore(true);
            export.getElement().setAttribute("download", true);
            export.addClassName("export-csv");
            tools.add(export);
        }
        add(new H2("Customers"), lead, tools, message, grid);
        load();
    }

    /** ARR in the reporting currency; null when the customer has none or its currency has no rate. */
    private BigDecimal arrReporting(Customer c) {
        return c.arr() == null || c.currency() == null || !rates.knows(c.currency()) ? null
                : rates.toReporting(c.arr(), c.currency());
    }

    private void configureGrid(boolean money) {
        grid.addClassName("customers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addComponentColumn(c -> {
            Span id = new Span(c.id());
            id.addClassName("service-key");
            return new Div(new Anchor("customer?id="
                    + java.net.URLEncoder.encode(c.id(), java.nio.charset.StandardCharsets.UTF_8), c.name()), id);
        }).setHeader("Customer").setKey("customer").setFlexGrow(2)
                .setComparator(Comparator.comparing((Customer c) -> c.name().toLowerCase(Locale.ROOT)).thenComparing(Customer::id));
        grid.addColumn(Customer::segment).setHeader("Segment").setKey("segment").setSortable(true);
        grid.addColumn(Customer::region).setHeader("Region").setKey("region").setSortable(true);
        grid.addColumn(Customer::plan).setHeader("Plan").setKey("plan").setSortable(true);
        if (money) {
            grid.addComponentColumn(c -> {
                Span arr = new Span(MoneyText.of(arrReporting(c), rates.reporting()));
                if (c.arr() != null && c.currency() != null && !c.currency().equals(rates.reporting())) {
                    arr.setTitle(MoneyText.of(c.arr(), c.currency()) + " (" + c.currency() + ")");
                }
                return arr;
            }).setHeader("ARR (" + rates.reporting() + ")").setKey("arr").setTextAlign(ColumnTextAlign.END)
                    .setComparator(Comparator.comparing(this::arrReporting, Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        grid.addColumn(Customer::seats).setHeader("Seats").setKey("seats").setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparing(Customer::seats, Comparator.nullsFirst(Comparator.naturalOrder())));
        grid.addColumn(c -> PercentText.of(SeatConsumption.of(c.activeUsers(), c.seats()).share(), 0)).setHeader("Seats used")
                .setKey("seatConsumption").setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparing(c -> SeatConsumption.of(c.activeUsers(), c.seats()).share(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        grid.addColumn(c -> c.renewalDate() == null ? "" : c.renewalDate().toString())
                .setHeader("Renewal").setKey("renewal")
                .setComparator(Comparator.comparing(Customer::renewalDate, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    private void load() {
        LocalDate today = LocalDate.now(clock);
        try {
            long total = customers.count(today);
            if (total == 0) {
                message.setText("No customers yet. 'bin/plumbline demo' starts Plumbline with example customers.");
                message.getElement().setAttribute("role", "status");
                message.setVisible(true);
                grid.setVisible(false);
                search.setVisible(false);
                return;
            }
            // every customer in memory (tens of thousands are a few MB): searching and sorting need no round trip
            List<Customer> all = customers.page(today, 0, (int) Math.min(Integer.MAX_VALUE, total));
            ListDataProvider<Customer> data = new ListDataProvider<>(all);
            grid.setItems(data);
            count.setText(all.size() + " customers");
            search.addValueChangeListener(e -> {
                String text = e.getValue().strip().toLowerCase(Locale.ROOT);
                data.setFilter(c -> text.isEmpty() || matches(c, text));
                long shown = all.stream().filter(c -> text.isEmpty() || matches(c, text)).count();
                count.setText(text.isEmpty() ? all.size() + " customers" : shown + " of " + all.size() + " customers");
            });
        } catch (StoreException e) {
            message.setText(StoreFailure.describe("Customers cannot be read", e));
            message.getElement().setAttribute("role", "alert");
            message.addClassName("error");
            message.setVisible(true);
            grid.setVisible(false);
        }
    }

    /** Whether the customer's name, id, segment, region or plan contains {@code text} (lower case). */
    static boolean matches(Customer c, String text) {
        return List.of(c.name(), c.id(), nullToEmpty(c.segment()), nullToEmpty(c.region()), nullToEmpty(c.plan())).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(text));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
