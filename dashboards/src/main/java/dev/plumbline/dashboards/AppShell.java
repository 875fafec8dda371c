package dev.plumbline.dashboards;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import jakarta.inject.Singleton;

/** Page-wide settings: the Lumo theme (Vaadin 25 loads none by default) and the document title. */
@Singleton
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/plumbline.css")
@Meta(name = "description", content = "Plumbline: platform reliability joined with revenue")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Plumbline");
    }
}
