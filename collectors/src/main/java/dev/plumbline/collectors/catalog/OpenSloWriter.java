package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the catalog as OpenSLO v1 YAML that {@link OpenSloReader} reads back to the same services and objectives:
 * a Service document per service, then an SLO document per objective (named {@code <service>-<objective>}), with
 * the objective's alert policy, when given, as OpenSLO alerting documents. Indicators carry a metric source of type
 * Plumbline naming the telemetry they are computed from; the budgeting method and time slices are written as read (a
 * slice in its shortest unit: 60m as 1h).
 */
public final class OpenSloWriter {

    private OpenSloWriter() {
    }

    public static String write(List<CatalogEntry> catalog) {
        return write(catalog, o -> Optional.empty());
    }

    /**
     * The catalog with the alert policies {@code policies} gives its objectives: such an objective's SLO refers to
     * its AlertPolicy documents, which follow with their AlertConditions ({@link OpenSloAlertWriter}); one
     * AlertNotificationTarget per severity used comes last.
     */
    public static String write(List<CatalogEntry> catalog, Function<Objective, Optional<AlertPolicy>> policies) {
        List<Object> documents = new ArrayList<>();
        for (CatalogEntry entry : catalog) {
            documents.add(service(entry.service()));
        }
        Set<String> severities = new LinkedHashSet<>();
        for (CatalogEntry entry : catalog) {
            for (Objective o : entry.objectives()) {
                Optional<AlertPolicy> policy = policies.apply(o);
                if (policy.isPresent()) {
                    documents.addAll(OpenSloAlertWriter.sloWithAlerts(o, policy.get()));
                    severities.addAll(OpenSloAlertWriter.severities(policy.get()));
                } else {
                    documents.add(slo(o));
                }
            }
        }
        documents.addAll(OpenSloAlertWriter.targets(severities));
        return yaml().dumpAll(documents.iterator());
    }

    /** Block style, a {@code ---} before each document, lines never folded. */
    static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setExplicitStart(true);
        options.setSplitLines(false);
        return new Yaml(options);
    }

    private static Map<String, Object> service(Service s) {
        Map<String, Object> labels = new LinkedHashMap<>();
        if (!s.ownerTeam().isEmpty()) {
            labels.put("team", s.ownerTeam());
        }
        if (!s.tier().isEmpty()) {
            labels.put("tier", s.tier());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", s.name());
        metadata.put("displayName", s.displayName());
        if (!labels.isEmpty()) {
            metadata.put("labels", labels);
        }
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(OpenSloReader.EFFORT, String.valueOf(number(s.effortWeeks())));
        if (!s.runbookUrl().isEmpty()) {
            annotations.put(OpenSloReader.RUNBOOK, s.runbookUrl());
        }
        metadata.put("annotations", annotations);
        return document("Service", metadata, Map.of("description", s.description()));
    }

    static Map<String, Object> slo(Objective o) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", o.service() + "-" + o.name());
        Map<String, Object> source = Map.of("metricSource", Map.of("type", "Plumbline",
                "spec", Map.of("service", o.service())));
        Map<String, Object> indicatorSpec = new LinkedHashMap<>();
        Map<String, Object> objective = new LinkedHashMap<>();
        if (o.indicator() == Indicator.AVAILABILITY) {
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("counter", true);
            ratio.put("good", Map.of("metricSource", Map.of("type", "Plumbline", "spec", Map.of("service", o.service(), "count", "requests without error"))));
            ratio.put("total", Map.of("metricSource", Map.of("type", "Plumbline", "spec", Map.of("service", o.service(), "count", "requests"))));
            indicatorSpec.put("ratioMetric", ratio);
        } else {
            indicatorSpec.put("thresholdMetric", source);
            objective.put("op", "lte");
            objective.put("value", number(o.latencyThresholdMs()));
        }
        objective.put("target", o.target());
        if (o.budgeting().timeSliced()) {
            if (o.budgeting().sliceTarget() != null) {
                objective.put("timeSliceTarget", o.budgeting().sliceTarget());
            }
            objective.put("timeSliceWindow", OpenSloDuration.ofMinutes(o.budgeting().sliceMinutes()));
        }
        Map<String, Object> window = new LinkedHashMap<>();
        if (o.window().calendar() != ObjectiveWindow.Calendar.NONE) {
            window.put("duration", switch (o.window().calendar()) {
                case QUARTER -> "1Q";
                case YEAR -> "1Y";
                default -> "1M";
            });
            window.put("isRolling", false);
            window.put("calendar", Map.of("startTime", "2020-01-01 00:00:00", "timeZone", "UTC"));
        } else {
            window.put("duration", o.window().days() + "d");
            window.put("isRolling", true);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("service", o.service());
        spec.put("indicator", Map.of("metadata", Map.of("name", o.service() + "-" + o.name() + "-sli"), "spec", indicatorSpec));
        spec.put("timeWindow", List.of(window));
        spec.put("budgetingMethod", o.budgeting().method().openSlo());
        spec.put("objectives", List.of(objective));
        return document("SLO", metadata, spec);
    }

    static Map<String, Object> document(String kind, Map<String, Object> metadata, Map<String, Object> spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", OpenSloReader.API_VERSION);
        doc.put("kind", kind);
        doc.put("metadata", metadata);
        doc.put("spec", spec);
        return doc;
    }

    static Object number(double value) {
        return value == Math.rint(value) ? (Object) (long) value : (Object) value;
    }
}
