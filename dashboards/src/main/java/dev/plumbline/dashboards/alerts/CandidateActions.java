package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.SavedPolicy;
import java.util.function.Consumer;

/**
 * What can be done with one candidate of the report: save it as the objective's policy (or see that it is the saved
 * one), export it (Prometheus rules, promtool test, Datadog, OpenSLO).
 */
final class CandidateActions extends HorizontalLayout {

    CandidateActions(AlertPolicy policy, SavedPolicy saved, Consumer<AlertPolicy> onSave,
                     Consumer<AlertPolicy> onExport) {
        addClassName("alerts-candidate-actions");
        setSpacing(false);
        getElement().setAttribute("data-candidate", policy.name());
        if (isSaved(policy, saved)) {
            Span badge = new Span("saved policy, version " + saved.version());
            badge.getElement().getThemeList().add("badge success small");
            badge.addClassName("alerts-saved-badge");
            add(badge);
        } else {
            Button save = new Button("Save as policy", e -> onSave.accept(policy));
            save.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            save.addClassName("alerts-save");
            add(save);
        }
        Button export = new Button("Export", e -> onExport.accept(policy));
        export.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        export.addClassName("alerts-export-open");
        add(export);
    }

    /** Whether {@code policy} is the saved one: its name and rules (a description is not part of what fires). */
    static boolean isSaved(AlertPolicy policy, SavedPolicy saved) {
        return saved != null && saved.policy().name().equals(policy.name()) && saved.policy().rules().equals(policy.rules());
    }
}
