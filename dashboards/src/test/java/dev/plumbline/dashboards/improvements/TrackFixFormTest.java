package dev.plumbline.dashboards.improvements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.fixes.FixTracking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackFixFormTest {

    private static final List<Objective> SEARCH = List.of(
            new Objective("search", "availability", Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(30)),
            new Objective("search", "latency", Indicator.LATENCY, 0.95, 800.0, ObjectiveWindow.rolling(30)));
    private final List<FixTracking.Request> saved = new ArrayList<>();

    private TrackFixForm form(String kind) {
        return new TrackFixForm("search", SEARCH, kind, List.of("big", "c2"), "pat", LocalDate.of(2026, 12, 20),
                saved::add);
    }

    @Test
    void a_latency_problem_is_prefilled_with_its_objective_and_threshold_and_saved_as_a_p95_hypothesis() {
        TrackFixForm form = form("latency");

        form.save.click();

        assertThat(saved).containsExactly(new FixTracking.Request("Fix search latency", "search", "latency",
                List.of("big", "c2"), "pat", "2026-12-20", "p95_ms", "below", 800.0));
    }

    @Test
    void an_availability_problem_takes_the_budget_in_percent_and_sends_a_ratio() {
        TrackFixForm form = form("availability");
        assertThat(form.value.getValue()).as("1 - 0.999 in %, without binary noise").isEqualTo(0.1);

        form.value.setValue(0.05);
        form.customers.setValue(" big ,, eu-ops ");
        form.save.click();

        FixTracking.Request r = saved.getFirst();
        assertThat(r.figure()).isEqualTo("error_ratio");
        assertThat(r.value()).isCloseTo(0.0005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.customers()).containsExactly("big", "eu-ops");
    }

    @Test
    void an_emptied_field_is_sent_empty_for_the_tracking_to_refuse_by_name() {
        TrackFixForm form = form("latency");
        form.targetDate.clear();
        form.value.clear();

        form.save.click();

        assertThat(saved.getFirst().targetDate()).isNull();
        assertThat(saved.getFirst().value()).isNull();
    }
}
