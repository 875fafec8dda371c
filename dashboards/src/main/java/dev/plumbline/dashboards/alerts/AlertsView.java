package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.ViewMessage;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.SavedPolicy;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * Alert tuning (alerts?service=checkout&objective=availability&...: every choice in the URL, see {@link AlertsQuery}):
 * pick a service's objective, optionally a customer or a segment, a range; compare candidate policies (the presets
 * for the objective's window and custom ones) replayed over every minute of it, side by side; see each window's burn
 * with the thresholds, firings and incidents; save one as the objective's policy. No money anywhere. The figures come
 * from the API's backtest through {@link AlertTuning}; a refused value shows the API's message, naming the field.
 */
@Prototype
@Route(value = "alerts", layout = MainLayout.class)
@RolesAllowed(Permission.TUNE_ALERTS)
@PageTitle("Alerts · Plumbline")
public class AlertsView extends VerticalLayout implements BeforeEnterObserver {

    private final AlertTuning tuning;
    private final QueryForm form;
    private final CandidatePicker candidates = new CandidatePicker(this::changed, this::tryCandidate);
    private final ViewMessage message = new ViewMessage();
    private final AlertsResult result = new AlertsResult(this::save, this::compareSaved, this::export);
    private final AlertsQuery first;
    private AlertsQuery query = AlertsQuery.NONE;
    private List<AlertPolicy> presets = List.of();

    public AlertsView(AlertTuning tuning, ServiceCatalogStore catalog) {
        this.tuning = tuning;
        addClassName("alerts-view");
        List<CatalogEntry> services = catalog.all().stream().filter(e -> !e.objectives().isEmpty()).toList();
        form = new QueryForm(services, this::changed);
        Paragraph lead = new Paragraph("How often would each candidate alert policy have fired over this history, and "
                + "would it have caught the bad episodes? Every rule is evaluated every minute as Prometheus' rule "
                + "manager would (pending, for, keep firing for); durations are whole minutes.");
        lead.addClassName("lead");
        add(new H2("Alert tuning"), lead, form, candidates, message, result);
        first = services.isEmpty() ? AlertsQuery.NONE : AlertsQuery.NONE.withService(
                services.getFirst().service().name(), services.getFirst().objectives().getFirst().name());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AlertsQuery asked = AlertsQuery.parse(event.getLocation().getQueryParameters().getParameters());
        if (asked.service().isEmpty() && !first.service().isEmpty()) {
            // the first service's first objective, everything else as asked, in the URL so it can be linked
            event.forwardTo("alerts", new QueryParameters(asked.withService(first.service(), first.objective())
                    .parameters()));
            return;
        }
        if (asked.service().isEmpty()) {
            show("No service in the catalog has an objective: import a catalog first (Import page or the API).", false);
            return;
        }
        load(asked);
    }

    /** A control changed: the URL follows (so the page can be linked), then the backtest. */
    private void changed() {
        List<String> chosen = candidates.chosenPresets(presets);
        AlertsQuery next = form.read(query).withCandidates(chosen.size() == presets.size() ? null : chosen,
                candidates.custom());
        boolean objectiveChanged = !next.service().equals(query.service()) || !next.objective().equals(query.objective());
        load(objectiveChanged ? next.withCandidates(null, next.custom()) : next);
    }

    /** A candidate from the editor: kept only when the API takes it (a custom one of the same name is replaced). */
    private void tryCandidate(AlertTuning.Candidate c) {
        List<AlertTuning.Candidate> custom = new ArrayList<>(query.custom());
        int at = custom.stream().map(AlertTuning.Candidate::name).toList().indexOf(c.name());
        if (at >= 0) {
            custom.set(at, c);
        } else {
            custom.add(c);
        }
        AlertsQuery next = query.withCandidates(query.presets(), custom);
        int index = next.request(presets).candidates().indexOf(c);
        if (!run(next, index)) {
            candidates.openEditor();
        }
    }

    private void load(AlertsQuery next) {
        try {
            presets = tuning.presets(next.service(), next.objective());
        } catch (AlertTuning.Refused e) {
            presets = List.of();
        }
        run(next, -1);
    }

    /**
     * Runs the backtest of {@code next}; when the API takes it, it becomes the page's state and the URL. A refusal
     * shows the API's message (and, for the editor's candidate at {@code editing}, marks its field).
     */
    private boolean run(AlertsQuery next, int editing) {
        form.show(next);
        candidates.show(presets, next.presets(), next.custom());
        AlertTuning.Request request = next.request(presets);
        try {
            AlertTuning.Backtest backtest = tuning.backtest(request);
            SavedPolicy saved = tuning.saved(backtest.result().request().objective().service(),
                    backtest.result().request().objective().name()).orElse(null);
            query = next;
            replaceUrl();
            message.setVisible(false);
            candidates.editor().refused("", "", editing);
            result.show(backtest, saved);
            return true;
        } catch (AlertTuning.Refused e) {
            if (editing < 0) {   // the URL follows, and the page shows why nothing can be replayed
                query = next;
                replaceUrl();
                result.clear();
            } else {             // the comparison stays as it was; the candidate stays in the editor
                form.show(query);
                candidates.show(presets, query.presets(), query.custom());
            }
            candidates.editor().refused(e.field(), e.getMessage(), editing);
            show(e.getMessage(), true);
        } catch (StoreException e) {
            result.clear();
            show(StoreFailure.describe("The backtest cannot be run", e), true);
        }
        return false;
    }

    private void save(AlertPolicy policy) {
        String user = CurrentUser.stored().map(Identity::name).orElse("");
        try {
            SavedPolicy s = tuning.save(query.service(), query.objective(), policy, user);
            Notification.show("Saved " + policy.name() + " as the policy of " + s.service() + "/" + s.objective()
                    + " (version " + s.version() + ")", 5000, Notification.Position.BOTTOM_START);
            result.saved(s);
        } catch (AlertTuning.Refused e) {
            show(e.getMessage(), true);
        } catch (StoreException e) {
            show(StoreFailure.describe("The policy cannot be saved", e), true);
        }
    }

    private void export(AlertPolicy policy) {
        try {
            new ExportDialog(query.service(), query.objective(), policy.name(),
                    tuning.exports(query.service(), query.objective(), policy)).open();
        } catch (AlertTuning.Refused e) {
            show(e.getMessage(), true);
        } catch (StoreException e) {
            show(StoreFailure.describe("The policy cannot be exported", e), true);
        }
    }

    /** Puts the saved policy among the candidates, as a custom one. */
    private void compareSaved(AlertPolicy saved) {
        tryCandidate(CandidateText.of(saved));
    }

    private void replaceUrl() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("alerts", new QueryParameters(query.parameters()))));
    }

    private void show(String text, boolean error) {
        message.show(text, error);
    }
}
