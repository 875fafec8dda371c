package dev.plumbline.app.api;

import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertHistoryStore;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.alerts.Presets;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.util.List;

/**
 * Alert tuning (README, "Alert tuning"): the candidate policies for an objective, backtests of candidates over months
 * of minutes with Prometheus' rule-manager semantics, and the policy saved for each objective (every version kept).
 * For roles with tune-alerts; no money anywhere.
 */
@Controller("/api/v1/alerts")
@Secured(Permission.TUNE_ALERTS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertsController {

    private final ServiceCatalogStore catalog;
    private final AlertBacktests backtests;
    private final AlertPolicyStore policies;
    private final BacktestRequests requests;

    public AlertsController(ServiceCatalogStore catalog, AlertBacktests backtests, AlertHistoryStore history,
                            AlertPolicyStore policies, Clock clock) {
        this.catalog = catalog;
        this.backtests = backtests;
        this.policies = policies;
        this.requests = new BacktestRequests(catalog, history, clock);
    }

    /**
     * The candidates an engineer starts from, for the objective's window: the SRE workbook's multiwindow,
     * multi-burn-rate alerts (30 days: page 14.4x over 1h and 5m, page 6x over 6h and 30m, ticket 1x over 3d and 6h;
     * other windows scaled as budget share x window / long window), Pyrra's four (scaled from 28 days), and a single
     * 1-hour window at the SRE workbook's fast factor held for 5 minutes.
     *
     * @param service   the service
     * @param objective one of its objectives
     */
    @Get("/presets")
    public List<AlertPolicyJson> presets(@Nullable @QueryValue String service, @Nullable @QueryValue String objective) {
        Objective o = BacktestRequests.objective(catalog, service, objective);
        return Presets.candidates(o.window()).stream().map(AlertPolicyJson::of).toList();
    }

    /**
     * Replays 1 to 20 candidate policies over the objective's minutes, each rule evaluated every minute as
     * Prometheus' rule manager would (pending from the first evaluation with a result, firing after {@code for},
     * reset by one evaluation without a result, {@code keep_firing_for}), and reports each side by side against the
     * range's bad episodes (incident annotations of the service, or of the customer or the segment's customers, and
     * the budget-significant burns of the documented rule). Durations in the report are seconds. Default range: the
     * last 90 days up to the current minute. A customer or segment is replayed on its raw minutes, which are kept
     * {@code plumbline.schema.raw-ttl-days}: a range that starts (less its longest window) before them is refused
     * naming {@code from} and the day they start.
     */
    @Post("/backtest")
    public BacktestJson backtest(@Body BacktestRequestJson body) {
        return BacktestJson.of(backtests.run(requests.read(body)));
    }

    /**
     * Saves {@code policy} as the alert policy of the service's objective; who saved it and when are kept, and every
     * earlier version stays readable.
     *
     * @param service   the service
     * @param objective one of its objectives
     */
    @Put("/policies/{service}/{objective}")
    public SavedPolicyJson savePolicy(@PathVariable String service, @PathVariable String objective,
                                      @Body AlertPolicyJson policy, Authentication authentication) {
        Objective o = BacktestRequests.objective(catalog, service, objective);
        if (policy == null) {
            throw new IllegalArgumentException("the body must be an alert policy (JSON object)");
        }
        AlertPolicy p = policy.toPolicy("");
        return SavedPolicyJson.of(policies.save(o.service(), o.name(), p, authentication.getName()));
    }

    /**
     * The current alert policy of the service's objective; 404 when none was saved.
     *
     * @param service   the service
     * @param objective one of its objectives
     */
    @Get("/policies/{service}/{objective}")
    public SavedPolicyJson currentPolicy(@PathVariable String service, @PathVariable String objective) {
        Objective o = BacktestRequests.objective(catalog, service, objective);
        return policies.current(o.service(), o.name()).map(SavedPolicyJson::of)
                .orElseThrow(() -> RequestRefused.notFound("objective", "no alert policy saved for " + o.service() + "/"
                        + o.name()));
    }

    /**
     * Every saved version of the service objective's alert policy, oldest first (empty when none was saved).
     *
     * @param service   the service
     * @param objective one of its objectives
     */
    @Get("/policies/{service}/{objective}/versions")
    public List<SavedPolicyJson> policyVersions(@PathVariable String service, @PathVariable String objective) {
        Objective o = BacktestRequests.objective(catalog, service, objective);
        return policies.versions(o.service(), o.name()).stream().map(SavedPolicyJson::of).toList();
    }
}
