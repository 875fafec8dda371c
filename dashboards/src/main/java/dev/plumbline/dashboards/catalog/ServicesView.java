package dev.plumbline.dashboards.catalog;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.definitions.Definitions;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.text.DecimalFormat;

/** The service catalog: every service with its owner, tier, fix effort and objectives. Loads lazily, page by page. */
@Prototype
@Route(value = "services", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_SERVICES)
@PageTitle("Services · Plumbline")
public class ServicesView extends VerticalLayout {

    private final ServiceCatalogStore catalog;
    private final Grid<CatalogEntry> grid = new Grid<>();
    private final Div message = new Div();

    private final Definitions definitions;

    public ServicesView(ServiceCatalogStore catalog, Definitions definitions) {
        this.catalog = catalog;
        this.definitions = definitions;
        setSizeFull();
        addClassName("services-view");

        H2 heading = new H2("Services");
        Paragraph lead = new Paragraph("The service catalog with each service's objectives. "
                + "Effort is the engineer-weeks a typical fix takes; the ROI ranking divides by it.");
        lead.addClassName("lead");

        configureGrid();
        message.addClassName("view-message");
        message.setVisible(false);
        add(heading, lead, message, grid);
        load();
    }

    private void configureGrid() {
        grid.addClassName("services-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addColumn(new ComponentRenderer<>(entry -> {
            Div cell = new Div(new com.vaadin.flow.component.html.Anchor("service?name=" + entry.service().name(),
                    entry.service().displayName()));
            Span key = new Span(entry.service().name());
            key.addClassName("service-key");
            cell.add(key);
            return cell;
        })).setHeader("Service").setKey("service").setFlexGrow(2);
        grid.addColumn(e -> e.service().ownerTeam()).setHeader("Owner").setKey("owner");
        grid.addColumn(e -> e.service().tier()).setHeader("Tier").setKey("tier");
        DecimalFormat weeks = new DecimalFormat("0.#");
        grid.addColumn(e -> weeks.format(e.service().effortWeeks()))
                .setHeader(FigureHelp.explain(new Span("Effort (eng-weeks)"), definitions.get("effort"))).setKey("effort").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(new ComponentRenderer<>(entry -> {
            Div list = new Div();
            list.addClassName("objectives");
            if (entry.objectives().isEmpty()) {
                list.add(new Span("no objective"));
            }
            entry.objectives().forEach(o -> list.add(new Div(ObjectiveText.describe(o))));
            return list;
        })).setHeader(FigureHelp.explain(new Span("Objectives"), definitions.get("objective"))).setKey("objectives").setFlexGrow(3);
    }

    private void load() {
        try {
            long total = catalog.countServices();
            if (total == 0) {
                showMessage("No services in the catalog yet. Services and their objectives are defined in the "
                        + "ClickHouse database Plumbline uses; 'bin/plumbline demo' starts Plumbline with an example "
                        + "catalog.", false);
                grid.setVisible(false);
                return;
            }
            grid.setItems(query -> catalog.page(query.getOffset(), query.getLimit()).stream(),
                    query -> (int) Math.min(Integer.MAX_VALUE, catalog.countServices()));
        } catch (StoreException e) {
            showMessage(StoreFailure.describe("The service catalog cannot be read", e), true);
            grid.setVisible(false);
        }
    }

    private void showMessage(String text, boolean error) {
        message.setText(text);
        message.getElement().setAttribute("role", error ? "alert" : "status");
        message.addClassName(error ? "error" : "empty");
        message.setVisible(true);
    }
}
