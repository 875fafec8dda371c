package dev.plumbline.collectors.alerts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.Presets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The promtool test file an export comes with passes Debian's promtool against the exported rules. */
class PlantedBurstsTest {

    static final AlertPolicy GUARDED = new AlertPolicy("guarded", "for, keep_firing_for and a minimum", List.of(
            new BurnRule("page-1h", BurnRule.Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4,
                    Duration.ofMinutes(10), Duration.ofMinutes(15), 5000),
            new BurnRule("ticket-6h", BurnRule.Severity.TICKET, Duration.ofHours(6), null, 6,
                    Duration.ofMinutes(30), Duration.ZERO, 0)));

    private static Promtool.Result run(Path dir, AlertSubject s, AlertPolicy p, MetricNames n) throws Exception {
        PrometheusRules.Group group = PrometheusRules.of(s, p, n, Optional.empty());
        Promtool.write(dir, RuleConventions.ruleFile(s), RuleFileYaml.write(group));
        Promtool.write(dir, RuleConventions.testFile(s), PlantedBursts.testFile(s, group, n));
        return Promtool.testRules(dir.resolve(RuleConventions.testFile(s)));
    }

    @Test
    void the_sre_workbooks_test_passes_and_each_alert_both_fires_and_stays_silent(@TempDir Path dir) throws Exception {
        AlertSubject s = PrometheusRulesTest.subject(PrometheusRulesTest.AVAILABILITY);
        AlertPolicy sre = Presets.sreWorkbook(s.objective().window());

        Promtool.Result result = run(dir, s, sre, MetricNames.plumbline());

        assertThat(result.success()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
        Map<String, Long> firingChecks = firingChecks(dir.resolve(RuleConventions.testFile(s)));
        assertThat(firingChecks).containsOnlyKeys("ErrorBudgetBurn_page_1h", "ErrorBudgetBurn_page_6h",
                "ErrorBudgetBurn_ticket_3d");
    }

    @Test
    void pyrras_test_for_a_latency_objective_in_micrometer_names_passes(@TempDir Path dir) throws Exception {
        AlertSubject s = PrometheusRulesTest.subject(PrometheusRulesTest.LATENCY);

        Promtool.Result result = run(dir, s, Presets.pyrra(s.objective().window()), MetricNames.micrometer());

        assertThat(result.success()).as(result.output()).isTrue();
    }

    /**
     * At a 95% target the page thresholds are 72% and 30% of requests: twice the fast one is more than all of them. The
     * burst then leaves one request a minute good, so a window's share still depends on the planted rate and no window
     * ties with the slower rule's 30% (9 all-bad minutes of its 30m window did, at every rate).
     */
    @Test
    void the_sre_workbooks_test_passes_when_twice_a_threshold_is_more_than_all_requests(@TempDir Path dir) throws Exception {
        AlertSubject s = PrometheusRulesTest.subject(new dev.plumbline.sql.catalog.Objective("search", "latency",
                dev.plumbline.sql.catalog.Indicator.LATENCY, 0.95, 250.0, dev.plumbline.sql.catalog.ObjectiveWindow.rolling(30)));

        Promtool.Result result = run(dir, s, Presets.sreWorkbook(s.objective().window()), MetricNames.plumbline());

        assertThat(result.success()).as(result.output()).isTrue();
        assertThat(firingChecks(dir.resolve(RuleConventions.testFile(s)))).containsOnlyKeys("ErrorBudgetBurn_page_1h",
                "ErrorBudgetBurn_page_6h", "ErrorBudgetBurn_ticket_3d");
    }

    @Test
    void a_guarded_policys_test_passes_with_its_low_traffic_and_blip_cases(@TempDir Path dir) throws Exception {
        AlertSubject s = PrometheusRulesTest.subject(PrometheusRulesTest.AVAILABILITY);

        Promtool.Result result = run(dir, s, GUARDED, MetricNames.openTelemetry());

        assertThat(result.success()).as(result.output()).isTrue();
        String file = java.nio.file.Files.readString(dir.resolve(RuleConventions.testFile(s)));
        assertThat(file).contains("name: ErrorBudgetBurn_page_1h stays silent on 4999 bad requests, below its minimum of 5000",
                "name: ErrorBudgetBurn_page_1h stays silent on a one-minute blip, shorter than its for 10m");
    }

    /** How many checks expect each alert to fire. */
    @SuppressWarnings("unchecked")
    static Map<String, Long> firingChecks(Path testFile) throws Exception {
        Map<String, Object> doc = new Yaml().load(java.nio.file.Files.readString(testFile));
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Map<String, Object> test : (List<Map<String, Object>>) doc.get("tests")) {
            for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                if (!((List<Object>) check.get("exp_alerts")).isEmpty()) {
                    out.merge((String) check.get("alertname"), 1L, Long::sum);
                }
            }
        }
        return out;
    }
}
