package dev.plumbline.dashboards;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.plumbline.dashboards.catalog.ServicesView;
import io.micronaut.context.annotation.Prototype;

/** The frame around every page: product name and the navigation that later pages join. */
@Prototype
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("Plumbline");
        title.addClassName("plumbline-title");
        Span tagline = new Span("reliability × revenue");
        tagline.addClassName("plumbline-tagline");
        addToNavbar(new DrawerToggle(), title, tagline);

        SideNav nav = new SideNav();
        nav.setLabel("Pages");
        nav.addItem(new SideNavItem("Services", ServicesView.class, VaadinIcon.SITEMAP.create()));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }
}
