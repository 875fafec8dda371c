package dev.plumbline.dashboards.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.auth.ApiToken;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;

/** API tokens for scripts and CI: create (shown once), list, revoke. */
@Prototype
@Route(value = "admin/tokens", layout = MainLayout.class)
@PageTitle("API tokens · Plumbline")
@RolesAllowed(Permission.ADMINISTER)
public class TokensView extends VerticalLayout {

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    private final Tokens tokens;
    private final Accounts accounts;
    private final Grid<ApiToken> grid = new Grid<>();

    public TokensView(Tokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
        setSizeFull();
        addClassName("tokens-view");
        Button add = new Button("New token", e -> openCreate());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("new-token");
        grid.addClassName("tokens-grid");
        grid.addColumn(ApiToken::id).setHeader("Id").setKey("id");
        grid.addColumn(ApiToken::name).setHeader("Name").setKey("name");
        grid.addColumn(ApiToken::role).setHeader("Role").setKey("role");
        grid.addColumn(ApiToken::createdBy).setHeader("Created by").setKey("createdBy");
        grid.addColumn(t -> WHEN.format(t.createdAt())).setHeader("Created (UTC)").setKey("created");
        grid.addColumn(t -> t.revoked() ? "revoked " + WHEN.format(t.revokedAt()) : "valid").setHeader("Status")
                .setKey("status");
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revoke.setEnabled(!t.revoked());
            return revoke;
        }).setKey("revoke");
        add(new H2("API tokens"), new Paragraph("Tokens let scripts and CI call the API with one role "
                + "(header 'Authorization: Bearer <token>'). A token is shown once, when it is created."), add, grid);
        refresh();
    }

    private void refresh() {
        grid.setEmptyStateText("No API tokens yet: create one above for a script or CI job.");
        grid.setItems(tokens.all());
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API token");
        TextField name = new TextField("What it is for");
        name.setPlaceholder("CI deploy annotations");
        Select<String> role = new Select<>();
        role.setLabel("Role");
        role.setItems(accounts.roles());
        Button create = new Button("Create", e -> {
            try {
                String createdBy = CurrentUser.stored().map(i -> i.name()).orElse("");
                Tokens.Issued issued = tokens.create(name.getValue(), role.getValue(), createdBy);
                dialog.close();
                refresh();
                showOnce(issued);
            } catch (IllegalArgumentException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, role));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }

    private void showOnce(Tokens.Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token created");
        TextField secret = new TextField("Token");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("issued-token");
        dialog.add(new Paragraph("Copy it now: it is not stored and will not be shown again."), secret);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.setWidth("36em");
        dialog.open();
    }

    private void confirmRevoke(ApiToken token) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke " + token.id() + "?",
                "Scripts using '" + token.name() + "' will get 401 from now on.", "Revoke", e -> {
                    tokens.revoke(token.id());
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }
}
