package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.PromDuration;
import java.time.Duration;

/**
 * Every name the exported Prometheus rules and their promtool tests use, in one place (as Sloth keeps its
 * conventions): recording rule names ({@code level:metric:operation}, Prometheus' naming practice), labels,
 * annotations, alert, group and file names.
 */
public final class RuleConventions {

    /** The recording rules' level: aggregated to one series per service and objective. */
    public static final String LEVEL = "plumbline_slo";
    /** Label naming the service on every recorded series and alert. */
    public static final String SERVICE = "service";
    /** Label naming the objective (its name in the catalog) on every recorded series and alert. */
    public static final String SLO = "slo";
    /** Label saying who an alert goes to: page or ticket. */
    public static final String SEVERITY = "severity";
    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    /** Annotation linking back to the service's page in Plumbline. */
    public static final String PLUMBLINE_URL = "plumbline_url";
    /** Annotation with the catalog's runbook, when it has one. */
    public static final String RUNBOOK_URL = "runbook_url";
    /** Every alert's name starts so; the rule's name follows ({@code ErrorBudgetBurn_page_1h}). */
    public static final String ALERT_PREFIX = "ErrorBudgetBurn_";
    /** The backtest evaluates on whole minutes; so does the exported group. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);
    /** The histogram bucket label. */
    public static final String LE = "le";

    private RuleConventions() {
    }

    /** The recorded share of bad requests over {@code window}: {@code plumbline_slo:error_ratio:rate5m}. */
    public static String errorRatio(Duration window) {
        return LEVEL + ":error_ratio:rate" + PromDuration.format(window);
    }

    /** The recorded requests in {@code window}, for the minimum-requests guard: {@code plumbline_slo:requests:increase1h}. */
    public static String requests(Duration window) {
        return LEVEL + ":requests:increase" + PromDuration.format(window);
    }

    /** A rule's alert: {@code ErrorBudgetBurn_page_1h} (rule names are lower case, digits and '-'). */
    public static String alertName(BurnRule rule) {
        return ALERT_PREFIX + rule.name().replace('-', '_');
    }

    /** One group per objective: {@code plumbline-search-availability}. */
    public static String groupName(AlertSubject s) {
        return "plumbline-" + s.service().name() + "-" + s.objective().name();
    }

    /** The rule file's name, as the promtool test file refers to it. */
    public static String ruleFile(AlertSubject s) {
        return s.service().name() + "-" + s.objective().name() + ".rules.yml";
    }

    /** The promtool test file's name. */
    public static String testFile(AlertSubject s) {
        return s.service().name() + "-" + s.objective().name() + ".test.yml";
    }
}
