package dev.plumbline.dashboards.triggers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.triggers.SavedTrigger;
import dev.plumbline.sql.triggers.SubjectState;
import dev.plumbline.sql.triggers.Trigger;
import dev.plumbline.sql.triggers.TriggerInput;
import dev.plumbline.sql.triggers.TriggerRefused;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;

/** Triggers: the list, a form to create or change one, its subjects' state, send test, delete. */
@Prototype
@Route(value = "triggers", layout = MainLayout.class)
@PageTitle("Triggers · Plumbline")
@RolesAllowed(Permission.MANAGE_TRIGGERS)
public class TriggersView extends VerticalLayout {

    private final Triggers triggers;
    private final Grid<SavedTrigger> grid = new Grid<>();

    public TriggersView(Triggers triggers) {
        this.triggers = triggers;
        setSizeFull();
        addClassName("triggers-view");
        Button add = new Button("New trigger", e -> openForm(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-trigger");
        grid.addClassName("triggers-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);   // long names, rules and owners wrap, never cut
        grid.addColumn(s -> s.trigger().id()).setHeader("Id").setKey("id").setWidth("7em").setFlexGrow(1);
        grid.addColumn(s -> s.trigger().name()).setHeader("Name").setKey("name").setWidth("9em").setFlexGrow(2);
        grid.addColumn(s -> rule(s.trigger())).setHeader("Rule").setKey("rule").setWidth("12em").setFlexGrow(3);
        grid.addColumn(s -> s.trigger().destination()).setHeader("Destination").setKey("destination")
                .setAutoWidth(true);
        grid.addColumn(s -> s.trigger().owner()).setHeader("Owner").setKey("owner").setAutoWidth(true);
        grid.addColumn(s -> s.trigger().enabled() ? "yes" : "no").setHeader("Enabled").setKey("enabled")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> actions(new Button("Edit", e -> openForm(s)),
                new Button("State", e -> openState(s)), new Button("Send test", e -> sendTest(s)), delete(s)))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        add(new H2("Triggers"), new Paragraph("A trigger tells its destination when a customer (or a service) crosses "
                + "a figure, and when it recovers, naming the owner who must act (README, \"Triggers\")."), add, grid);
        refresh();
    }

    static String rule(Trigger t) {
        var r = t.rule();
        return r.figure().key() + (r.service().isEmpty() ? "" : " of " + r.service()) + " over " + r.window().toHours()
                + "h " + r.comparison().key() + " " + r.threshold();
    }

    private void refresh() {
        grid.setEmptyStateText("No triggers yet: create one above.");
        grid.setItems(triggers.all());
        grid.recalculateColumnWidths();   // auto widths follow the triggers shown
    }

    private void openForm(SavedTrigger existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New trigger" : "Change " + existing.trigger().id());
        TriggerForm form = new TriggerForm(triggers.destinations());
        if (existing != null) {
            form.show(TriggerInput.of(existing.trigger()));
        }
        form.addSaveListener(e -> {
            try {
                triggers.save(e.input(), existing == null ? null : existing.trigger().id(), who());
                dialog.close();
                refresh();
            } catch (TriggerRefused refused) {
                Notification n = Notification.show(refused.getMessage());
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                n.addClassName("trigger-refused");
            }
        });
        dialog.add(form);
        dialog.setWidth("48em");
        dialog.open();
    }

    private void openState(SavedTrigger saved) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("State of " + saved.trigger().id());
        Grid<SubjectState> states = new Grid<>();
        states.addClassName("trigger-state-grid");
        states.addColumn(SubjectState::subject).setHeader("Subject").setKey("subject");
        states.addColumn(s -> s.breaching() && s.notified() ? "firing" : s.breaching() ? "breaching (held back)" : "ok")
                .setHeader("State").setKey("state");
        states.addColumn(s -> s.since() == null ? "" : s.since().toString()).setHeader("Since").setKey("since");
        states.addColumn(SubjectState::firedCount).setHeader("Fired").setKey("fired");
        states.setItems(triggers.state(saved.trigger().id()));
        states.setEmptyStateText("Not evaluated yet.");
        dialog.add(states);
        dialog.setWidth("48em");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void sendTest(SavedTrigger saved) {
        try {
            String id = triggers.sendTest(saved.trigger().id(), who());
            Notification n = Notification.show("Test message queued for " + saved.trigger().destination() + ": " + id);
            n.addClassName("trigger-test-sent");
        } catch (IllegalStateException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** A row's buttons, small, so the row's figures keep the width. */
    private static HorizontalLayout actions(Button... buttons) {
        for (Button b : buttons) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        HorizontalLayout row = new HorizontalLayout(buttons);
        row.setSpacing(false);
        return row;
    }

    private Button delete(SavedTrigger saved) {
        Button b = new Button("Delete", e -> {
            triggers.delete(saved.trigger().id(), who());
            refresh();
        });
        b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return b;
    }

    private static Identity who() {
        return CurrentUser.stored().orElseThrow();
    }
}
