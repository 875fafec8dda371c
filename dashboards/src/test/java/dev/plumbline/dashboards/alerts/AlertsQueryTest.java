package dev.plumbline.dashboards.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.alerts.Presets;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsQueryTest {

    private static final AlertTuning.Candidate TWITCHY = new AlertTuning.Candidate("twitchy", List.of(
            new AlertTuning.Rule("page", "page", "5m", "", "1", "0m", "0m", "0"),
            new AlertTuning.Rule("slow", "ticket", "3d", "6h", "1.5", "1h", "10m", "100")));

    @Test
    void a_query_written_to_the_url_reads_back_the_same() {
        AlertsQuery q = new AlertsQuery("checkout", "availability", "", "enterprise", "2026-10-01T00:00:00Z",
                "2026-11-01T00:00:00Z", List.of("sre-workbook"), List.of(TWITCHY), "Europe/Berlin", "08:00", "18:00",
                List.of("monday", "tuesday"), "45m");
        Map<String, List<String>> params = q.parameters();

        assertThat(params).doesNotContainKey("customer");
        assertThat(params.get("candidate")).containsExactly("twitchy:page,page,5m,,1,0m,0m,0;slow,ticket,3d,6h,1.5,1h,10m,100");
        assertThat(params.get("workdays")).containsExactly("monday,tuesday");
        assertThat(AlertsQuery.parse(params)).isEqualTo(q);
    }

    @Test
    void without_presets_in_the_url_every_preset_is_a_candidate_and_an_empty_list_is_none() {
        var available = Presets.candidates(ObjectiveWindow.rolling(30));
        AlertsQuery all = AlertsQuery.parse(Map.of("service", List.of("checkout")));
        assertThat(all.presets()).isNull();
        assertThat(all.request(available).candidates()).extracting(AlertTuning.Candidate::name)
                .containsExactly("sre-workbook", "pyrra", "single-window");

        AlertsQuery none = AlertsQuery.parse(Map.of("presets", List.of(""), "candidate", List.of("twitchy:page,page,5m")));
        assertThat(none.presets()).isEmpty();
        assertThat(none.parameters().get("presets")).containsExactly("");
        assertThat(none.request(available).candidates()).extracting(AlertTuning.Candidate::name).containsExactly("twitchy");
    }

    @Test
    void the_chosen_presets_come_in_their_own_order_before_the_custom_ones_with_the_rules_as_the_api_writes_them() {
        var available = Presets.candidates(ObjectiveWindow.rolling(30));
        AlertsQuery q = AlertsQuery.parse(Map.of("presets", List.of("single-window,sre-workbook"),
                "candidate", List.of("twitchy:page,page,5m,,1")));
        AlertTuning.Request r = q.request(available);

        assertThat(r.candidates()).extracting(AlertTuning.Candidate::name)
                .containsExactly("sre-workbook", "single-window", "twitchy");
        assertThat(r.candidates().getFirst().rules().getFirst())
                .isEqualTo(new AlertTuning.Rule("page-1h", "page", "1h", "5m", "14.4", "0m", "0m", "0"));
        assertThat(r.candidates().getLast().rules().getFirst())
                .isEqualTo(new AlertTuning.Rule("page", "page", "5m", "", "1", "", "", ""));
    }

    @Test
    void values_are_kept_as_written_so_the_api_can_refuse_them_by_name() {
        AlertsQuery q = AlertsQuery.parse(Map.of("from", List.of("last tuesday"), "cooldown", List.of("soon"),
                "workdays", List.of("mon,tue"), "candidate", List.of("x:a,b")));
        AlertTuning.Request r = q.request(List.of());

        assertThat(r.from()).isEqualTo("last tuesday");
        assertThat(r.cooldown()).isEqualTo("soon");
        assertThat(r.workdays()).containsExactly("mon", "tue");
        assertThat(r.candidates().getFirst().rules().getFirst())
                .isEqualTo(new AlertTuning.Rule("a", "b", "", "", "", "", "", ""));
    }

    @Test
    void a_candidate_without_rules_reads_as_one_with_none() {
        assertThat(CandidateText.parse("lonely")).isEqualTo(new AlertTuning.Candidate("lonely", List.of()));
        assertThat(CandidateText.parse("lonely:")).isEqualTo(new AlertTuning.Candidate("lonely", List.of()));
    }
}
