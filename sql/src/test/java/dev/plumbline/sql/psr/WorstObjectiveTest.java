package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ObjectiveResult#worst}: the rule the Review's budget chart and the figures CSV share. Each row gives the
 * objectives as name:burn:consumed (an empty burn or consumed is unknown) and the name expected, or "none".
 */
class WorstObjectiveTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the objective that used most of its budget is the worst        | a:2.0:0.5 b:1.5:0.9      | b",
            "a higher burn on a longer window is not worse than a spent budget | quarter:2.0:0.67 month:1.5:1.5 | month",
            "on equal budgets the higher burn rate is worse                 | a:1.0:0.5 b:3.0:0.5      | b",
            "on equal budgets and burns the first name is worse             | b:1.0:0.5 a:1.0:0.5      | a",
            "an objective not judged is never the worst                     | a:: b:0.1:0.01           | b",
            "nothing judged has no worst objective                          | a:: b::                  | none",
            "no objective has no worst objective                            | ''                       | none",
            "a single judged objective is the worst even within budget      | a:0.1:0.003              | a",
    })
    void the_worst_objective_is_the_one_that_used_most_of_its_budget(String sentence, String objectives, String worst) {
        List<ObjectiveResult> results = new ArrayList<>();
        for (String o : objectives.isBlank() ? new String[0] : objectives.trim().split("\\s+")) {
            String[] p = o.split(":", -1);
            Double burn = p[1].isEmpty() ? null : Double.valueOf(p[1]);
            Double consumed = p[2].isEmpty() ? null : Double.valueOf(p[2]);
            results.add(new ObjectiveResult(new Objective("search", p[0], Indicator.AVAILABILITY, 0.999, null,
                    ObjectiveWindow.rolling(30)), burn == null ? null : burn * 0.001, burn, consumed,
                    burn == null ? null : burn <= 1, burn == null ? "no requests in the period" : ""));
        }
        assertThat(ObjectiveResult.worst(results).map(r -> r.objective().name()).orElse("none")).isEqualTo(worst);
    }
}
