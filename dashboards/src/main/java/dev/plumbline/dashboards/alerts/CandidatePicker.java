package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.plumbline.sql.alerts.AlertPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The candidates to compare: the presets for the objective's window (each with its rules), the custom candidates
 * typed on the page (each can be taken back into the editor or removed), and the editor for a new one. Tells its
 * listener when the presets chosen or the custom list change; a candidate from the editor goes to {@code onAdd},
 * which tries it and, when the API takes it, shows it here ({@link #show}).
 */
final class CandidatePicker extends Div {

    private final CheckboxGroup<AlertPolicy> presets = new CheckboxGroup<>();
    private final Div custom = new Div();
    private final CandidateEditor editor;
    private final Details editorBox;
    private final Runnable onChange;
    private List<AlertTuning.Candidate> customs = List.of();
    private boolean showing;

    CandidatePicker(Runnable onChange, Consumer<AlertTuning.Candidate> onAdd) {
        this.onChange = onChange;
        addClassName("alerts-candidates");
        presets.setLabel("Presets for the objective's window");
        presets.addClassName("alerts-presets");
        presets.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        presets.setItemLabelGenerator(p -> p.name() + ": " + p.rules().stream().map(ReportText::rule)
                .collect(Collectors.joining("; ")));
        presets.addValueChangeListener(e -> {
            if (!showing) {
                onChange.run();
            }
        });
        custom.addClassName("alerts-custom");
        editor = new CandidateEditor(onAdd);
        editorBox = new Details("New candidate: windows, factor, for, keep firing for, min requests", editor);
        editorBox.addClassName("alerts-editor-box");
        add(new H3("Candidates"), presets, custom, editorBox);
    }

    void show(List<AlertPolicy> available, List<String> chosen, List<AlertTuning.Candidate> custom) {
        showing = true;
        presets.setItems(available);
        presets.setValue(available.stream().filter(p -> chosen == null || chosen.contains(p.name()))
                .collect(Collectors.toSet()));
        showing = false;
        customs = List.copyOf(custom);
        this.custom.removeAll();
        for (AlertTuning.Candidate c : customs) {
            Span text = new Span(c.name() + ": " + CandidateText.format(c).substring(c.name().length() + 1)
                    .replace(";", "; "));
            Button edit = new Button("Edit", e -> {
                editor.edit(c);
                editorBox.setOpened(true);
            });
            Button remove = new Button("Remove", e -> {
                List<AlertTuning.Candidate> rest = new ArrayList<>(customs);
                rest.remove(c);
                customs = List.copyOf(rest);
                onChange.run();
            });
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            Div line = new Div(text, edit, remove);
            line.addClassName("alerts-custom-candidate");
            line.getElement().setAttribute("data-candidate", c.name());
            this.custom.add(line);
        }
    }

    /** The presets chosen, by name, in their order. */
    List<String> chosenPresets(List<AlertPolicy> available) {
        return available.stream().filter(presets.getValue()::contains).map(AlertPolicy::name).toList();
    }

    List<AlertTuning.Candidate> custom() {
        return customs;
    }

    CandidateEditor editor() {
        return editor;
    }

    /** Opens the editor (a refusal of its candidate is shown there). */
    void openEditor() {
        editorBox.setOpened(true);
    }
}
