package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenSLO v1 alerting read as Plumbline's alert policies. An SLO's {@code alertPolicies} (each a name, an
 * {@code alertPolicyRef}, or an inline AlertPolicy) make up one policy for each of its objectives: one burn rule per
 * AlertPolicy, from its one condition (a {@code conditionRef} or an inline AlertCondition of kind burnrate, op gt):
 * severity page or ticket, threshold the burn rate, lookbackWindow the long window, alertAfter the {@code for}.
 * What OpenSLO has no field for comes in annotations of the AlertCondition ({@code plumbline.dev/short-window},
 * {@code plumbline.dev/keep-firing-for}, {@code plumbline.dev/min-requests}, {@code plumbline.dev/rule}) and of the
 * AlertPolicy ({@code plumbline.dev/policy}: the policy's name, the same on all of an SLO's). An AlertPolicy or
 * AlertCondition no SLO uses is refused: it would not be kept. Notification targets are not read.
 */
final class OpenSloAlerts {

    static final String POLICY = "plumbline.dev/policy";
    static final String POLICY_DESCRIPTION = "plumbline.dev/policy-description";
    static final String RULE = "plumbline.dev/rule";
    static final String SHORT_WINDOW = "plumbline.dev/short-window";
    static final String KEEP_FIRING_FOR = "plumbline.dev/keep-firing-for";
    static final String MIN_REQUESTS = "plumbline.dev/min-requests";
    /** The policy's name when its AlertPolicy documents do not say. */
    static final String DEFAULT_POLICY = "openslo";

    /** A document and the file it is in. */
    record Located(String file, YamlNode doc) {
    }

    private final Map<String, Located> policies = new LinkedHashMap<>();
    private final Map<String, Located> conditions = new LinkedHashMap<>();
    private final Set<String> usedPolicies = new LinkedHashSet<>();
    private final Set<String> usedConditions = new LinkedHashSet<>();

    /** Keeps an AlertPolicy or AlertCondition document by name; a name given twice is refused. */
    void add(String kind, String file, YamlNode doc, String name) {
        Map<String, Located> byName = kind.equals("AlertPolicy") ? policies : conditions;
        if (byName.putIfAbsent(name, new Located(file, doc)) != null) {
            throw new YamlNode.Invalid(doc.path() + ".metadata.name", kind + " '" + name + "' is defined twice");
        }
    }

