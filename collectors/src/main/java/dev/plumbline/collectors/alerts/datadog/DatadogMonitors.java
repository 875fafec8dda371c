package dev.plumbline.collectors.alerts.datadog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.alerts.ExportRefused;
import dev.plumbline.collectors.alerts.Numbers;
import dev.plumbline.collectors.alerts.prometheus.AlertTexts;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.PromDuration;
import dev.plumbline.sql.alerts.RuleManager;
import dev.plumbline.sql.catalog.Indicator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy as Datadog monitors, in the request shapes of Datadog's API reference (v1 {@code POST /api/v1/slo} and
 * {@code POST /api/v1/monitor}): the metric-based SLO the burn-rate alerts read; per rule a burn-rate
 * {@code slo alert} monitor where Datadog can express it (a short window; a long window of 1h to 48h; a burn rate at
 * most 1 / (1 - target)); and per rule a plain {@code metric alert} on the long window's share of failed requests
 * (windows up to a week). What Datadog cannot express (for, keep_firing_for, a minimum of requests, a metric
 * monitor's second window) is listed in {@code notes}. The SLO's id is only known once Datadog created it: the burn-rate
 * queries name it {@code ${slo_id}}, to be replaced (Terraform does so itself).
 */
public final class DatadogMonitors {

    /** What the burn-rate queries name the SLO's id by. */
    public static final String SLO_ID = "${slo_id}";
    static final Duration MAX_BURN_LONG = Duration.ofHours(48);
    static final Duration MAX_METRIC_WINDOW = Duration.ofDays(7);

    private DatadogMonitors() {
    }

    /** The export as JSON: {@code {"slo": ..., "monitors": [...], "notes": [...]}}. */
    public static String json(AlertSubject s, AlertPolicy policy, DatadogNames names) {
        if (s.objective().indicator() != Indicator.AVAILABILITY) {
            throw new ExportRefused("objective", s.objective().service() + "/" + s.objective().name() + " is a latency "
                    + "objective: Datadog sources give latency as percentiles, not counts of slow requests, so it has no "
                    + "Datadog monitor; export its Prometheus rules instead");
        }
        List<Object> monitors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BurnRule rule : policy.rules()) {
            String why = burnRateUnfit(s, rule);
            if (why == null) {
                monitors.add(burnRate(s, policy, rule, names));
            } else {
                notes.add(rule.name() + ": no slo alert monitor, " + why);
            }
            if (rule.longWindow().compareTo(MAX_METRIC_WINDOW) <= 0) {
                monitors.add(metric(s, policy, rule, names));
                if (rule.shortWindow() != null) {
                    notes.add(rule.name() + ": the metric alert measures the long window " + window(rule.longWindow())
                            + " only (a metric monitor has one window; the slo alert has both)");
                }
            } else {
                notes.add(rule.name() + ": no metric alert monitor, its long window " + window(rule.longWindow())
                        + " is over a metric monitor's week");
            }
            if (!rule.forDuration().isZero() || !rule.keepFiringFor().isZero() || rule.minRequests() > 0) {
                notes.add(rule.name() + ": Datadog monitors carry no for, keep_firing_for or minimum of requests; "
                        + "the Prometheus rules do");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("slo", slo(s, policy, names));
        out.put("monitors", monitors);
        out.put("notes", notes);
        try {
            return mapper().writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Datadog export", e);
        }
    }

    /** The metric-based SLO: good = requests - failed, total = requests, its target for Datadog's nearest timeframe. */
    static Map<String, Object> slo(AlertSubject s, AlertPolicy policy, DatadogNames names) {
        String requests = "sum:" + names.requestsMetric() + names.scope(s.service().name()) + ".as_count()";
        String failed = "sum:" + names.errorsMetric() + names.scope(s.service().name()) + ".as_count()";
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("numerator", requests + " - " + failed);
        query.put("denominator", requests);
        Map<String, Object> threshold = new LinkedHashMap<>();
        threshold.put("timeframe", timeframe(s));
        threshold.put("target", s.objective().target() * 100);
        Map<String, Object> slo = new LinkedHashMap<>();
        slo.put("name", s.service().displayName() + " " + s.objective().name());
        slo.put("type", "metric");
        slo.put("description", "Requests of " + s.service().name() + " that did not fail, as Plumbline's objective "
                + s.objective().name() + " (" + Numbers.percent(s.objective().target()) + " over "
                + s.objective().window() + "). " + s.servicePage());
        slo.put("query", query);
        slo.put("thresholds", List.of(threshold));
        slo.put("tags", tags(s, policy, null));
        return slo;
    }

    private static Map<String, Object> burnRate(AlertSubject s, AlertPolicy policy, BurnRule rule, DatadogNames names) {
        String query = "burn_rate(\"" + SLO_ID + "\").over(\"" + timeframe(s) + "\").long_window(\""
                + evaluationWindow(rule.longWindow()) + "\").short_window(\"" + evaluationWindow(rule.shortWindow())
                + "\") > "
                + Numbers.exact(rule.factor());
        return monitor("slo alert", s, policy, rule, query, rule.factor(), "burn rate");
    }

    private static Map<String, Object> metric(AlertSubject s, AlertPolicy policy, BurnRule rule, DatadogNames names) {
        double threshold = RuleManager.threshold(rule, s.objective().target());
        String scope = names.scope(s.service().name());
        String query = "sum(last_" + evaluationWindow(rule.longWindow()) + "):sum:" + names.errorsMetric() + scope
                + ".as_count() / sum:" + names.requestsMetric() + scope + ".as_count() > " + Numbers.exact(threshold);
        Map<String, Object> m = monitor("metric alert", s, policy, rule, query, threshold, "failed share");
        if (rule.shortWindow() != null) {
            m.put("message", m.get("message") + "\n\nThis monitor measures the " + window(rule.longWindow())
                    + " window only; the slo alert monitor of the same rule measures both.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) m.get("options");
        options.put("require_full_window", false);
        return m;
    }

    private static Map<String, Object> monitor(String type, AlertSubject s, AlertPolicy policy, BurnRule rule,
                                               String query, double critical, String what) {
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("critical", critical);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("thresholds", thresholds);
        options.put("notify_no_data", false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", AlertTexts.summary(s, rule) + " [" + policy.name() + "/" + rule.name() + ", " + what + "]");
        m.put("type", type);
        m.put("query", query);
        m.put("message", AlertTexts.description(s, policy, rule, RuleManager.threshold(rule, s.objective().target()))
                + "\n\nService: " + s.servicePage() + (s.service().runbookUrl().isEmpty() ? ""
                : "\nRunbook: " + s.service().runbookUrl()));
        m.put("tags", tags(s, policy, rule));
        m.put("priority", rule.severity() == BurnRule.Severity.PAGE ? 1 : 3);
        m.put("options", options);
        return m;
    }

    private static List<String> tags(AlertSubject s, AlertPolicy policy, BurnRule rule) {
        List<String> tags = new ArrayList<>(List.of("service:" + s.service().name(), "slo:" + s.objective().name(),
                "policy:" + policy.name(), "managed-by:plumbline"));
        if (rule != null) {
            tags.add("severity:" + rule.severity().label());
            tags.add("rule:" + rule.name());
        }
        return tags;
    }

    /** Why Datadog's burn-rate alert cannot carry the rule, or null when it can. */
    private static String burnRateUnfit(AlertSubject s, BurnRule rule) {
        if (rule.shortWindow() == null) {
            return "Datadog's burn-rate alerts need a short window";
        }
        if (rule.longWindow().compareTo(Duration.ofHours(1)) < 0 || rule.longWindow().compareTo(MAX_BURN_LONG) > 0) {
            return "its long window " + window(rule.longWindow()) + " is outside Datadog's 1h to 48h";
        }
        if (rule.shortWindow().compareTo(rule.longWindow()) >= 0) {
            return "Datadog needs the short window shorter than the long one";
        }
        if (rule.factor() > 1 / s.budget()) {
            return "its burn rate " + Numbers.brief(rule.factor(), 4) + " is above the most Datadog allows, "
                    + Numbers.brief(1 / s.budget(), 4);
        }
        return null;
    }

    /** Datadog's SLO timeframe nearest to the objective's window: 7d, 30d or 90d. */
    static String timeframe(AlertSubject s) {
        int days = switch (s.objective().window().calendar()) {
            case NONE -> s.objective().window().days();
            case MONTH -> 30;
            default -> 90;
        };
        return days <= 14 ? "7d" : days <= 60 ? "30d" : "90d";
    }

    /** A monitor's evaluation window: {@code 5m}, {@code 6h}, {@code 72h} (last_#m up to 10080, last_#h up to 168). */
    static String evaluationWindow(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    private static String window(Duration d) {
        return PromDuration.format(d);
    }

    static ObjectMapper mapper() {
        return new com.datadog.api.client.JSON().getMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
