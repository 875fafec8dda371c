package dev.plumbline.app.api;

import dev.plumbline.app.alerts.AlertExports;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.alerts.SavedPolicy;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Exports an alert policy of one objective of the catalog for the tools that run alerts: a Prometheus rule file, its
 * promtool test, Datadog monitors, OpenSLO documents. The body names the service, the objective and the policy (as
 * the backtest takes candidates), and optionally the telemetry source whose metric and label names to use (by
 * default the one that reports the service). A policy an export cannot express is refused (400) naming the field.
 */
@Controller("/api/v1/alerts/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Permission.TUNE_ALERTS)
public class AlertExportsController {

    private static final MediaType YAML = MediaType.of("application/yaml");
    private final AlertExports exports;
    private final ServiceCatalogStore catalog;
    private final AlertPolicyStore policies;

    public AlertExportsController(AlertExports exports, ServiceCatalogStore catalog, AlertPolicyStore policies) {
        this.exports = exports;
        this.catalog = catalog;
        this.policies = policies;
    }

    /**
     * What to export.
     *
     * @param service   the service's name in the catalog
     * @param objective the name of one of its objectives
     * @param policy    the alert policy (e.g. a candidate of a backtest)
     * @param source    the telemetry source whose names to use; absent: the one that reports the service
     */
    @Serdeable
    public record ExportRequest(@NotBlank String service, @NotBlank String objective, @Nullable AlertPolicyJson policy,
                                @Nullable String source) {
    }

    /**
     * The Prometheus rule file (application/yaml, named SERVICE-OBJECTIVE.rules.yml in Content-Disposition): one group
     * evaluated every minute, recording rules for each window's share of bad requests in the source's metric and
     * label names, and an alerting rule per burn rule with labels severity, service and slo and annotations summary,
     * description, plumbline_url and (when the catalog has one) runbook_url. It passes {@code promtool check rules}.
     * A latency objective's threshold must be a bucket bound of the source's histogram.
     */
    @Post(value = "/prometheus", produces = "application/yaml")
    public HttpResponse<byte[]> exportPrometheus(@Body @Valid ExportRequest body) {
        return file(body, exports::prometheusRules, YAML);
    }

    /**
     * The {@code promtool test rules} file of the same rule file (application/yaml, SERVICE-OBJECTIVE.test.yml, to
     * be saved next to the rule file): per rule a planted burst at twice its threshold
     * (it fires, then resolves), at half (silent), below its minimum of requests and shorter than its for (silent),
     * with the alerts Plumbline's backtest expects at every minute one changes state.
     */
    @Post(value = "/promtool-test", produces = "application/yaml")
    public HttpResponse<byte[]> exportPromtoolTest(@Body @Valid ExportRequest body) {
        return file(body, exports::promtoolTest, YAML);
    }

    /**
     * Datadog monitors (application/json): {@code slo} (a metric-based SLO, as POST /api/v1/slo takes it),
     * {@code monitors} (burn-rate slo alert monitors where Datadog can express a rule, and a metric alert per rule,
     * as POST /api/v1/monitor takes them; burn-rate queries name the SLO {@code ${slo_id}}), and {@code notes} on
     * what Datadog cannot carry. Read back through Datadog's own client before it is given out. Availability
     * objectives only: Datadog sources count no slow requests.
     */
    @Post(value = "/datadog", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> exportDatadog(@Body @Valid ExportRequest body) {
        return file(body, exports::datadog, MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * OpenSLO v1 documents (application/yaml): the objective's SLO with alertPolicies, an AlertCondition (kind
     * burnrate) and an AlertPolicy per rule, an AlertNotificationTarget per severity; the catalog import reads them
     * back to the same policy.
     */
    @Post(value = "/openslo", produces = "application/yaml")
    public HttpResponse<byte[]> exportOpenSlo(@Body @Valid ExportRequest body) {
        return file(body, exports::openSlo, YAML);
    }

    /**
     * The saved alert policy of the service's objective (its current version) as one of the four exports above:
     * {@code kind} is prometheus, promtool-test, datadog or openslo. 404 when no policy was saved.
     *
     * @param service   the service's name in the catalog
     * @param objective the name of one of its objectives
     * @param kind      prometheus, promtool-test, datadog or openslo
     * @param source    the telemetry source whose names to use; absent: the one that reports the service
     */
    @Get(value = "/saved/{service}/{objective}/{kind}", produces = {"application/yaml", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> exportSaved(@PathVariable String service, @PathVariable String objective,
                                            @PathVariable String kind, @Nullable @QueryValue String source) {
        Objective o = BacktestRequests.objective(catalog, service, objective);
        SavedPolicy saved = policies.current(o.service(), o.name()).orElseThrow(() -> RequestRefused.notFound(
                "objective", "no alert policy saved for " + o.service() + "/" + o.name()));
        AlertExports.Request request = new AlertExports.Request(o.service(), o.name(), saved.policy(),
                source == null || source.isBlank() ? null : source.strip());
        AlertExports.Text text = switch (kind) {
            case "prometheus" -> exports.prometheusRules(request);
            case "promtool-test" -> exports.promtoolTest(request);
            case "datadog" -> exports.datadog(request);
            case "openslo" -> exports.openSlo(request);
            default -> throw RequestRefused.notFound("kind", "no export named '" + kind
                    + "'; there are prometheus, promtool-test, datadog and openslo");
        };
        return HttpResponse.ok(text.text().getBytes(StandardCharsets.UTF_8))
                .contentType(kind.equals("datadog") ? MediaType.APPLICATION_JSON_TYPE : YAML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + text.fileName() + "\"");
    }

    private static HttpResponse<byte[]> file(ExportRequest body, Function<AlertExports.Request, AlertExports.Text> export,
                                             MediaType type) {
        AlertExports.Text text = export.apply(request(body));
        return HttpResponse.ok(text.text().getBytes(StandardCharsets.UTF_8)).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + text.fileName() + "\"");
    }

    private static AlertExports.Request request(ExportRequest body) {
        if (body.policy() == null) {
            throw RequestRefused.badRequest("policy", "required: the alert policy to export (name, rules)");
        }
        AlertPolicy policy;
        try {
            policy = body.policy().toPolicy("policy");
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw RequestRefused.badRequest(colon > 0 ? message.substring(0, colon) : "policy", message);
        }
        String source = body.source() == null || body.source().isBlank() ? null : body.source().strip();
        return new AlertExports.Request(body.service().strip(), body.objective().strip(), policy, source);
    }
}