    /**
     * The policy of an SLO document that has {@code alertPolicies}; problems (in this file or in the documents it
     * refers to) are added to {@code problems}, and then there is none.
     */
    AlertPolicy policy(String file, YamlNode slo, List<CatalogProblem> problems) {
        List<YamlNode> refs = slo.get("spec").get("alertPolicies").asList();
        if (refs.isEmpty()) {
            return null;
        }
        List<BurnRule> rules = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> descriptions = new LinkedHashSet<>();
        int before = problems.size();
        for (YamlNode ref : refs) {
            Located policy;
            try {
                policy = resolve(file, ref, "alertPolicyRef", policies, usedPolicies, "AlertPolicy");
            } catch (YamlNode.Invalid e) {
                problems.add(new CatalogProblem(file, e.path, e.getMessage()));
                continue;
            }
            try {
                YamlNode annotations = policy.doc().get("metadata").get("annotations");
                names.add(annotations.value() != null && annotations.has(POLICY)
                        ? annotations.get(POLICY).asText().strip() : DEFAULT_POLICY);
                descriptions.add(annotations.value() != null && annotations.has(POLICY_DESCRIPTION)
                        ? annotations.get(POLICY_DESCRIPTION).asText().strip() : "");
                List<YamlNode> conditionRefs = policy.doc().get("spec").get("conditions").asList();
                if (conditionRefs.size() != 1) {
                    throw new YamlNode.Invalid(policy.doc().path() + ".spec.conditions", "an AlertPolicy has exactly one "
                            + "condition (OpenSLO v1), has " + conditionRefs.size());
                }
                Located condition = resolve(policy.file(), conditionRefs.getFirst(), "conditionRef", conditions,
                        usedConditions, "AlertCondition");
                try {
                    rules.add(rule(condition.doc()));
                } catch (YamlNode.Invalid e) {
                    problems.add(new CatalogProblem(condition.file(), e.path, e.getMessage()));
                }
            } catch (YamlNode.Invalid e) {
                problems.add(new CatalogProblem(policy.file(), e.path, e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String where = slo.path() + ".spec.alertPolicies";
        if (names.size() > 1) {
            problems.add(new CatalogProblem(file, where, "its AlertPolicies name different policies in " + POLICY
                    + " (" + String.join(", ", names) + "): an objective has one"));
            return null;
        }
        try {
            return new AlertPolicy(names.iterator().next(), descriptions.size() == 1 ? descriptions.iterator().next() : "",
                    rules);
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogProblem(file, where, e.getMessage()));
            return null;
        }
    }

    /** AlertPolicy and AlertCondition documents no SLO refers to. */
    List<CatalogProblem> unused() {
        List<CatalogProblem> out = new ArrayList<>();
        policies.forEach((name, l) -> {
            if (!usedPolicies.contains(name)) {
                out.add(new CatalogProblem(l.file(), l.doc().path(), "AlertPolicy '" + name + "' is in no SLO's "
                        + "alertPolicies: Plumbline keeps alert policies per objective, so it would be lost"));
            }
        });
        conditions.forEach((name, l) -> {
            if (!usedConditions.contains(name)) {
                out.add(new CatalogProblem(l.file(), l.doc().path(), "AlertCondition '" + name + "' is in no "
                        + "AlertPolicy an SLO uses, so it would be lost"));
            }
        });
        return out;
    }

    /** A reference by name (text, or {@code {refKey: name}}) to a document of the catalog, or an inline object. */
    private static Located resolve(String file, YamlNode ref, String refKey, Map<String, Located> byName,
                                   Set<String> used, String kind) {
        String name;
        if (ref.value() instanceof String s) {
            name = s.strip();
        } else if (ref.has(refKey)) {
            name = ref.get(refKey).asText().strip();
        } else {
            String inline = ref.get("kind").optionalText().orElse(kind);
            if (!inline.equals(kind)) {
                throw new YamlNode.Invalid(ref.path() + ".kind", "must be " + kind + ", was '" + inline + "'");
            }
            return new Located(file, ref);
        }
        Located found = byName.get(name);
        if (found == null) {
            throw new YamlNode.Invalid(ref.value() instanceof String ? ref.path() : ref.path() + "." + refKey,
                    "no " + kind + " named '" + name + "' in this catalog");
        }
        used.add(name);
        return found;
    }

    /** A burn rule from an AlertCondition (a document or inline object with metadata and spec). */
    static BurnRule rule(YamlNode doc) {
        YamlNode metadata = doc.get("metadata");
        YamlNode annotations = metadata.get("annotations");
        String conditionName = metadata.get("name").asText();
        String name = annotation(annotations, RULE) != null ? annotations.get(RULE).asText().strip()
                : conditionName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        YamlNode spec = doc.get("spec");
        OpenSloObjectives.description(spec);
        YamlNode severityNode = spec.get("severity");
        String severity = severityNode.asText().strip().toLowerCase(Locale.ROOT);
        if (!severity.equals("page") && !severity.equals("ticket")) {
            throw new YamlNode.Invalid(severityNode.path(), "Plumbline's rules page or ticket, was '"
                    + severityNode.asText() + "'");
        }
        YamlNode condition = spec.get("condition");
        String kind = condition.get("kind").optionalText().orElse("burnrate");
        if (!kind.equals("burnrate")) {
            throw new YamlNode.Invalid(condition.path() + ".kind", "must be burnrate, was '" + kind + "'");
        }
        String op = condition.get("op").optionalText().orElse("gt");
        if (!op.equals("gt")) {
            throw new YamlNode.Invalid(condition.path() + ".op", "Plumbline's rules fire when the burn rate is above "
                    + "the threshold: gt, was '" + op + "'");
        }
        YamlNode thresholdNode = condition.get("threshold");
        BigDecimal threshold = thresholdNode.asNumber();
        if (threshold.signum() <= 0) {
            throw new YamlNode.Invalid(thresholdNode.path(), "must be a positive burn rate, was " + threshold);
        }
        Duration longWindow = minutes(condition.get("lookbackWindow"), false);
        Duration forDuration = condition.has("alertAfter") ? minutes(condition.get("alertAfter"), true) : Duration.ZERO;
        Duration shortWindow = annotation(annotations, SHORT_WINDOW) == null ? null
                : minutes(annotations.get(SHORT_WINDOW), false);
        Duration keep = annotation(annotations, KEEP_FIRING_FOR) == null ? Duration.ZERO
                : minutes(annotations.get(KEEP_FIRING_FOR), true);
        long minRequests = 0;
        if (annotation(annotations, MIN_REQUESTS) != null) {
            YamlNode n = annotations.get(MIN_REQUESTS);
            BigDecimal value = n.asNumber();
            if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(
                    Long.MAX_VALUE)) > 0) {
                throw new YamlNode.Invalid(n.path(), "must be a whole number of requests, was " + value);
            }
            minRequests = value.longValueExact();
        }
        try {
            return new BurnRule(name, severity.equals("page") ? BurnRule.Severity.PAGE : BurnRule.Severity.TICKET,
                    longWindow, shortWindow, threshold.doubleValue(), forDuration, keep, minRequests);
        } catch (IllegalArgumentException e) {
            throw new YamlNode.Invalid(doc.path(), e.getMessage());
        }
    }

    private static String annotation(YamlNode annotations, String key) {
        return annotations.value() != null && annotations.has(key) ? key : null;
    }

    /** An OpenSLO duration of whole minutes (m, h, d, w); {@code 0m} where zero is allowed. */
    private static Duration minutes(YamlNode node, boolean zero) {
        if (zero && node.value() instanceof String s && s.strip().matches("0[mhdw]")) {
            return Duration.ZERO;
        }
        long minutes = OpenSloDuration.of(node).minutes();
        if (minutes < 1) {
            throw new YamlNode.Invalid(node.path(), "must be minutes, hours, days or weeks (m, h, d, w), was '"
                    + node.value() + "'");
        }
        return Duration.ofMinutes(minutes);
    }

    /** For the writer: the rule's durations in OpenSLO's shorthand. */
    static String shorthand(Duration d) {
        return d.isZero() ? "0m" : OpenSloDuration.ofMinutes((int) d.toMinutes());
    }
}
