package dev.plumbline.dashboards.triggers;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.plumbline.sql.triggers.Comparison;
import dev.plumbline.sql.triggers.Figure;
import dev.plumbline.sql.triggers.TriggerInput;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of a trigger, as the API names them; fires a {@link SaveEvent} with what is typed. Never sees the
 * service: the view saves and shows the refusal.
 */
public class TriggerForm extends FormLayout {

    final TextField id = field("Id (new trigger; empty: made up)", "id");
    final TextField name = field("Name", "name");
    final Select<String> figure = select("Figure", "figure", Arrays.stream(Figure.values()).map(Figure::key).toList());
    final TextField service = field("Service", "service");
    final IntegerField windowHours = new IntegerField("Window (hours)");
    final Select<String> comparison = select("Comparison", "comparison",
            Arrays.stream(Comparison.values()).map(Comparison::key).toList());
    final NumberField threshold = new NumberField("Threshold");
    final TextField customerIds = field("Customers (ids, comma separated)", "customerIds");
    final TextField segment = field("Segment", "segment");
    final NumberField arrAbove = new NumberField("ARR above");
    final IntegerField renewingWithinDays = new IntegerField("Renewing within (days)");
    final Select<String> destination;
    final TextField owner = field("Owner (who must act)", "owner");
    final IntegerField cooldownMinutes = new IntegerField("Cooldown (minutes)");
    final Checkbox onlyOnce = new Checkbox("Only once");
    final Checkbox enabled = new Checkbox("Enabled", true);
    final Checkbox includeMoney = new Checkbox("Include money (ARR, revenue at risk) in messages");
    final TextField labels = field("Labels (name=value, comma separated; e.g. severity=page, team=payments)", "labels");

    public TriggerForm(List<String> destinations) {
        addClassName("trigger-form");
        destination = select("Destination", "destination", destinations);
        windowHours.setValue(6);
        windowHours.setId("trigger-windowHours");
        threshold.setId("trigger-threshold");
        arrAbove.setId("trigger-arrAbove");
        renewingWithinDays.setId("trigger-renewingWithinDays");
        cooldownMinutes.setId("trigger-cooldownMinutes");
        cooldownMinutes.setValue(0);
        onlyOnce.setId("trigger-onlyOnce");
        enabled.setId("trigger-enabled");
        includeMoney.setId("trigger-includeMoney");
        Button save = new Button("Save", e -> fireEvent(new SaveEvent(this, input())));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("trigger-save");
        add(id, name, figure, service, windowHours, comparison, threshold, customerIds, segment, arrAbove,
                renewingWithinDays, destination, owner, cooldownMinutes, labels, onlyOnce, enabled, includeMoney, save);
    }

    /** Shows {@code t} (an existing trigger: its id cannot change). */
    public void show(TriggerInput t) {
        id.setValue(t.id());
        id.setReadOnly(true);
        name.setValue(t.name());
        figure.setValue(t.figure());
        service.setValue(t.service());
        windowHours.setValue(t.windowHours());
        comparison.setValue(t.comparison());
        threshold.setValue(t.threshold());
        customerIds.setValue(String.join(", ", t.customerIds()));
        segment.setValue(t.segment());
        arrAbove.setValue(t.arrAbove());
        renewingWithinDays.setValue(t.renewingWithinDays());
        destination.setValue(t.destination());
        owner.setValue(t.owner());
        cooldownMinutes.setValue(t.cooldownMinutes());
        onlyOnce.setValue(Boolean.TRUE.equals(t.onlyOnce()));
        enabled.setValue(!Boolean.FALSE.equals(t.enabled()));
        includeMoney.setValue(Boolean.TRUE.equals(t.includeMoney()));
        labels.setValue(t.labels() == null ? "" : t.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** What is typed, blank fields as absent. */
    public TriggerInput input() {
        List<String> ids = Arrays.stream(customerIds.getValue().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new TriggerInput(blank(id.getValue()), name.getValue(), figure.getValue(), service.getValue(),
                windowHours.getValue(), comparison.getValue(), threshold.getValue(), ids, segment.getValue(),
                arrAbove.getValue(), renewingWithinDays.getValue(), destination.getValue(), owner.getValue(),
                cooldownMinutes.getValue(), onlyOnce.getValue(), enabled.getValue(), includeMoney.getValue(),
                labels());
    }

    /** The labels typed: "name=value" items separated by commas (an item without "=" has an empty value). */
    private java.util.Map<String, String> labels() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String item : labels.getValue().split(",")) {
            if (!item.isBlank()) {
                int eq = item.indexOf('=');
                out.put((eq < 0 ? item : item.substring(0, eq)).strip(), eq < 0 ? "" : item.substring(eq + 1).strip());
            }
        }
        return out;
    }

    public Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** Save was pressed with this input. */
    public static final class SaveEvent extends ComponentEvent<TriggerForm> {

        private final TriggerInput input;

        SaveEvent(TriggerForm source, TriggerInput input) {
            super(source, false);
            this.input = input;
        }

        public TriggerInput input() {
            return input;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static TextField field(String label, String key) {
        TextField f = new TextField(label);
        f.setId("trigger-" + key);
        return f;
    }

    private static Select<String> select(String label, String key, List<String> items) {
        Select<String> s = new Select<>();
        s.setLabel(label);
        s.setItems(items);
        s.setId("trigger-" + key);
        return s;
    }
}
