package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.PromDuration;
import dev.plumbline.sql.catalog.Objective;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An objective's alert policy as OpenSLO v1: the objective's SLO document (as the catalog export writes it) with
 * {@code alertPolicies} naming one AlertPolicy per rule (OpenSLO allows one condition per AlertPolicy), an
 * AlertCondition of kind burnrate per rule, and an AlertNotificationTarget per severity. What OpenSLO has no field for
 * is in annotations (see {@link OpenSloAlerts}), so {@link OpenSloReader} reads the same policy back. To import it,
 * put these documents in the catalog in place of the objective's SLO document.
 */
public final class OpenSloAlertWriter {

    private static final int MAX_NAME = 63;

    private OpenSloAlertWriter() {
    }

    public static String write(Objective objective, AlertPolicy policy) {
        List<Object> documents = new ArrayList<>(sloWithAlerts(objective, policy));
        documents.addAll(targets(severities(policy)));
        return OpenSloWriter.yaml().dumpAll(documents.iterator());
    }

    /** The objective's SLO document referring to its policy, then an AlertCondition and an AlertPolicy per rule. */
    static List<Object> sloWithAlerts(Objective objective, AlertPolicy policy) {
        Map<String, Object> slo = OpenSloWriter.slo(objective);
        @SuppressWarnings("unchecked")
        Map<String, Object> sloSpec = (Map<String, Object>) slo.get("spec");
        List<Object> refs = new ArrayList<>();
        List<Object> conditions = new ArrayList<>();
        List<Object> policies = new ArrayList<>();
        for (BurnRule rule : policy.rules()) {
            String name = name(objective.service() + "-" + objective.name() + "-" + rule.name());
            refs.add(Map.of("alertPolicyRef", name));
            conditions.add(condition(name, rule));
            policies.add(policy(name, policy, rule));
        }
        sloSpec.put("alertPolicies", refs);
        List<Object> documents = new ArrayList<>();
        documents.add(slo);
        documents.addAll(conditions);
        documents.addAll(policies);
        return documents;
    }

    /** The severities the policy's rules page or ticket with, in the order of its rules. */
    static Set<String> severities(AlertPolicy policy) {
        Set<String> severities = new LinkedHashSet<>();
        policy.rules().forEach(r -> severities.add(r.severity().label()));
        return severities;
    }

    /** An AlertNotificationTarget per severity, named {@code plumbline-<severity>}. */
    static List<Object> targets(Set<String> severities) {
        List<Object> documents = new ArrayList<>();
        for (String severity : severities) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", "plumbline-" + severity);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("description", "Alerts of severity " + severity + " (the severity label of the exported rules)");
            spec.put("target", severity);
            documents.add(OpenSloWriter.document("AlertNotificationTarget", metadata, spec));
        }
        return documents;
    }

    private static Map<String, Object> condition(String name, BurnRule rule) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(OpenSloAlerts.RULE, rule.name());
        if (rule.shortWindow() != null) {
            annotations.put(OpenSloAlerts.SHORT_WINDOW, OpenSloAlerts.shorthand(rule.shortWindow()));
        }
        if (!rule.keepFiringFor().isZero()) {
            annotations.put(OpenSloAlerts.KEEP_FIRING_FOR, OpenSloAlerts.shorthand(rule.keepFiringFor()));
        }
        if (rule.minRequests() > 0) {
            annotations.put(OpenSloAlerts.MIN_REQUESTS, Long.toString(rule.minRequests()));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("displayName", rule.name());
        metadata.put("annotations", annotations);
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("kind", "burnrate");
        condition.put("op", "gt");
        condition.put("threshold", OpenSloWriter.number(rule.factor()));
        condition.put("lookbackWindow", OpenSloAlerts.shorthand(rule.longWindow()));
        condition.put("alertAfter", OpenSloAlerts.shorthand(rule.forDuration()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("description", "The error budget burns faster than " + new java.math.BigDecimal(rule.factor())
                .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + "x over "
                + PromDuration.format(rule.longWindow()) + (rule.shortWindow() == null ? ""
                : " and over " + PromDuration.format(rule.shortWindow())) + (rule.minRequests() > 0
                ? ", with at least " + rule.minRequests() + " requests" : ""));
        spec.put("severity", rule.severity().label());
        spec.put("condition", condition);
        return OpenSloWriter.document("AlertCondition", metadata, spec);
    }

    private static Map<String, Object> policy(String name, AlertPolicy policy, BurnRule rule) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("displayName", policy.name() + " " + rule.name());
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(OpenSloAlerts.POLICY, policy.name());
        if (!policy.description().isEmpty()) {
            annotations.put(OpenSloAlerts.POLICY_DESCRIPTION, policy.description());
        }
        metadata.put("annotations", annotations);
        Map<String, Object> spec = new LinkedHashMap<>();
        String description = policy.description().isEmpty() ? "Rule " + rule.name() + " of " + policy.name()
                : policy.description();
        spec.put("description", description.length() > OpenSloObjectives.MAX_DESCRIPTION
                ? description.substring(0, OpenSloObjectives.MAX_DESCRIPTION) : description);
        spec.put("alertWhenNoData", false);
        spec.put("alertWhenResolved", true);
        spec.put("alertWhenBreaching", true);
        spec.put("conditions", List.of(Map.of("conditionRef", name)));
        spec.put("notificationTargets", List.of(Map.of("targetRef", "plumbline-" + rule.severity().label())));
        return OpenSloWriter.document("AlertPolicy", metadata, spec);
    }

    /** A name of at most 63 characters: longer ones keep their start and end in a hash. */
    static String name(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String suffix = HexFormat.of().formatHex(hash, 0, 4);
            return name.substring(0, MAX_NAME - suffix.length() - 1).replaceAll("[-.]+$", "") + "-" + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
