package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom candidate as typed: a name and an editable list of rules (windows, factor, for, keep_firing_for, minimum
 * requests). It checks nothing itself: on "Add to the comparison" it hands the candidate as typed to its listener,
 * which runs it through the API's reading; a refusal naming a rule's field marks that field ({@link #refused}).
 */
final class CandidateEditor extends Div {

    private static final Pattern FIELD = Pattern.compile("candidates\\[(\\d+)](?:\\.rules\\[(\\d+)])?\\.(\\w+)");

    private final TextField name = field("Name", "twitchy", "12em");
    private final Div rules = new Div();
    private final List<RuleRow> rows = new ArrayList<>();
    private final Consumer<AlertTuning.Candidate> onAdd;

    /** One rule's fields. */
    private record RuleRow(HorizontalLayout line, TextField name, Select<String> severity, TextField longWindow,
                           TextField shortWindow, TextField factor, TextField forDuration, TextField keepFiringFor,
                           TextField minRequests) {

        AlertTuning.Rule rule() {
            return new AlertTuning.Rule(name.getValue(), severity.getValue(), longWindow.getValue(),
                    shortWindow.getValue(), factor.getValue(), forDuration.getValue(), keepFiringFor.getValue(),
                    minRequests.getValue());
        }

        List<TextField> fields() {
            return List.of(name, longWindow, shortWindow, factor, forDuration, keepFiringFor, minRequests);
        }
    }

    CandidateEditor(Consumer<AlertTuning.Candidate> onAdd) {
        this.onAdd = onAdd;
        addClassName("alerts-editor");
        rules.addClassName("alerts-editor-rules");
        Button addRule = new Button("Add a rule", e -> addRule(new AlertTuning.Rule("", "page", "", "", "", "", "", "")));
        addRule.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addRule.addClassName("alerts-add-rule");
        Button add = new Button("Add to the comparison", e -> this.onAdd.accept(candidate()));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("alerts-add-candidate");
        HorizontalLayout buttons = new HorizontalLayout(addRule, add);
        add(name, rules, buttons);
        edit(new AlertTuning.Candidate("", List.of(new AlertTuning.Rule("page", "page", "5m", "", "1", "0m", "0m", "0"))));
    }

    /** Shows {@code c} for editing (a custom candidate taken back from the comparison, or a fresh one). */
    void edit(AlertTuning.Candidate c) {
        name.setValue(c.name());
        name.setInvalid(false);
        rows.clear();
        rules.removeAll();
        c.rules().forEach(this::addRule);
    }

    AlertTuning.Candidate candidate() {
        return new AlertTuning.Candidate(name.getValue(), rows.stream().map(RuleRow::rule).toList());
    }

    /**
     * Marks the field a refusal names when it is one of this candidate's (at {@code index} among the candidates sent):
     * its name, or a rule's field; clears every other mark.
     */
    void refused(String field, String message, int index) {
        rows.forEach(r -> r.fields().forEach(f -> f.setInvalid(false)));
        name.setInvalid(false);
        Matcher m = FIELD.matcher(field);
        if (!m.matches() || Integer.parseInt(m.group(1)) != index) {
            return;
        }
        TextField target = m.group(2) == null ? (m.group(3).equals("name") ? name : null)
                : fieldOf(Integer.parseInt(m.group(2)), m.group(3));
        if (target != null) {
            target.setErrorMessage(message);
            target.setInvalid(true);
        }
    }

    private TextField fieldOf(int rule, String field) {
        if (rule >= rows.size()) {
            return null;
        }
        RuleRow r = rows.get(rule);
        return switch (field) {
            case "name" -> r.name();
            case "longWindow" -> r.longWindow();
            case "shortWindow" -> r.shortWindow();
            case "factor" -> r.factor();
            case "forDuration" -> r.forDuration();
            case "keepFiringFor" -> r.keepFiringFor();
            case "minRequests" -> r.minRequests();
            default -> null;
        };
    }

    private void addRule(AlertTuning.Rule r) {
        Select<String> severity = new Select<>();
        severity.setLabel("Severity");
        severity.setItems("page", "ticket");
        severity.setValue(r.severity().equals("ticket") ? "ticket" : "page");
        severity.setWidth("7em");
        RuleRow row = new RuleRow(new HorizontalLayout(), field("Rule", "page-5m", "8em"), severity,
                field("Long window", "1h", "6em"), field("Short window", "5m", "6em"), field("Factor", "14.4", "5em"),
                field("For", "0m", "5em"), field("Keep firing for", "0m", "7em"), field("Min requests", "0", "7em"));
        row.name().setValue(r.name());
        row.longWindow().setValue(r.longWindow());
        row.shortWindow().setValue(r.shortWindow());
        row.factor().setValue(r.factor());
        row.forDuration().setValue(r.forDuration());
        row.keepFiringFor().setValue(r.keepFiringFor());
        row.minRequests().setValue(r.minRequests());
        Button remove = new Button("Remove", e -> {
            rows.remove(row);
            rules.remove(row.line());
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.line().add(row.name(), severity, row.longWindow(), row.shortWindow(), row.factor(), row.forDuration(),
                row.keepFiringFor(), row.minRequests(), remove);
        row.line().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.line().setWrap(true);
        row.line().addClassName("alerts-editor-rule");
        rows.add(row);
        rules.add(row.line());
    }

    private static TextField field(String label, String placeholder, String width) {
        TextField f = new TextField(label);
        f.setPlaceholder(placeholder);
        f.setWidth(width);
        f.setMaxLength(64);
        f.getElement().setAttribute("data-label", label);   // the label is a property, not an attribute, to select by
        return f;
    }
}
