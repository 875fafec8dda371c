package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the service catalog from OpenSLO v1 YAML: {@code kind: Service} documents (owner team and tier as labels
 * {@code team} and {@code tier}, effort as annotation {@code plumbline.dev/effort-weeks}) and {@code kind: SLO}
 * documents (a {@code ratioMetric} indicator is an availability objective, a {@code thresholdMetric} one with
 * {@code op: lte} and {@code value} in milliseconds is a latency objective; {@code timeWindow} is a rolling number of
 * days or the calendar month). Other kinds are refused. Every problem names the file and the YAML path.
 */
public final class OpenSloReader {

    static final String API_VERSION = "openslo/v1";
    static final String EFFORT = "plumbline.dev/effort-weeks";
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");
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
        for (Source source : sources) {
            List<Object> documents;
            try {
                documents = load(source.text());
            } catch (MarkedYAMLException e) {
                problems.add(new CatalogProblem(source.file(), "line " + (e.getProblemMark().getLine() + 1),
                        "not valid YAML: " + e.getProblem()));
                continue;
            } catch (YAMLException e) {
                problems.add(new CatalogProblem(source.file(), "", "not valid YAML: " + e.getMessage()));
                continue;
            }
            for (int i = 0; i < documents.size(); i++) {
                if (documents.get(i) == null) {
                    continue; // an empty document, e.g. after a trailing ---
                }
                YamlNode doc = new YamlNode(documents.get(i), "$[" + i + "]");
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
                        default -> throw new YamlNode.Invalid(doc.path() + ".kind",
                                "kind '" + kind + "' is not read by Plumbline; use Service or SLO (indicators inline)");
                    }
                } catch (YamlNode.Invalid e) {
                    problems.add(new CatalogProblem(source.file(), e.path, e.getMessage()));
                } catch (IllegalArgumentException e) {
                    problems.add(new CatalogProblem(source.file(), doc.path(), e.getMessage()));
                }
            }
        }
        List<Objective> objectives = new ArrayList<>();
        for (Located slo : sloDocs) {
            try {
                String name = name(slo.doc());
                if (slos.putIfAbsent(name, slo) != null) {
                    throw new YamlNode.Invalid(slo.doc().path() + ".metadata.name", "SLO '" + name + "' is defined twice");
                }
                objectives.addAll(objectives(slo.doc(), services));
            } catch (YamlNode.Invalid e) {
                problems.add(new CatalogProblem(slo.file(), e.path, e.getMessage()));
            } catch (IllegalArgumentException e) {
                problems.add(new CatalogProblem(slo.file(), slo.doc().path(), e.getMessage()));
            }
        }
        return new Catalog(List.copyOf(services.values()), objectives, problems);
    }

    private static List<Object> load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(5 * 1024 * 1024);
        options.setNestingDepthLimit(30);
        List<Object> out = new ArrayList<>();
        new Yaml(new SafeConstructor(options)).loadAll(text).forEach(out::add);
        return out;
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
        String description = doc.get("spec").value() == null ? "" : doc.get("spec").get("description").optionalText().orElse("");
        return new Service(name, metadata.get("displayName").optionalText().orElse(name), description, team, tier, effort);
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

    private static List<Objective> objectives(YamlNode doc, Map<String, Service> services) {
        String sloName = name(doc);
        YamlNode spec = doc.get("spec");
        YamlNode serviceNode = spec.get("service");
        String service = serviceNode.asText();
        if (!services.containsKey(service)) {
            throw new YamlNode.Invalid(serviceNode.path(), "unknown service '" + service
                    + "': define it in a kind: Service document of this catalog");
        }
        if (spec.has("indicatorRef")) {
            throw new YamlNode.Invalid(spec.path() + ".indicatorRef", "indicatorRef is not supported: put the indicator inline under spec.indicator");
        }
        YamlNode indicatorSpec = spec.get("indicator").get("spec");
        Indicator indicator;
        if (indicatorSpec.has("ratioMetric")) {
            indicator = Indicator.AVAILABILITY;
        } else if (indicatorSpec.has("thresholdMetric")) {
            indicator = Indicator.LATENCY;
        } else {
            throw new YamlNode.Invalid(indicatorSpec.path(), "needs a ratioMetric (availability) or a thresholdMetric (latency)");
        }
        ObjectiveWindow window = window(spec.get("timeWindow"));
        String base = sloName.startsWith(service + "-") ? sloName.substring(service.length() + 1) : sloName;
        List<YamlNode> objectives = spec.get("objectives").asList();
        if (objectives.isEmpty()) {
            throw new YamlNode.Invalid(spec.path() + ".objectives", "needs at least one objective");
        }
        List<Objective> out = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            YamlNode o = objectives.get(i);
            YamlNode targetNode = o.get("target");
            BigDecimal target = targetNode.asNumber();
            if (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) >= 0) {
                throw new YamlNode.Invalid(targetNode.path(), "must be between 0 and 1 (e.g. 0.999), was " + target);
            }
            Double threshold = null;
            if (indicator == Indicator.LATENCY) {
                String op = o.get("op").asText();
                if (!op.equals("lte") && !op.equals("lt")) {
                    throw new YamlNode.Invalid(o.path() + ".op", "must be lte (a request is good when it takes at most value ms), was '" + op + "'");
                }
                BigDecimal value = o.get("value").asNumber();
                if (value.signum() <= 0) {
                    throw new YamlNode.Invalid(o.path() + ".value", "must be a positive number of milliseconds, was " + value);
                }
                threshold = value.doubleValue();
            }
            String name = objectives.size() == 1 ? base : base + "-" + o.get("displayName").optionalText()
                    .map(d -> d.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")).orElse(Integer.toString(i + 1));
            out.add(new Objective(service, name, indicator, target.doubleValue(), threshold, window));
        }
        return out;
    }

    private static ObjectiveWindow window(YamlNode timeWindow) {
        List<YamlNode> windows = timeWindow.asList();
        if (windows.size() != 1) {
            throw new YamlNode.Invalid(timeWindow.path(), "must hold exactly one window, has " + windows.size());
        }
        YamlNode w = windows.getFirst();
        String duration = w.get("duration").asText();
        boolean rolling = w.get("isRolling").asBoolean(false);
        if (rolling) {
            Matcher days = DAYS.matcher(duration);
            if (!days.matches() || Integer.parseInt(days.group(1)) < 1 || Integer.parseInt(days.group(1)) > 366) {
                throw new YamlNode.Invalid(w.path() + ".duration", "a rolling window is 1d to 366d, was '" + duration + "'");
            }
            return ObjectiveWindow.rolling(Integer.parseInt(days.group(1)));
        }
        if (!duration.equals("1M")) {
            throw new YamlNode.Invalid(w.path() + ".duration",
                    "a calendar window must be 1M (the calendar month), was '" + duration + "'");
        }
        return ObjectiveWindow.CALENDAR_MONTH;
    }

    private record Located(String file, YamlNode doc) {
    }
}
