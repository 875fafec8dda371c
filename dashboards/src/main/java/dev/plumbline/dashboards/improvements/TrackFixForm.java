package dev.plumbline.dashboards.improvements;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.fixes.FixTracking;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Track this fix": a service's problem, its affected customers, an owner, a target date and a hypothesis, prefilled
 * from the Fixes page's row. Fires the request to track on save; never sees the store. The hypothesis is "below": an
 * error ratio in % for an availability problem (prefilled with the objective's budget), a p95 in ms for a latency
 * problem (prefilled with the objective's threshold).
 */
public class TrackFixForm extends FormLayout {

    final TextField title = new TextField("Fix");
    final Select<Objective> problem = new Select<>();
    final TextArea customers = new TextArea("Affected customers (ids, comma-separated)");
    final TextField owner = new TextField("Owner");
    final DatePicker targetDate = new DatePicker("Target date");
    final NumberField value = new NumberField();
    final Span problemText = new Span();
    final Button save = new Button("Track");
    private final String service;

    public TrackFixForm(String service, List<Objective> objectives, String kind, List<String> affected, String owner,
                        LocalDate target, Consumer<FixTracking.Request> onSave) {
        this.service = service;
        addClassName("track-fix-form");
        problem.setLabel("Problem");
        problem.setItems(objectives);
        problem.setItemLabelGenerator(o -> o.name() + " (" + o.indicator().name().toLowerCase(java.util.Locale.ROOT) + ")");
        problem.addValueChangeListener(e -> prefill(e.getValue()));
        title.setValue("Fix " + service + " " + kind);
        customers.setValue(String.join(", ", affected));
        this.owner.setValue(owner);
        targetDate.setValue(target);
        problemText.addClassName("track-fix-problem");
        objectives.stream().filter(o -> o.indicator().name().equalsIgnoreCase(kind)).findFirst()
                .or(() -> objectives.stream().findFirst()).ifPresent(problem::setValue);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("track-fix-save");
        save.addClickListener(e -> onSave.accept(request()));
        add(title, problem, customers, this.owner, targetDate, value, problemText);
    }

    private void prefill(Objective o) {
        if (o == null) {
            return;
        }
        boolean availability = o.indicator() == Indicator.AVAILABILITY;
        value.setLabel(availability ? "Hypothesis: error ratio below (%)" : "Hypothesis: p95 below (ms)");
        // the budget in % without binary noise (1 - 0.999 is 0.0010000000000000009)
        value.setValue(availability ? new java.math.BigDecimal(o.errorBudget() * 100)
                .round(new java.math.MathContext(9)).doubleValue() : o.latencyThresholdMs());
        problemText.setText(availability ? "Judged on the daily error ratio of these customers."
                : "Judged on the daily p95 of these customers.");
    }

    /** The button that saves (a dialog puts it in its footer). */
    public Button saveButton() {
        return save;
    }

    /** The request as the fields stand (checked by {@link FixTracking#track}). */
    FixTracking.Request request() {
        Objective o = problem.getValue();
        boolean availability = o == null || o.indicator() == Indicator.AVAILABILITY;
        List<String> ids = Arrays.stream(customers.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        Double v = value.getValue() == null ? null : availability ? value.getValue() / 100 : value.getValue();
        return new FixTracking.Request(title.getValue(), service, o == null ? null : o.name(), ids, owner.getValue(),
                targetDate.getValue() == null ? null : targetDate.getValue().toString(),
                availability ? "error_ratio" : "p95_ms", "below", v);
    }
}
