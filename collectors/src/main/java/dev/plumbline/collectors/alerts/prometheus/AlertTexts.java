package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.alerts.Numbers;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an alert says to the person it wakes: fixed text (no template reads the value, so promtool tests can assert
 * it exactly), with the burn, what it means for the budget, where the service's page and runbook are.
 */
public final class AlertTexts {

    private AlertTexts() {
    }

    public static Map<String, String> annotations(AlertSubject s, AlertPolicy policy, BurnRule rule, double threshold) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(RuleConventions.SUMMARY, summary(s, rule));
        out.put(RuleConventions.DESCRIPTION, description(s, policy, rule, threshold));
        out.put(RuleConventions.PLUMBLINE_URL, s.servicePage());
        if (!s.service().runbookUrl().isEmpty()) {
            out.put(RuleConventions.RUNBOOK_URL, s.service().runbookUrl());
        }
        return out;
    }

    /** "Search availability: the error budget burns over 14.4x (1h and 5m)". */
    public static String summary(AlertSubject s, BurnRule rule) {
        return safe(s.service().displayName() + " " + s.objective().name() + ": the error budget burns over "
                + Numbers.brief(rule.factor(), 3) + "x (" + windows(rule) + (rule.shortWindow() == null ? " window)" : " windows)"));
    }

    /** The burn in shares of requests, the objective, how long the budget lasts at that rate, the policy and rule. */
    public static String description(AlertSubject s, AlertPolicy policy, BurnRule rule, double threshold) {
        double days = periodDays(s) / rule.factor();
        StringBuilder out = new StringBuilder("More than " + Numbers.percent(threshold) + " of requests "
                + PrometheusRules.badRequests(s) + " over the last " + PrometheusRules.window(rule.longWindow())
                + (rule.shortWindow() == null ? "" : " and the last " + PrometheusRules.window(rule.shortWindow())) + ": "
                + Numbers.brief(rule.factor(), 3) + "x the " + Numbers.percent(s.budget()) + " that "
                + s.objective().name() + " allows (" + Numbers.percent(s.objective().target()) + " over "
                + s.objective().window() + "); at this rate its budget lasts " + Numbers.brief(days, 2) + " days.");
        if (rule.minRequests() > 0) {
            out.append(" Only with at least ").append(rule.minRequests()).append(" requests in ")
                    .append(PrometheusRules.window(rule.longWindow())).append('.');
        }
        out.append(" Policy ").append(policy.name()).append(", rule ").append(rule.name()).append('.');
        return safe(out.toString());
    }

    private static String windows(BurnRule rule) {
        return PrometheusRules.window(rule.longWindow())
                + (rule.shortWindow() == null ? "" : " and " + PrometheusRules.window(rule.shortWindow()));
    }

    /** The objective's period in days (a calendar month as 30), as the policy's factors are scaled. */
    private static double periodDays(AlertSubject s) {
        return switch (s.objective().window().calendar()) {
            case NONE -> s.objective().window().days();
            case MONTH -> 30;
            case QUARTER -> 90;
            case YEAR -> 365;
        };
    }

    /** Prometheus expands annotations as Go templates: no text of ours may open one. */
    private static String safe(String text) {
        return text.replace("{{", "{ {").replace("}}", "} }");
    }
}
