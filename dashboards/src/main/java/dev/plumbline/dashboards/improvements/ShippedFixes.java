package dev.plumbline.dashboards.improvements;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.sql.fixes.Significance;
import java.util.List;

/** The Review's section "Fixes shipped this period and their measured effect" (the PDF writes the same sentences). */
public class ShippedFixes extends Div {

    public static final String TITLE = "Fixes shipped this period and their measured effect";

    private final Paragraph lead = new Paragraph();
    private final UnorderedList list = new UnorderedList();

    public ShippedFixes() {
        addClassName("review-shipped-fixes");
        list.addClassName("review-shipped-list");
        add(new H3(TITLE), lead, list);
    }

    /** Shows {@code shipped}, the fixes shipped in the period {@code label}. */
    public void show(List<FixTracking.Tracked> shipped, String label, boolean money, String currency) {
        lead.setText(lead(shipped, label));
        list.removeAll();
        shipped.forEach(t -> {
            ListItem item = new ListItem(ImprovementText.sentence(t, money, currency));
            item.addClassName("review-shipped-fix");
            list.add(item);
        });
    }

    /** What the section says above its list: how the effect is measured, or that nothing shipped. */
    public static String lead(List<FixTracking.Tracked> shipped, String label) {
        if (shipped.isEmpty()) {
            return "No tracked fix shipped in " + label + ".";
        }
        return "Each fix's figure for its customers over up to 14 whole days before and after its ship day (the day "
                + "itself left out), as it stands today; " + Significance.TEST + ".";
    }
}
