package dev.plumbline.dashboards;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.admin.UsersView;
import dev.plumbline.dashboards.catalog.ServicesView;
import dev.plumbline.dashboards.summary.SummaryView;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;

/** {@code /}: forwards to the first page the signed-in user's roles include. */
@Prototype
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    public HomeView() {
        add(new H2("Nothing to show"), new Paragraph("Your roles include no page yet. Ask an administrator."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.can(Permission.VIEW_BUSINESS)) {
            event.forwardTo(SummaryView.class);
        } else if (CurrentUser.can(Permission.VIEW_SERVICES)) {
            event.forwardTo(ServicesView.class);
        } else if (CurrentUser.can(Permission.ADMINISTER)) {
            event.forwardTo(UsersView.class);
        }
    }
}
