package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.sql.alerts.PromDuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a rule group as a Prometheus rule file ({@code groups:}), YAML by SnakeYAML. */
public final class RuleFileYaml {

    private RuleFileYaml() {
    }

    public static String write(PrometheusRules.Group group) {
        List<Object> rules = new ArrayList<>();
        for (PrometheusRules.Recording r : group.recordings()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", r.record());
            rule.put("expr", r.expr());
            rule.put("labels", new LinkedHashMap<>(r.labels()));
            rules.add(rule);
        }
        for (PrometheusRules.Alerting a : group.alerts()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("alert", a.alert());
            rule.put("expr", a.expr());
            if (!a.rule().forDuration().isZero()) {
                rule.put("for", PromDuration.format(a.rule().forDuration()));
            }
            if (!a.rule().keepFiringFor().isZero()) {
                rule.put("keep_firing_for", PromDuration.format(a.rule().keepFiringFor()));
            }
            rule.put("labels", new LinkedHashMap<>(a.labels()));
            rule.put("annotations", new LinkedHashMap<>(a.annotations()));
            rules.add(rule);
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", group.name());
        g.put("interval", PromDuration.format(group.interval()));
        g.put("rules", rules);
        return yaml().dump(Map.of("groups", List.of(g)));
    }

    /** Block style, two spaces, lines never folded (an expression stays on one line). */
    static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }
}
