package dev.plumbline.collectors.alerts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.alerts.ExportRefused;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.Presets;
import dev.plumbline.sql.alerts.RuleManager;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class PrometheusRulesTest {

    static final Service SEARCH = new Service("search", "Search", "", "discovery", "tier-1", 1,
            "https://runbooks.example.com/search");
    static final Objective AVAILABILITY = new Objective("search", "availability", Indicator.AVAILABILITY, 0.999, null,
            ObjectiveWindow.rolling(30));
    static final Objective LATENCY = new Objective("search", "latency", Indicator.LATENCY, 0.99, 300.0,
            ObjectiveWindow.rolling(28));
    static final String PAGE = "https://plumbline.example.com/service?name=search";

    static AlertSubject subject(Objective o) {
        return new AlertSubject(SEARCH, o, PAGE);
    }

    private static String rules(AlertSubject s, AlertPolicy p, MetricNames n, Optional<List<Double>> bounds) {
        return RuleFileYaml.write(PrometheusRules.of(s, p, n, bounds));
    }

    @Test
    void the_sre_workbook_for_an_availability_objective_is_the_golden_file_and_passes_promtool_check(@TempDir Path dir)
            throws Exception {
        String file = rules(subject(AVAILABILITY), Presets.sreWorkbook(AVAILABILITY.window()), MetricNames.plumbline(),
                Optional.empty());
        Promtool.write(dir, "search-availability.rules.yml", file);

        assertThat(file).isEqualTo(golden("search-availability-sre-workbook.rules.yml", file));
        Promtool.Result check = Promtool.checkRules(dir.resolve("search-availability.rules.yml"));
        assertThat(check.success()).as(check.output()).isTrue();
        assertThat(check.output()).contains("SUCCESS: 8 rules found");   // five windows, three alerts
    }

    @Test
    void pyrra_for_a_latency_objective_in_micrometer_names_passes_promtool_check(@TempDir Path dir) throws Exception {
        String file = rules(subject(LATENCY), Presets.pyrra(LATENCY.window()), MetricNames.micrometer(),
                Optional.of(List.of(0.1, 0.3, 1.0, Double.POSITIVE_INFINITY)));
        Promtool.write(dir, "r.yml", file);

        Promtool.Result check = Promtool.checkRules(dir.resolve("r.yml"));
        assertThat(check.success()).as(check.output()).isTrue();
        // seven distinct windows (1h, 5m, 6h, 30m, 1d, 2h, 4d; 6h twice) and four alerts
        assertThat(check.output()).contains("SUCCESS: 11 rules found");
        assertThat(file).contains("expr: 1 - sum(rate(http_server_requests_seconds_bucket{application=\"search\", "
                + "le=\"0.3\"}[5m])) / sum(rate(http_server_requests_seconds_count{application=\"search\"}[5m]))");
    }

    @Test
    void a_latency_threshold_that_is_not_a_bucket_bound_is_refused_naming_the_bounds() {
        assertThatThrownBy(() -> rules(subject(LATENCY), Presets.pyrra(LATENCY.window()), MetricNames.plumbline(),
                Optional.of(List.of(0.1, 0.25, 1.0, Double.POSITIVE_INFINITY))))
                .isInstanceOf(ExportRefused.class)
                .hasMessage("objective: the latency threshold 300 ms of search/latency is not a bucket bound of "
                        + "http_server_request_duration_seconds (its bounds in seconds: 0.1, 0.25, 1, +Inf); a rule "
                        + "counts the requests under a threshold exactly only at a bound: choose a threshold at a "
                        + "bound, or add that bound to the histogram");
    }

    @Test
    void a_bound_written_two_ways_is_matched_both_ways() {
        Objective oneSecond = new Objective("search", "latency", Indicator.LATENCY, 0.99, 1000.0,
                ObjectiveWindow.rolling(28));

        String file = rules(subject(oneSecond), Presets.sreWorkbook(oneSecond.window()), MetricNames.plumbline(),
                Optional.empty());

        assertThat(file).contains("le=~\"1|1\\\\.0\"");
    }

    @Test
    void every_alert_compares_with_the_very_float_the_rule_manager_uses() {
        AlertPolicy pyrra = Presets.pyrra(AVAILABILITY.window());   // factors like 14 x 30 / 28 = 15.000000000000002
        PrometheusRules.Group group = PrometheusRules.of(subject(AVAILABILITY), pyrra, MetricNames.plumbline(),
                Optional.empty());

        Pattern limit = Pattern.compile(" > ([0-9.]+)");
        for (PrometheusRules.Alerting a : group.alerts()) {
            Matcher m = limit.matcher(a.expr());
            assertThat(m.find()).as(a.expr()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isEqualTo(RuleManager.threshold(a.rule(), 0.999));
        }
    }

    @Test
    void a_rule_that_could_never_fire_is_refused_naming_its_factor() {
        AlertPolicy impossible = new AlertPolicy("too-much", "", List.of(new BurnRule("page", BurnRule.Severity.PAGE,
                Duration.ofHours(1), null, 1000, Duration.ZERO, Duration.ZERO, 0)));

        assertThatThrownBy(() -> rules(subject(AVAILABILITY), impossible, MetricNames.plumbline(), Optional.empty()))
                .isInstanceOf(ExportRefused.class)
                .hasMessage("policy.rules[0].factor: 1000 x (1 - 0.999) = 1: a share of bad requests can never exceed "
                        + "it, so the rule could never fire (at most 1000)");
    }

    @Test
    void a_minimum_of_requests_is_recorded_and_required_by_its_alert() {
        AlertPolicy guarded = new AlertPolicy("guarded", "", List.of(new BurnRule("page-1h", BurnRule.Severity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), 14.4, Duration.ofMinutes(2), Duration.ofMinutes(10), 500)));

        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> doc = (Map<String, List<Map<String, Object>>>) new Yaml().load(
                rules(subject(AVAILABILITY), guarded, MetricNames.plumbline(), Optional.empty()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) doc.get("groups").getFirst().get("rules");

        assertThat(rules).extracting(r -> r.containsKey("record") ? r.get("record") : r.get("alert")).containsExactly(
                "plumbline_slo:error_ratio:rate5m", "plumbline_slo:error_ratio:rate1h",
                "plumbline_slo:requests:increase1h", "ErrorBudgetBurn_page_1h");
        assertThat(rules.get(2).get("expr")).isEqualTo(
                "sum(increase(http_server_request_duration_seconds_count{service=\"search\"}[1h]))");
        assertThat(rules.get(3)).containsEntry("for", "2m").containsEntry("keep_firing_for", "10m");
        assertThat((String) rules.get(3).get("expr")).endsWith(
                " and plumbline_slo:requests:increase1h{service=\"search\", slo=\"availability\"} >= 500");
    }

    /**
     * A golden file of the test resources; run with {@code -Dplumbline.golden.update=true} to write {@code actual}
     * as the new golden file (then read the diff before committing it).
     */
    static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("plumbline.golden.update")) {
            java.nio.file.Files.writeString(Path.of("src/test/resources/alerts", name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = PrometheusRulesTest.class.getResourceAsStream("/alerts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file /alerts/" + name + " in the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
