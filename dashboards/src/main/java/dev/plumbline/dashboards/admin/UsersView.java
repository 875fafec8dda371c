package dev.plumbline.dashboards.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashSet;

/**
 * Users and their roles. The list is small (people, not data), so it is loaded whole; changes go through
 * {@link Accounts}, the same code as the users API.
 */
@Prototype
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Plumbline")
@RolesAllowed(Permission.ADMINISTER)
public class UsersView extends VerticalLayout {

    private final Accounts accounts;
    private final Grid<Accounts.Account> grid = new Grid<>();

    public UsersView(Accounts accounts) {
        this.accounts = accounts;
        setSizeFull();
        addClassName("users-view");
        Button add = new Button("New user", e -> openEditor(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("new-user");
        grid.addClassName("users-grid");
        grid.addColumn(Accounts.Account::username).setHeader("User name").setKey("username");
        grid.addColumn(Accounts.Account::displayName).setHeader("Name").setKey("name");
        grid.addColumn(a -> String.join(", ", a.roles())).setHeader("Roles").setKey("roles");
        grid.addColumn(a -> a.disabled() ? "disabled" : "active").setHeader("Status").setKey("status");
        grid.addComponentColumn(a -> new Button("Edit", e -> openEditor(a))).setHeader("").setKey("edit");
        add(new H2("Users"), new Paragraph("Who may sign in, and with which roles."), add, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.all());
    }

    private void openEditor(Accounts.Account existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New user" : "Edit " + existing.username());
        TextField username = new TextField("User name");
        TextField displayName = new TextField("Name");
        CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
        roles.setItems(accounts.roles());
        PasswordField password = new PasswordField(existing == null ? "Password" : "New password (leave empty to keep)");
        Checkbox disabled = new Checkbox("Disabled");
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            roles.setValue(new LinkedHashSet<>(existing.roles()));
            disabled.setValue(existing.disabled());
        }
        FormLayout form = new FormLayout(username, displayName, roles, password);
        if (existing != null) {
            form.add(disabled);
        }
        Button save = new Button("Save", e -> {
            try {
                if (existing == null) {
                    accounts.create(new Accounts.NewAccount(username.getValue(), displayName.getValue(),
                            roles.getValue(), password.getValue()));
                } else {
                    accounts.update(existing.username(), displayName.getValue(), roles.getValue(), disabled.getValue());
                    if (!password.isEmpty()) {
                        accounts.setPassword(existing.username(), password.getValue());
                    }
                }
                dialog.close();
                refresh();
                Notification.show("Saved " + username.getValue()).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException problem) {
                Notification n = Notification.show(problem.getMessage());
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new HorizontalLayout(new Button("Cancel", e -> dialog.close()), save));
        dialog.open();
    }
}
