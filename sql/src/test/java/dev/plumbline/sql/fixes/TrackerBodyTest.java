package dev.plumbline.sql.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The tracker presets against the published shapes: GitHub's create-an-issue body (title and body strings, labels an
 * array of strings) and Jira's create-issue body (fields.project.key, fields.summary, fields.description,
 * fields.issuetype.name). Parsed back with SnakeYAML (YAML 1.1 reads JSON), not with the code that wrote them.
 */
class TrackerBodyTest {

    private static final TrackedFix FIX = new TrackedFix(UUID.fromString("00000000-0000-0000-0000-000000000016"),
            "Roll back \"checkout\" 7.3.0\\n", "checkout", "availability", List.of("acme", "globex"),
            new Snapshot(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15), 1000, 0.02, 5000), "alice",
            LocalDate.of(2026, 11, 1), new Hypothesis(Hypothesis.Figure.ERROR_RATIO, Hypothesis.Comparison.BELOW, 0.001),
            FixState.PLANNED, null, null, "pm", Instant.parse("2026-10-15T09:00:00Z"), "pm",
            Instant.parse("2026-10-15T09:00:00Z"), 1);
    private static final Map<String, String> VALUES = TrackerBody.values(FIX, "https://plumbline.example/improvements",
            "OPS");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return (Map<String, Object>) new Yaml().load(json);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_github_preset_is_a_create_an_issue_body_with_the_title_kept_exactly() {
        Map<String, Object> body = parse(TrackerBody.render(TrackerBody.GITHUB, VALUES));

        assertThat(body).containsOnlyKeys("title", "body", "labels");
        assertThat(body.get("title")).isEqualTo("Roll back \"checkout\" 7.3.0\\n");
        assertThat((String) body.get("body")).contains("checkout availability for acme, globex.\n")
                .contains("Hypothesis: error_ratio below 0.001.").endsWith("https://plumbline.example/improvements");
        assertThat((List<String>) body.get("labels")).containsExactly("plumbline", "checkout");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_jira_preset_is_a_create_issue_body_in_the_project() {
        Map<String, Object> fields = (Map<String, Object>) parse(TrackerBody.render(TrackerBody.JIRA, VALUES)).get("fields");

        assertThat(fields).containsOnlyKeys("project", "summary", "description", "issuetype");
        assertThat((Map<String, Object>) fields.get("project")).containsExactly(Map.entry("key", "OPS"));
        assertThat(fields.get("summary")).isEqualTo("Roll back \"checkout\" 7.3.0\\n");
        assertThat((Map<String, Object>) fields.get("issuetype")).containsExactly(Map.entry("name", "Task"));
        assertThat((String) fields.get("description")).contains("Owner: alice, target 2026-11-01.");
    }

    @Test
    void a_custom_template_may_use_any_known_placeholder_and_an_unknown_one_is_refused_by_name() {
        assertThat(TrackerBody.render("{\"text\": \"{{owner}} by {{target_date}}\"}", VALUES))
                .isEqualTo("{\"text\": \"alice by 2026-11-01\"}");
        assertThatThrownBy(() -> TrackerBody.render("{\"x\": \"{{colour}}\"}", VALUES))
                .hasMessageStartingWith("template: unknown placeholder {{colour}}; known: title, service");
    }

    @Test
    void control_characters_are_escaped_so_a_value_never_leaves_its_string() {
        assertThat(TrackerBody.escape("a\"b\\c\nd\u0001")).isEqualTo("a\\\"b\\\\c\\nd\\u0001");
    }
}
