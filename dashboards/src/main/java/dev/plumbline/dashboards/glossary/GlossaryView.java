package dev.plumbline.dashboards.glossary;

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
        if (!d.sql().isEmpty()) {
            entry.add(line("glossary-sql", "SQL: ", String.join(", ", d.sql())));
        }
        if (!d.code().isEmpty()) {
            entry.add(line("glossary-code", "Code: ", d.code()));
        }
        entry.add(line("glossary-fields", "API fields: ", String.join(", ", d.fields())));
        return entry;
    }

    private static Paragraph line(String className, String label, String text) {
        Paragraph p = new Paragraph(label + text);
        p.addClassName(className);
        return p;
    }
}
