package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile catalog files are refused at once with a problem that says what is wrong, and descriptions keep to the
 * spec's 1050 characters. (The time bounds are generous ceilings: each of these is refused before or early in
 * parsing, in milliseconds; unbounded, a 6 MB line alone took SnakeYAML 12 s.)
 */
class YamlLimitsTest {

    private static List<String> problems(String text) {
        return OpenSloReader.read(List.of(new OpenSloReader.Source("x.yaml", text))).problems().stream()
                .map(CatalogProblem::toString).toList();
    }

    private static String service(String description) {
        return "apiVersion: openslo/v1\nkind: Service\nmetadata: {name: web}\nspec:\n  description: " + description + "\n";
    }

    @Test
    void a_50_mb_description_is_refused_at_once_as_too_large() {
        String text = service("x".repeat(50 * 1024 * 1024));

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problems(text));

        assertThat(problems).containsExactly("x.yaml: too large: a catalog file may hold at most 5242880 characters, "
                + "this one " + text.length() + "; split it into several files");
    }

    @Test
    void a_line_of_a_megabyte_is_refused_at_once_naming_the_line() {
        String text = service("x".repeat(1024 * 1024));

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problems(text));

        assertThat(problems).containsExactly("x.yaml: line 5: too long: a line may hold at most 65536 characters, this one "
                + (1024 * 1024 + 15) + " (write long text as a block scalar, | or >, over several lines)");
    }

    @Test
    void a_billion_laughs_is_refused_at_once_as_an_alias_bomb() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problems(bomb.toString()));

        assertThat(problems).containsExactly("x.yaml: not valid YAML: more than 20 aliases to lists or mappings (refused "
                + "as an alias bomb; write the values out)");
    }

    @Test
    void nesting_deeper_than_thirty_levels_is_refused() {
        assertThat(problems("a: " + "[".repeat(40) + "]".repeat(40) + "\n"))
                .containsExactly("x.yaml: not valid YAML: nested deeper than 30 levels");
    }

    @ParameterizedTest(name = "a description of {0} characters is accepted: {1}")
    @CsvSource({"1050, true", "1051, false"})
    void a_description_keeps_to_the_specs_1050_characters(int length, boolean accepted) {
        String sloDescription = OpenSloBudgetingTest.slo("", "target: 0.99").replace("spec:\n  service: web",
                "spec:\n  description: " + "d".repeat(length) + "\n  service: web");
        String indicatorDescription = OpenSloBudgetingTest.slo("", "target: 0.99").replace("indicator: {spec: {",
                "indicator: {spec: {description: " + "i".repeat(length) + ", ");

        assertThat(problems(service("s".repeat(length)))).isEqualTo(accepted ? List.of()
                : List.of("x.yaml: $[0].spec.description: at most 1050 characters (the OpenSLO limit), has 1051"));
        assertThat(problems(sloDescription)).isEqualTo(accepted ? List.of()
                : List.of("x.yaml: $[1].spec.description: at most 1050 characters (the OpenSLO limit), has 1051"));
        assertThat(problems(indicatorDescription)).isEqualTo(accepted ? List.of()
                : List.of("x.yaml: $[1].spec.indicator.spec.description: at most 1050 characters (the OpenSLO limit), has 1051"));
    }

    @Test
    void characters_outside_the_basic_plane_count_once() {
        assertThat(problems(service("\"" + "\uD83D\uDE80".repeat(1050) + "\""))).isEmpty();
    }

    @Test
    void a_list_of_objects_is_read_item_by_item_and_its_problems_name_the_item() {
        String list = """
                - {apiVersion: openslo/v1, kind: Service, metadata: {name: web}}
                - {apiVersion: openslo/v1, kind: Service, metadata: {name: Web}}
                """;

        assertThat(problems(list)).containsExactly("x.yaml: $[1].metadata.name: 'Web' is not a valid name (lower case "
                + "letters, digits, '-' and '.', at most 63)");
        assertThat(problems(list + "---\n" + list.replace("Web", "api")))
                .containsExactly("x.yaml: $[0][1].metadata.name: 'Web' is not a valid name (lower case letters, digits, "
                        + "'-' and '.', at most 63)", "x.yaml: $[1][0].metadata.name: service 'web' is defined twice");
    }
}
