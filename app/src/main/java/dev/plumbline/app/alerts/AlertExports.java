package dev.plumbline.app.alerts;

import dev.plumbline.app.api.RequestRefused;
import dev.plumbline.app.config.DatadogSourceProperties;
import dev.plumbline.app.config.PrometheusSourceProperties;
import dev.plumbline.app.config.WebProperties;
import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.alerts.ExportRefused;
import dev.plumbline.collectors.alerts.datadog.DatadogMonitors;
import dev.plumbline.collectors.alerts.datadog.DatadogNames;
import dev.plumbline.collectors.alerts.datadog.DatadogReadBack;
import dev.plumbline.collectors.alerts.prometheus.PlantedBursts;
import dev.plumbline.collectors.alerts.prometheus.PrometheusRules;
import dev.plumbline.collectors.alerts.prometheus.RuleConventions;
import dev.plumbline.collectors.alerts.prometheus.RuleFileYaml;
import dev.plumbline.collectors.catalog.OpenSloAlertWriter;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.telemetry.ReportingSources;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Exports an objective's alert policy for the tools that will run it: Prometheus rules (with their promtool test)
 * in the metric and label names of the Prometheus source that reports the service, Datadog monitors in the names of
 * its Datadog source, OpenSLO documents. Which source: the one named, else the configured one of that kind that
 * reported the service most recently (the last 7 days of hourly roll-ups), else the only one configured, else, with
 * none configured, the defaults (Plumbline's names; Datadog APM's counts).
 */
@Singleton
public class AlertExports {

    /** How far back the sources that report a service are looked for. */
    static final Duration REPORTING = Duration.ofDays(7);

    private final ServiceCatalogStore catalog;
    private final ReportingSources reporting;
    private final Map<String, MetricNames> prometheus = new TreeMap<>();
    private final Map<String, DatadogNames> datadog = new TreeMap<>();
    private final WebProperties web;
    private final Clock clock;

    public AlertExports(ServiceCatalogStore catalog, ReportingSources reporting,
                        List<PrometheusSourceProperties> prometheusSources, List<DatadogSourceProperties> datadogSources,
                        WebProperties web, Clock clock) {
        this.catalog = catalog;
        this.reporting = reporting;
        prometheusSources.stream().filter(PrometheusSourceProperties::enabled)
                .forEach(p -> prometheus.put(p.name(), p.toSource().names()));
        datadogSources.stream().filter(DatadogSourceProperties::enabled)
                .forEach(p -> datadog.put(p.name(), DatadogNames.of(p.toSource())));
        this.web = web;
        this.clock = clock;
    }

    /** What to export: checked against the catalog. */
    public record Request(String service, String objective, AlertPolicy policy, String source) {
    }

    /** An export: the name to save it under, and its text. */
    public record Text(String fileName, String text) {
    }

    public Text prometheusRules(Request r) {
        AlertSubject s = subject(r);
        Source<MetricNames> source = source(r, "Prometheus", prometheus, MetricNames::plumbline);
        return new Text(RuleConventions.ruleFile(s), RuleFileYaml.write(rules(s, r, source)));
    }

    /** The promtool test of the same rule file, from planted bursts. */
    public Text promtoolTest(Request r) {
        AlertSubject s = subject(r);
        Source<MetricNames> source = source(r, "Prometheus", prometheus, MetricNames::plumbline);
        PrometheusRules.Group group = rules(s, r, source);
        return new Text(RuleConventions.testFile(s), refusing(() -> PlantedBursts.testFile(s, group, source.names())));
    }

    /** The monitors, read back through Datadog's client before they are given out. */
    public Text datadog(Request r) {
        AlertSubject s = subject(r);
        DatadogNames names = source(r, "Datadog", datadog, DatadogNames::defaults).names();
        String json = refusing(() -> DatadogMonitors.json(s, r.policy(), names));
        try {
            DatadogReadBack.read(json);
        } catch (IllegalArgumentException e) {   // our own shape: a bug, not the request's fault
            throw new IllegalStateException("the Datadog export does not read back through Datadog's client: "
                    + e.getMessage(), e);
        }
        return new Text(s.service().name() + "-" + s.objective().name() + ".datadog.json", json);
    }

    public Text openSlo(Request r) {
        AlertSubject s = subject(r);
        return new Text(s.service().name() + "-" + s.objective().name() + ".alerts.openslo.yaml",
                OpenSloAlertWriter.write(s.objective(), r.policy()));
    }

    private static PrometheusRules.Group rules(AlertSubject s, Request r, Source<MetricNames> source) {
        Optional<List<Double>> bounds = source.bounds().isEmpty() ? Optional.empty() : Optional.of(source.bounds());
        return refusing(() -> PrometheusRules.of(s, r.policy(), source.names(), bounds));
    }

    private AlertSubject subject(Request r) {
        CatalogEntry entry = catalog.find(r.service()).orElseThrow(() -> RequestRefused.notFound("service",
                "no service named '" + r.service() + "' in the catalog"));
        Objective objective = entry.objectives().stream().filter(o -> o.name().equals(r.objective())).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("objective", "service " + r.service() + " has no objective "
                        + "named '" + r.objective() + "'; it has " + entry.objectives().stream().map(Objective::name)
                        .toList()));
        return new AlertSubject(entry.service(), objective, web.servicePage(entry.service().name()));
    }

    /** A source's names, and the bucket bounds it collected for the service (empty when unknown). */
    record Source<N>(N names, List<Double> bounds) {
    }

    private <N> Source<N> source(Request r, String kind, Map<String, N> configured, Supplier<N> defaults) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<ReportingSources.Reporting> seen = reporting.of(r.service(), now.minus(REPORTING), now.plusSeconds(3600));
        if (r.source() != null) {
            N names = configured.get(r.source());
            if (names == null) {
                throw RequestRefused.badRequest("source", "no " + kind + " source named '" + r.source() + "'; "
                        + "configured: " + (configured.isEmpty() ? "none" : String.join(", ", configured.keySet())));
            }
            return new Source<>(names, bounds(seen, r.source()));
        }
        for (ReportingSources.Reporting s : seen) {
            if (configured.containsKey(s.source())) {
                return new Source<>(configured.get(s.source()), s.bounds());
            }
        }
        if (configured.size() == 1) {
            String only = configured.keySet().iterator().next();
            return new Source<>(configured.get(only), bounds(seen, only));
        }
        if (configured.isEmpty()) {
            return new Source<>(defaults.get(), List.of());
        }
        throw RequestRefused.badRequest("source", "service " + r.service() + " is reported by none of the " + kind
                + " sources " + String.join(", ", configured.keySet()) + " in the last 7 days: name the one to export for");
    }

    private static List<Double> bounds(List<ReportingSources.Reporting> seen, String source) {
        return seen.stream().filter(s -> s.source().equals(source)).findFirst().map(ReportingSources.Reporting::bounds)
                .orElse(List.of());
    }

    private static <T> T refusing(Supplier<T> export) {
        try {
            return export.get();
        } catch (ExportRefused e) {
            throw RequestRefused.badRequest(e.field(), e.getMessage());
        }
    }
}
