package dev.plumbline.dashboards.customer;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;
import dev.plumbline.sql.psr.SeatConsumption;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/** Customers as of today, with what they are worth (money only for those allowed to see it). Lazy, paged. */
@Prototype
@Route(value = "customers", layout = MainLayout.class)
@PageTitle("Customers · Plumbline")
@RolesAllowed(Permission.VIEW_BUSINESS)
public class CustomersView extends VerticalLayout {

    private final CustomerStore customers;
    private final Clock clock;
    private final Grid<Customer> grid = new Grid<>();
    private final Div message = new Div();

    public CustomersView(CustomerStore customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
        setSizeFull();
        addClassName("customers-view");
        Paragraph lead = new Paragraph("Every customer as the CRM or billing system last gave it.");
        lead.addClassName("lead");
        message.addClassName("view-message");
        message.setVisible(false);
        configureGrid(CurrentUser.can(Permission.VIEW_MONEY));
        add(new H2("Customers"), lead);
        if (CurrentUser.can(Permission.EXPORT)) {
            Anchor export = new Anchor("api/v1/customers/export.csv", "Export CSV");
            export.setRouterIgnore(true);
            export.getElement().setAttribute("download", true);
            export.addClassName("export-csv");
            add(export);
        }
        add(message, grid);
        load();
    }

    private void configureGrid(boolean money) {
        grid.addClassName("customers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(new ComponentRenderer<>(c -> {
            Span id = new Span(c.id());
            id.addClassName("service-key");
            return new Div(new com.vaadin.flow.component.html.Anchor("customer?id="
                    + java.net.URLEncoder.encode(c.id(), java.nio.charset.StandardCharsets.UTF_8), c.name()), id);
        })).setHeader("Customer").setKey("customer").setFlexGrow(2);
        grid.addColumn(Customer::segment).setHeader("Segment").setKey("segment");
        grid.addColumn(Customer::region).setHeader("Region").setKey("region");
        grid.addColumn(Customer::plan).setHeader("Plan").setKey("plan");
        if (money) {
            grid.addColumn(c -> MoneyText.of(c.arr(), c.currency())).setHeader("ARR").setKey("arr")
                    .setTextAlign(ColumnTextAlign.END);
        }
        grid.addColumn(Customer::seats).setHeader("Seats").setKey("seats").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> PercentText.of(SeatConsumption.of(c.activeUsers(), c.seats()).share(), 0)).setHeader("Seats used")
                .setKey("seatConsumption").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> c.renewalDate() == null ? "" : c.renewalDate().toString())
                .setHeader("Renewal").setKey("renewal");
    }

    private void load() {
        LocalDate today = LocalDate.now(clock);
        try {
            if (customers.count(today) == 0) {
                message.setText("No customers yet. 'bin/plumbline demo' starts Plumbline with example customers.");
                message.getElement().setAttribute("role", "status");
                message.setVisible(true);
                grid.setVisible(false);
                return;
            }
            grid.setItems(q -> customers.page(today, q.getOffset(), q.getLimit()).stream(),
                    q -> (int) Math.min(Integer.MAX_VALUE, customers.count(today)));
        } catch (StoreException e) {
            message.setText(StoreFailure.describe("Customers cannot be read", e));
            message.getElement().setAttribute("role", "alert");
            message.addClassName("error");
            message.setVisible(true);
            grid.setVisible(false);
        }
    }
}
