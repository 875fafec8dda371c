package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.alerts.ExportRefused;
import dev.plumbline.collectors.alerts.Numbers;
import dev.plumbline.collectors.prometheus.MetricNames;
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
import java.util.Optional;
import java.util.TreeSet;

/**
 * An objective's alert policy as one Prometheus rule group, evaluated every minute as the backtest is: first a
 * recording rule per distinct window (the share of bad requests; and requests in a long window that has a minimum),
 * then an alerting rule per burn rule, which reads the recorded series of the same evaluation. A rule has a result
 * when its long window's ratio (and its short window's) is above factor x (1 - target), the very float64
 * {@link RuleManager#threshold} compares with, and (with a minimum) the long window held at least that many requests.
 */
public final class PrometheusRules {

    private PrometheusRules() {
    }

    /** A recording rule. */
    public record Recording(String record, String expr, Map<String, String> labels) {
    }

    /** An alerting rule, with the burn rule it was made from. */
    public record Alerting(BurnRule rule, String alert, String expr, Map<String, String> labels,
                           Map<String, String> annotations) {
    }

    /** The group: recording rules first (rules of a group run in order, each seeing the ones before). */
    public record Group(String name, Duration interval, List<Recording> recordings, List<Alerting> alerts) {
    }

    public static Group of(AlertSubject subject, AlertPolicy policy, MetricNames names, Optional<List<Double>> bounds) {
        SliQueries sli = new SliQueries(names, subject.objective(), bounds);
        Map<String, String> series = new LinkedHashMap<>();
        series.put(RuleConventions.SERVICE, subject.service().name());
        series.put(RuleConventions.SLO, subject.objective().name());
        TreeSet<Duration> windows = new TreeSet<>();
        TreeSet<Duration> guarded = new TreeSet<>();
        List<Alerting> alerts = new ArrayList<>();
        for (int i = 0; i < policy.rules().size(); i++) {
            BurnRule rule = policy.rules().get(i);
            double threshold = RuleManager.threshold(rule, subject.objective().target());
            if (!(threshold < 1)) {
                throw new ExportRefused("policy.rules[" + i + "].factor", Numbers.brief(rule.factor(), 6) + " x (1 - "
                        + subject.objective().target() + ") = " + Numbers.brief(threshold, 6) + ": a share of bad "
                        + "requests can never exceed it, so the rule could never fire (at most "
                        + Numbers.brief(1 / subject.budget(), 6) + ")");
            }
            windows.add(rule.longWindow());
            if (rule.shortWindow() != null) {
                windows.add(rule.shortWindow());
            }
            if (rule.minRequests() > 0) {
                guarded.add(rule.longWindow());
            }
            alerts.add(alerting(subject, policy, rule, threshold, series));
        }
        List<Recording> recordings = new ArrayList<>();
        for (Duration w : windows) {
            recordings.add(new Recording(RuleConventions.errorRatio(w), sli.errorRatio(w), series));
        }
        for (Duration w : guarded) {
            recordings.add(new Recording(RuleConventions.requests(w), sli.requests(w), series));
        }
        return new Group(RuleConventions.groupName(subject), RuleConventions.INTERVAL, recordings, alerts);
    }

    private static Alerting alerting(AlertSubject subject, AlertPolicy policy, BurnRule rule, double threshold,
                                     Map<String, String> series) {
        String selector = "{" + RuleConventions.SERVICE + "=" + quote(subject.service().name()) + ", "
                + RuleConventions.SLO + "=" + quote(subject.objective().name()) + "}";
        String limit = Numbers.exact(threshold);
        StringBuilder expr = new StringBuilder(RuleConventions.errorRatio(rule.longWindow()) + selector + " > " + limit);
        if (rule.shortWindow() != null) {
            expr.append(" and ").append(RuleConventions.errorRatio(rule.shortWindow())).append(selector).append(" > ")
                    .append(limit);
        }
        if (rule.minRequests() > 0) {
            expr.append(" and ").append(RuleConventions.requests(rule.longWindow())).append(selector).append(" >= ")
                    .append(rule.minRequests());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RuleConventions.SEVERITY, rule.severity().label());
        labels.putAll(series);
        return new Alerting(rule, RuleConventions.alertName(rule), expr.toString(), labels,
                AlertTexts.annotations(subject, policy, rule, threshold));
    }

    private static String quote(String s) {
        return dev.plumbline.collectors.prometheus.PromQl.quote(s);
    }

    /** What makes a request bad for the objective, as a verb: "failed", "took longer than 300 ms". */
    static String badRequests(AlertSubject s) {
        return s.objective().indicator() == Indicator.AVAILABILITY ? "failed"
                : "took longer than " + Numbers.brief(s.objective().latencyThresholdMs(), 6) + " ms";
    }

    static String window(Duration d) {
        return PromDuration.format(d);
    }
}
