package dev.plumbline.dashboards;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.alerts.AlertsView;
import dev.plumbline.dashboards.admin.TokensView;
import dev.plumbline.dashboards.admin.UsersView;
import dev.plumbline.dashboards.catalog.ServicesView;
import dev.plumbline.dashboards.collect.CollectorsView;
import dev.plumbline.dashboards.customer.CustomersView;
import dev.plumbline.dashboards.fixes.FixesView;
import dev.plumbline.dashboards.glossary.GlossaryView;
import dev.plumbline.dashboards.review.ReviewView;
import dev.plumbline.dashboards.roi.RoiView;
import dev.plumbline.dashboards.summary.SummaryView;
import dev.plumbline.dashboards.imports.ImportView;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every page: product name, the signed-in user with sign-out, and the navigation, which lists only
 * the pages the user's roles include.
 */
@Prototype
@PermitAll // Vaadin checks parent layouts too; each page inside says which permission it needs
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("Plumbline");
        title.addClassName("plumbline-title");
        Span tagline = new Span("reliability × revenue");
        tagline.addClassName("plumbline-tagline");
        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title, tagline);
        navbar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        navbar.setWidthFull();
        CurrentUser.stored().ifPresent(identity -> navbar.add(userMenu(identity)));
        addToNavbar(navbar);

        SideNav nav = new SideNav();
        nav.setLabel("Pages");
        if (CurrentUser.can(Permission.VIEW_BUSINESS)) {
            nav.addItem(new SideNavItem("Summary", SummaryView.class, VaadinIcon.DASHBOARD.create()));
            nav.addItem(new SideNavItem("Review", ReviewView.class, VaadinIcon.TABLE.create()));
            nav.addItem(new SideNavItem("Fixes", FixesView.class, VaadinIcon.WRENCH.create()));
            nav.addItem(new SideNavItem("ROI", RoiView.class, VaadinIcon.TRENDING_UP.create()));
            nav.addItem(new SideNavItem("Customers", CustomersView.class, VaadinIcon.BUILDING.create()));
        }
        if (CurrentUser.can(Permission.VIEW_SERVICES)) {
            nav.addItem(new SideNavItem("Services", ServicesView.class, VaadinIcon.SITEMAP.create()));
            nav.addItem(new SideNavItem("Explore", dev.plumbline.dashboards.explore.ExploreView.class,
                    VaadinIcon.SEARCH.create()));
            nav.addItem(new SideNavItem("Improvements", dev.plumbline.dashboards.improvements.ImprovementsView.class,
                    VaadinIcon.CHECK_CIRCLE.create()));
        }
        if (CurrentUser.can(Permission.TUNE_ALERTS)) {
            nav.addItem(new SideNavItem("Alerts", AlertsView.class, VaadinIcon.BELL.create()));
        }
        if (CurrentUser.can(Permission.MANAGE_TRIGGERS)) {
            nav.addItem(new SideNavItem("Triggers", dev.plumbline.dashboards.triggers.TriggersView.class,
                    VaadinIcon.FLAG.create()));
        }
        if (CurrentUser.can(Permission.VIEW_COLLECTORS)) {
            nav.addItem(new SideNavItem("Collectors", CollectorsView.class, VaadinIcon.CLOUD_DOWNLOAD.create()));
        }
        if (CurrentUser.can(Permission.IMPORT)) {
            nav.addItem(new SideNavItem("Import", ImportView.class, VaadinIcon.UPLOAD.create()));
        }
        if (CurrentUser.can(Permission.ADMINISTER)) {
            nav.addItem(new SideNavItem("Users", UsersView.class, VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("API tokens", TokensView.class, VaadinIcon.KEY.create()));
            nav.addItem(new SideNavItem("Notifications", dev.plumbline.dashboards.notify.NotificationsView.class,
                    VaadinIcon.ENVELOPES.create()));
        }
        nav.addItem(new SideNavItem("Subscriptions", dev.plumbline.dashboards.digests.SubscriptionsView.class,
                VaadinIcon.ENVELOPE.create()));
        nav.addItem(new SideNavItem("Glossary", GlossaryView.class, VaadinIcon.BOOK.create()));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private static HorizontalLayout userMenu(Identity identity) {
        Span who = new Span(identity.displayName() + " (" + String.join(", ", identity.roles()) + ")");
        who.addClassName("signed-in-user");
        Button signOut = new Button("Sign out", e -> {
            CurrentUser.signOut();
            e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        });
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClassName("sign-out");
        HorizontalLayout menu = new HorizontalLayout(who, signOut);
        menu.addClassName("user-menu");
        menu.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return menu;
    }
}
