package dev.plumbline.sql.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriggerLabelsTest {

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            9lives          | x            | labels
            team-name       | x            | labels
            __name__        | x            | labels
            ''              | x            | labels
            alertname       | x            | labels.alertname
            owner           | x            | labels.owner
            customer        | x            | labels.customer
            test            | x            | labels.test
            team            | ' '          | labels.team
            """)
    void a_bad_label_is_refused_naming_its_field(String name, String value, String field) {
        assertThatThrownBy(() -> TriggerLabels.check(Map.of(name, value)))
                .isInstanceOfSatisfying(TriggerRefused.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void good_labels_are_kept_stripped_and_sorted() {
        assertThat(TriggerLabels.check(Map.of("team", " payments ", "severity", "page", "_x1", "y")))
                .containsExactly(Map.entry("_x1", "y"), Map.entry("severity", "page"), Map.entry("team", "payments"));
        assertThat(TriggerLabels.check(null)).isEmpty();
    }

    @Test
    void at_most_ten() {
        Map<String, String> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("l" + i, "v");
        }
        assertThatThrownBy(() -> TriggerLabels.check(eleven)).hasMessageStartingWith("labels: at most 10");
        eleven.remove("l0");
        assertThat(TriggerLabels.check(eleven)).hasSize(10);
    }

    @Test
    void a_message_has_severity_warning_unless_the_trigger_sets_it() {
        Trigger plain = new Trigger("t", "n", new Rule(Figure.HEALTH, "", Duration.ofHours(6), Comparison.BELOW, 50),
                CustomerSet.ALL, "d", "o", Duration.ZERO, false, true, false);
        assertThat(TriggerLabels.ofMessage(plain)).containsExactly(Map.entry("severity", "warning"));
        Trigger paging = new Trigger("t", "n", plain.rule(), CustomerSet.ALL, "d", "o", Duration.ZERO, false, true,
                false, TriggerLabels.check(Map.of("severity", "page", "team", "payments")));
        assertThat(TriggerLabels.ofMessage(paging)).containsExactly(Map.entry("severity", "page"),
                Map.entry("team", "payments"));
    }
}
