package dev.plumbline.dashboards.glossary;

import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.auth.Permission;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.sql.definitions.Definition;
import dev.plumbline.sql.definitions.Definitions;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;

/**
 * The definitions catalog as a page: every figure with its unit, formula, the SQL that computes it and the API fields
 * that carry it. Each entry has the figure's id as its anchor, so tooltips elsewhere can link to glossary#p95.
 */
@Prototype
@Route(value = "glossary", layout = MainLayout.class)
@PermitAll
@PageTitle("Glossary · Plumbline")
public class GlossaryView extends VerticalLayout {

    public GlossaryView(Definitions definitions) {
        addClassName("glossary-view");
        add(new H2("Glossary"), new Paragraph("Every figure Plumbline shows, defined once. The same definitions are "
                + "served at /api/v1/definitions; hover a figure on any page for its line from here."));
        Div toc = new Div();
        toc.addClassName("glossary-toc");
        for (Definition d : definitions.all()) {
            if (toc.getComponentCount() > 0) {
                toc.add(new Span(" · "));
            }
            toc.add(new Anchor("glossary#" + d.id(), d.name()));
            add(entry(d));
        }
        addComponentAtIndex(2, toc);
    }

    /**
     * An entry: its name, unit and what it means first; where it is computed (SQL, code, API fields) folded under
     * "For engineers", open for those who tune alerts or watch collectors.
     */
    private static Div entry(Definition d) {
        Div entry = new Div();
        entry.setId(d.id());
        entry.addClassName("glossary-entry");
        H3 name = new H3(d.name());
        Span unit = new Span("unit: " + d.unit());
        unit.addClassName("glossary-unit");
        Paragraph formula = new Paragraph(d.formula());
        formula.addClassName("glossary-formula");
        entry.add(name, unit, formula);
        Div where = new Div();
        if (!d.sql().isEmpty()) {
            where.add(line("glossary-sql", "SQL: ", String.join(", ", d.sql())));
        }
        if (!d.code().isEmpty()) {
            where.add(line("glossary-code", "Code: ", d.code()));
        }
        where.add(line("glossary-fields", "API fields: ", String.join(", ", d.fields())));
        com.vaadin.flow.component.details.Details technical = new com.vaadin.flow.component.details.Details(
                "For engineers: where it is computed", where);
        technical.addClassName("glossary-technical");
        technical.setOpened(CurrentUser.can(Permission.TUNE_ALERTS) || CurrentUser.can(Permission.VIEW_COLLECTORS));
        entry.add(technical);
        return entry;
    }

    private static Paragraph line(String className, String label, String text) {
        Paragraph p = new Paragraph(label + text);
        p.addClassName(className);
        return p;
    }
}
