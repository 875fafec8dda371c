package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.sql.alerts.PromDuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code promtool test rules} files: the rule file they test, the evaluation interval, the tests. */
public final class PromtoolTestFile {

    private PromtoolTestFile() {
    }

    public static String write(String ruleFile, List<PromtoolTest> tests) {
        List<Object> out = new ArrayList<>();
        for (PromtoolTest t : tests) {
            List<Object> series = new ArrayList<>();
            for (PlantedTraffic.Series s : t.series()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("series", s.series());
                one.put("values", s.values());
                series.add(one);
            }
            List<Object> checks = new ArrayList<>();
            for (PromtoolTest.Check c : t.checks()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("eval_time", c.minute() + "m");
                one.put("alertname", c.alertname());
                List<Object> alerts = new ArrayList<>();
                if (c.firing()) {
                    Map<String, Object> alert = new LinkedHashMap<>();
                    alert.put("exp_labels", new LinkedHashMap<>(c.labels()));
                    alert.put("exp_annotations", new LinkedHashMap<>(c.annotations()));
                    alerts.add(alert);
                }
                one.put("exp_alerts", alerts);
                checks.add(one);
            }
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", t.name());
            test.put("interval", PromDuration.format(RuleConventions.INTERVAL));
            test.put("input_series", series);
            test.put("alert_rule_test", checks);
            out.add(test);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of(ruleFile));
        file.put("evaluation_interval", PromDuration.format(RuleConventions.INTERVAL));
        file.put("tests", out);
        return RuleFileYaml.yaml().dump(file);
    }
}
