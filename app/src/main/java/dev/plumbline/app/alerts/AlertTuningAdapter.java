package dev.plumbline.app.alerts;

import dev.plumbline.app.api.AlertPolicyJson;
import dev.plumbline.app.api.BacktestJson;
import dev.plumbline.app.api.BacktestRequestJson;
import dev.plumbline.app.api.BacktestRequests;
import dev.plumbline.app.api.RequestRefused;
import dev.plumbline.dashboards.alerts.AlertTuning;
import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertHistoryStore;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.alerts.Presets;
import dev.plumbline.sql.alerts.SavedPolicy;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Alerts page's port, as the API does it: the page's request becomes the API's body ({@link BacktestRequestJson})
 * and is read by the API's {@link BacktestRequests} (same defaults, same refusals with the same messages), then run by
 * the same facade ({@link AlertBacktests}) with the API's chart size; presets and saved policies as the API's
 * endpoints give and keep them.
 */
@Singleton
public class AlertTuningAdapter implements AlertTuning {

    private final ServiceCatalogStore catalog;
    private final AlertBacktests backtests;
    private final AlertPolicyStore policies;
    private final BacktestRequests requests;
    private final AlertExports exports;

    public AlertTuningAdapter(ServiceCatalogStore catalog, AlertBacktests backtests, AlertHistoryStore history,
                              AlertPolicyStore policies, AlertExports exports, Clock clock) {
        this.catalog = catalog;
        this.exports = exports;
        this.backtests = backtests;
        this.policies = policies;
        this.requests = new BacktestRequests(catalog, history, clock);
    }

    @Override
    public List<AlertPolicy> presets(String service, String objective) {
        return refused(() -> Presets.candidates(BacktestRequests.objective(catalog, service, objective).window()));
    }

    @Override
    public Backtest backtest(Request r) {
        AlertBacktests.Request request = refused(() -> requests.read(body(r)));
        // a customer or segment range older than the raw minutes is refused while the minutes are read
        AlertBacktests.Result result = refused(() -> backtests.run(request));
        return new Backtest(result, result.chart(BacktestJson.CHART_POINTS));
    }

    @Override
    public Optional<SavedPolicy> saved(String service, String objective) {
        Objective o = refused(() -> BacktestRequests.objective(catalog, service, objective));
        return policies.current(o.service(), o.name());
    }

    @Override
    public SavedPolicy save(String service, String objective, AlertPolicy policy, String user) {
        Objective o = refused(() -> BacktestRequests.objective(catalog, service, objective));
        return policies.save(o.service(), o.name(), policy, user);
    }

    @Override
    public List<Export> exports(String service, String objective, AlertPolicy policy) {
        AlertExports.Request r = new AlertExports.Request(service, objective, policy, null);
        return List.of(
                export("prometheus", "Prometheus rule file", "application/yaml", () -> exports.prometheusRules(r)),
                export("promtool-test", "promtool test", "application/yaml", () -> exports.promtoolTest(r)),
                export("datadog", "Datadog SLO and monitors", "application/json", () -> exports.datadog(r)),
                export("openslo", "OpenSLO documents", "application/yaml", () -> exports.openSlo(r)));
    }

    /** An export as the API answers it: the file, or its 400's message; an unknown name is refused as the API's 404. */
    private static Export export(String kind, String label, String type, Supplier<AlertExports.Text> text) {
        try {
            AlertExports.Text t = text.get();
            return new Export(kind, label, t.fileName(), type, t.text(), "");
        } catch (RequestRefused e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw new Refused(e.getMessage(), e);
            }
            return new Export(kind, label, "", type, "", e.getMessage());
        }
    }

    /** The page's request as the API's body: what the API would have been sent for the same choices. */
    static BacktestRequestJson body(Request r) {
        List<AlertPolicyJson> candidates = new ArrayList<>();
        for (int i = 0; i < r.candidates().size(); i++) {
            Candidate c = r.candidates().get(i);
            List<AlertPolicyJson.Rule> rules = new ArrayList<>();
            for (int j = 0; j < c.rules().size(); j++) {
                Rule rule = c.rules().get(j);
                String where = "candidates[" + i + "].rules[" + j + "]";
                rules.add(new AlertPolicyJson.Rule(rule.name(), rule.severity(), rule.longWindow(), rule.shortWindow(),
                        factor(where, rule.factor()), rule.forDuration(), rule.keepFiringFor(),
                        minRequests(where, rule.minRequests())));
            }
            candidates.add(new AlertPolicyJson(c.name(), c.description().isEmpty() ? null : c.description(), rules));
        }
        boolean defaultHours = r.zone().isBlank() && r.dayStart().isBlank() && r.dayEnd().isBlank()
                && r.workdays().isEmpty();
        BacktestRequestJson.BusinessHours hours = defaultHours ? null : new BacktestRequestJson.BusinessHours(
                r.zone(), r.dayStart(), r.dayEnd(), r.workdays().isEmpty() ? null : r.workdays());
        return new BacktestRequestJson(r.service(), r.objective(), r.customer(), r.segment(), r.from(), r.to(),
                candidates, hours, r.cooldown());
    }

    /** A factor as typed: blank is what an absent JSON number reads as (0, refused as not positive). */
    private static double factor(String where, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new Refused(where + ".factor: must be a number such as 14.4, was '" + text.strip() + "'", e);
        }
    }

    private static Long minRequests(String where, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Refused(where + ".minRequests: must be a whole number such as 100, was '" + text.strip() + "'", e);
        }
    }

    /** What the API answers 400 or 404 for, as the page's refusal with the API's message. */
    private static <T> T refused(Supplier<T> read) {
        try {
            return read.get();
        } catch (RequestRefused | IllegalArgumentException e) {
            throw new Refused(e.getMessage(), e);
        }
    }
}
