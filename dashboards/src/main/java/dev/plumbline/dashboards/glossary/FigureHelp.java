package dev.plumbline.dashboards.glossary;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.shared.Tooltip;
import dev.plumbline.sql.definitions.Definition;

/** Tooltips from the definitions catalog, so a figure on any page explains itself the same way the glossary does. */
public final class FigureHelp {

    private FigureHelp() {
    }

    /** The tooltip text of a figure: its name, unit and formula. */
    public static String text(Definition d) {
        return d.name() + " (" + d.unit() + "): " + d.formula();
    }

    /** Attaches the figure's definition to a component as a tooltip and a data attribute naming its id. */
    public static <C extends Component> C explain(C component, Definition d) {
        Tooltip.forComponent(component).withText(text(d));
        component.getElement().setAttribute("data-definition", d.id());
        return component;
    }
}
