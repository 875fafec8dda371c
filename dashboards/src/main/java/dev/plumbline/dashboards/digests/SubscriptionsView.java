package dev.plumbline.dashboards.digests;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Digest subscriptions: the caller's own (an administrator's: all), a form to subscribe oneself, a preview of each
 * digest as its recipients would get it. An administrator also subscribes a role or an address list.
 */
@Prototype
@Route(value = "subscriptions", layout = MainLayout.class)
@PageTitle("Subscriptions · Plumbline")
@PermitAll
public class SubscriptionsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Subscriptions subscriptions;
    private final Identity who;
    private final Grid<Subscriptions.Row> grid = new Grid<>();
    private final Paragraph message = new Paragraph();

    public SubscriptionsView(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.who = CurrentUser.stored().orElseThrow();
        setSizeFull();
        addClassName("subscriptions-view");
        grid.addClassName("subscriptions-grid");
        grid.addColumn(Subscriptions.Row::kind).setHeader("Digest").setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Subscriptions.Row::schedule).setHeader("Schedule").setKey("schedule").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Subscriptions.Row::zone).setHeader("Time zone").setKey("zone").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);   // a list's addresses wrap, never cut
        grid.addColumn(Subscriptions.Row::recipients).setHeader("To").setKey("recipients").setWidth("16em")
                .setFlexGrow(1);
        grid.addColumn(r -> r.enabled() ? "yes" : "no").setHeader("Enabled").setKey("enabled").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.lastRun() == null ? "not yet" : WHEN.format(r.lastRun())).setHeader("Last run (UTC)")
                .setKey("lastRun").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Button delete = new Button("Delete", e -> {
                subscriptions.delete(who, r.id());
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return delete;
        }).setKey("delete").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No subscriptions yet: subscribe below.");
        grid.setAllRowsVisible(true);
        message.addClassName("form-message");
        message.setVisible(false);
        add(new H2("Subscriptions"), new Paragraph("Digests by e-mail, on a schedule in your time zone: the weekly "
                + "executive summary, the monthly PSR review (PDF attached, on the month's first working day) and the "
                + "daily \"what changed\". Each shows only what your role may see."), grid, form(), message);
        refresh();
    }

    private FormLayout form() {
        Select<String> kind = new Select<>();
        kind.setLabel("Digest");
        kind.setItems(subscriptions.kinds());
        kind.addClassName("kind");
        TextField schedule = new TextField("Schedule (UNIX cron, or @first-working-day HH:MM)");
        schedule.addClassName("schedule");
        kind.addValueChangeListener(e -> schedule.setPlaceholder(e.getValue() == null ? ""
                : subscriptions.defaultSchedule(e.getValue())));
        kind.setValue(subscriptions.kinds().getFirst());
        TextField zone = new TextField("Time zone");
        zone.setValue("UTC");
        zone.addClassName("zone");
        EmailField address = new EmailField("Your e-mail address");
        address.addClassName("address");
        // an administrator also subscribes a role or an address list; a user only themselves
        Select<String> audience = new Select<>();
        audience.setLabel("For");
        audience.setItems("user", "role", "list");
        audience.setItemLabelGenerator(a -> switch (a) {
            case "role" -> "A role (its view, to addresses)";
            case "list" -> "An address list (each address with its role)";
            default -> "Myself";
        });
        audience.setValue("user");
        audience.addClassName("audience");
        Select<String> role = new Select<>();
        role.setLabel("Role (what the digest shows)");
        role.setItems(subscriptions.roles());
        role.addClassName("role");
        TextArea addresses = new TextArea();
        addresses.addClassName("addresses");
        audience.addValueChangeListener(e -> {
            boolean own = "user".equals(e.getValue());
            address.setVisible(own);
            role.setVisible("role".equals(e.getValue()));
            addresses.setVisible(!own);
            addresses.setLabel("list".equals(e.getValue())
                    ? "Addresses, one address=role per line (the digest is written for the least privileged role)"
                    : "E-mail addresses, one per line");
            addresses.setPlaceholder("list".equals(e.getValue()) ? "cfo@example.com=exec\npm-team@example.com=pm"
                    : "leadership@example.com");
        });
        role.setVisible(false);
        addresses.setVisible(false);
        audience.setVisible(who.can(Permission.ADMINISTER));
        Checkbox enabled = new Checkbox("Enabled", true);
        enabled.addClassName("enabled");
        java.util.function.Supplier<Subscriptions.Form> filled = () -> new Subscriptions.Form(kind.getValue(),
                schedule.getValue(), zone.getValue(), audience.getValue(), role.getValue(),
                "user".equals(audience.getValue()) ? address.getValue() : addresses.getValue(), enabled.getValue());
        Button subscribe = new Button("Subscribe", e -> {
            try {
                subscriptions.subscribe(who, filled.get());
                show("Subscribed to the " + kind.getValue() + ".", false);
                refresh();
            } catch (IllegalArgumentException problem) {
                show(problem.getMessage(), true);
            }
        });
        subscribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        subscribe.addClassName("subscribe");
        Button preview = new Button("Preview", e -> preview(filled.get()));
        preview.addClassName("preview");
        FormLayout form = new FormLayout(kind, schedule, zone, audience, role, address, addresses, enabled,
                new HorizontalLayout(subscribe, preview));
        form.setColspan(addresses, 2);
        form.addClassName("subscribe-form");
        return form;
    }

    private void preview(Subscriptions.Form form) {
        String html;
        try {
            html = subscriptions.preview(who, form);
        } catch (IllegalArgumentException problem) {
            show(problem.getMessage(), true);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Preview: " + form.kind());
        IFrame frame = new IFrame();
        frame.getElement().setAttribute("srcdoc", html);
        frame.getElement().setAttribute("sandbox", "");
        frame.setWidth("48em");
        frame.setHeight("32em");
        frame.addClassName("preview-frame");
        dialog.add(frame);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.setVisible(true);
        message.getElement().setAttribute("role", error ? "alert" : "status");
        message.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }

    private void refresh() {
        // a user's own subscriptions are a handful; an administrator's list is short enough for one page too
        grid.setItems(subscriptions.visibleTo(who));
    }
}
