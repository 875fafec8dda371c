package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the service catalog from OpenSLO v1 YAML: {@code kind: Service} documents (owner team and tier as labels
 * {@code team} and {@code tier}, effort as annotation {@code plumbline.dev/effort-weeks}, the on-call runbook as
 * annotation {@code plumbline.dev/runbook-url}) and {@code kind: SLO}
 * documents (see {@link OpenSloObjectives}), and their alerting: {@code kind: AlertPolicy} and {@code AlertCondition}
 * (see {@link OpenSloAlerts}; {@code AlertNotificationTarget} documents are accepted and not read). Other kinds are
 * refused. A file holds one or more YAML documents
 * ({@code ---}), each an OpenSLO object or a list of them (as OpenSLO's Go SDK writes). Parsing is bounded (see
 * {@link YamlLimits}). Every problem names the file and the YAML path.
 */
public final class OpenSloReader {

    static final String API_VERSION = "openslo/v1";
    static final String EFFORT = "plumbline.dev/effort-weeks";
    static final String RUNBOOK = "plumbline.dev/runbook-url";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");

    private OpenSloReader() {
    }

    /** One YAML file's text, by file name. */
    public record Source(String file, String text) {
    }

    /** Reads all files as one catalog; the catalog is complete only when there are no problems. */
    public static Catalog read(List<Source> sources) {
        List<CatalogProblem> problems = new ArrayList<>();
        Map<String, Service> services = new LinkedHashMap<>();
        Map<String, Located> slos = new LinkedHashMap<>();
        List<Located> sloDocs = new ArrayList<>();
        OpenSloAlerts alerts = new OpenSloAlerts();
        for (Source source : sources) {
            List<YamlNode> documents;
            try {
                documents = YamlLimits.documents(source.text());
            } catch (YamlLimits.Refused e) {
                problems.add(new CatalogProblem(source.file(), e.where(), e.getMessage()));
                continue;
            }
            for (YamlNode doc : documents) {
                try {
                    String version = doc.get("apiVersion").asText();
                    if (!API_VERSION.equals(version)) {
                        throw new YamlNode.Invalid(doc.path() + ".apiVersion", "must be " + API_VERSION + ", was '" + version + "'");
                    }
                    String kind = doc.get("kind").asText();
                    switch (kind) {
                        case "Service" -> {
                            Service s = service(doc);
                            if (services.putIfAbsent(s.name(), s) != null) {
                                throw new YamlNode.Invalid(doc.path() + ".metadata.name", "service '" + s.name() + "' is defined twice");
                            }
                        }
                        case "SLO" -> sloDocs.add(new Located(source.file(), doc));
                        case "AlertPolicy", "AlertCondition" -> alerts.add(kind, source.file(), doc, name(doc));
                        case "AlertNotificationTarget" -> name(doc);
                        default -> throw new YamlNode.Invalid(doc.path() + ".kind", "kind '" + kind + "' is not read "
                                + "by Plumbline; use Service, SLO (indicators inline), AlertPolicy, AlertCondition or "
                                + "AlertNotificationTarget");
                    }
                } catch (YamlNode.Invalid e) {
                    problems.add(new CatalogProblem(source.file(), e.path, e.getMessage()));
                } catch (IllegalArgumentException e) {
                    problems.add(new CatalogProblem(source.file(), doc.path(), e.getMessage()));
                }
            }
        }
        List<Objective> objectives = new ArrayList<>();
        List<ObjectiveAlertPolicy> policies = new ArrayList<>();
        for (Located slo : sloDocs) {
            List<Objective> read = List.of();
            try {
                String name = name(slo.doc());
                if (slos.putIfAbsent(name, slo) != null) {
                    throw new YamlNode.Invalid(slo.doc().path() + ".metadata.name", "SLO '" + name + "' is defined twice");
                }
                read = OpenSloObjectives.read(slo.doc(), name, services);
                objectives.addAll(read);
            } catch (YamlNode.Invalid e) {
                problems.add(new CatalogProblem(slo.file(), e.path, e.getMessage()));
            } catch (IllegalArgumentException e) {
                problems.add(new CatalogProblem(slo.file(), slo.doc().path(), e.getMessage()));
            }
            try {
                YamlNode spec = slo.doc().get("spec");
                if (spec.value() != null && spec.has("alertPolicies")) {
                    var policy = alerts.policy(slo.file(), slo.doc(), problems);
                    if (policy != null) {
                        read.forEach(o -> policies.add(new ObjectiveAlertPolicy(o.service(), o.name(), policy)));
                    }
                }
            } catch (YamlNode.Invalid e) {
                problems.add(new CatalogProblem(slo.file(), e.path, e.getMessage()));
            }
        }
        problems.addAll(alerts.unused());
        return new Catalog(List.copyOf(services.values()), objectives, policies, problems);
    }

    private static Service service(YamlNode doc) {
        YamlNode metadata = doc.get("metadata");
        String name = name(doc);
        YamlNode labels = metadata.get("labels");
        String team = labels.value() == null ? "" : label(labels.get("team"));
        String tier = labels.value() == null ? "" : label(labels.get("tier"));
        YamlNode annotations = metadata.get("annotations");
        double effort = 1;
        if (annotations.value() != null && annotations.has(EFFORT)) {
            YamlNode e = annotations.get(EFFORT);
            BigDecimal weeks = e.asNumber();
            if (weeks.signum() <= 0 || weeks.compareTo(BigDecimal.valueOf(520)) > 0) {
                throw new YamlNode.Invalid(e.path(), "must be a positive number of engineer-weeks (at most 520), was " + weeks);
            }
            effort = weeks.doubleValue();
        }
        String runbook = "";
        if (annotations.value() != null && annotations.has(RUNBOOK)) {
            YamlNode r = annotations.get(RUNBOOK);
            runbook = r.asText().strip();
            try {
                new Service(name, name, "", "", "", 1, runbook);
            } catch (IllegalArgumentException e) {
                throw new YamlNode.Invalid(r.path(), "must be an absolute http or https URL of at most "
                        + Service.MAX_URL + " characters (the on-call runbook), was '"
                        + (runbook.length() > 80 ? runbook.substring(0, 80) + "..." : runbook) + "'");
            }
        }
        OpenSloObjectives.description(doc.get("spec"));
        String description = doc.get("spec").value() == null ? "" : doc.get("spec").get("description").optionalText().orElse("");
        return new Service(name, metadata.get("displayName").optionalText().orElse(name), description, team, tier, effort,
                runbook);
    }

    /** OpenSLO v1 labels are text or a list of text; Plumbline takes the first. */
    private static String label(YamlNode label) {
        if (label.value() instanceof List<?>) {
            List<YamlNode> values = label.asList();
            return values.isEmpty() ? "" : values.getFirst().asText();
        }
        return label.optionalText().orElse("");
    }

    private static String name(YamlNode doc) {
        YamlNode n = doc.get("metadata").get("name");
        String name = n.asText();
        if (!NAME.matcher(name).matches()) {
            throw new YamlNode.Invalid(n.path(), "'" + name + "' is not a valid name (lower case letters, digits, '-' and '.', at most 63)");
        }
        return name;
    }

    private record Located(String file, YamlNode doc) {
    }
}
