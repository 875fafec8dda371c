package dev.plumbline.sql.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.triggers.Crossing.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge triggering as a table: each test walks one subject through evaluations and lists what was sent. */
class EdgesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

    private static Trigger healthBelow50(Duration cooldown, boolean onlyOnce) {
        return new Trigger("t1", "health under 50", new Rule(Figure.HEALTH, "", Duration.ofHours(6), Comparison.BELOW, 50),
                CustomerSet.ALL, "am", "ana@example.com", cooldown, onlyOnce, true, false);
    }

    /** Evaluates {@code values} of customer "big" every 5 minutes from T0; returns what was sent, as "status@minute". */
    private static List<String> walk(Trigger trigger, Double... values) {
        Map<String, SubjectState> states = new HashMap<>();
        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Instant at = T0.plus(Duration.ofMinutes(5L * i));
            Map<String, Double> now = values[i] == null ? Map.of() : Map.of("big", values[i]);
            Edges.Result result = Edges.evaluate(trigger, states, now, at);
            for (Crossing c : result.crossings()) {
                sent.add(c.status().key() + "@" + Duration.between(T0, at).toMinutes()
                        + " since " + Duration.between(T0, c.startsAt()).toMinutes());
            }
            result.states().forEach(s -> states.put(s.subject(), s));
        }
        return sent;
    }

    @Test
    void a_subject_that_stays_healthy_sends_nothing() {
        assertThat(walk(healthBelow50(Duration.ZERO, false), 90.0, 80.0, 50.0)).isEmpty();
    }

    @Test
    void the_threshold_itself_is_not_a_breach() {
        assertThat(walk(healthBelow50(Duration.ZERO, false), 50.0, 50.0)).isEmpty();
    }

    @Test
    void crossing_fires_once_and_recovery_resolves_with_the_same_start() {
        assertThat(walk(healthBelow50(Duration.ZERO, false), 90.0, 40.0, 30.0, 45.0, 70.0))
                .containsExactly("firing@5 since 5", "resolved@20 since 5");
    }

    @Test
    void a_subject_breaching_at_its_first_evaluation_fires() {
        assertThat(walk(healthBelow50(Duration.ZERO, false), 10.0)).containsExactly("firing@0 since 0");
    }

    @Test
    void without_a_cooldown_every_new_crossing_fires() {
        assertThat(walk(healthBelow50(Duration.ZERO, false), 40.0, 60.0, 40.0))
                .containsExactly("firing@0 since 0", "resolved@5 since 0", "firing@10 since 10");
    }

    @Test
    void a_crossing_within_the_cooldown_is_held_back_and_its_recovery_sends_nothing() {
        assertThat(walk(healthBelow50(Duration.ofMinutes(30), false), 40.0, 60.0, 40.0, 60.0))
                .containsExactly("firing@0 since 0", "resolved@5 since 0");
    }

    @Test
    void a_held_back_breach_still_on_when_the_cooldown_ends_fires_with_its_own_start() {
        assertThat(walk(healthBelow50(Duration.ofMinutes(15), false), 40.0, 60.0, 40.0, 40.0, 40.0))
                .containsExactly("firing@0 since 0", "resolved@5 since 0", "firing@15 since 10");
    }

    @Test
    void a_crossing_after_the_cooldown_fires_again() {
        assertThat(walk(healthBelow50(Duration.ofMinutes(10), false), 40.0, 60.0, 60.0, 40.0))
                .containsExactly("firing@0 since 0", "resolved@5 since 0", "firing@15 since 15");
    }

    @Test
    void only_once_never_fires_again_for_that_subject() {
        assertThat(walk(healthBelow50(Duration.ZERO, true), 40.0, 60.0, 40.0, 60.0, 40.0))
                .containsExactly("firing@0 since 0", "resolved@5 since 0");
    }

    @Test
    void a_missing_figure_is_not_a_recovery() {
        assertThat(walk(healthBelow50(Duration.ZERO, false), 40.0, null, null, 40.0, 70.0))
                .containsExactly("firing@0 since 0", "resolved@20 since 0");
    }

    @Test
    void above_compares_strictly_the_other_way() {
        Trigger burn = new Trigger("t2", "burn", new Rule(Figure.SLICE_BURN_RATE, "search", Duration.ofHours(1),
                Comparison.ABOVE, 10), CustomerSet.ALL, "am", "ana", Duration.ZERO, false, true, false);
        assertThat(walk(burn, 10.0, 14.4, 9.0)).containsExactly("firing@5 since 5", "resolved@10 since 5");
    }

    @Test
    void subjects_cross_independently_and_keep_their_own_state() {
        Trigger trigger = healthBelow50(Duration.ZERO, false);
        Edges.Result first = Edges.evaluate(trigger, Map.of(), Map.of("a", 40.0, "b", 90.0), T0);
        Map<String, SubjectState> states = new HashMap<>();
        first.states().forEach(s -> states.put(s.subject(), s));
        Edges.Result second = Edges.evaluate(trigger, states, Map.of("a", 30.0, "b", 20.0), T0.plusSeconds(300));

        assertThat(first.crossings()).extracting(Crossing::subject).containsExactly("a");
        assertThat(second.crossings()).extracting(Crossing::subject, Crossing::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", Status.FIRING));
        assertThat(second.states()).extracting(SubjectState::subject).containsExactly("a", "b");
    }

    @Test
    void the_notification_id_is_made_of_trigger_subject_status_and_start() {
        Crossing c = new Crossing("big", Status.RESOLVED, T0, T0.plusSeconds(60), 70);
        assertThat(c.notificationId("t1")).isEqualTo("trigger:t1:big:resolved:2026-11-20T12:00:00Z");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} of {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            trigger:t1:big:firing:2026-11-20T12:00:00Z                  | t1  | big
            trigger:t1:eu:west:firing:2026-11-20T12:00:00Z              | t1  | eu:west
            trigger:t1:odd:firing:x:firing:2026-11-20T12:00:00.123Z     | t1  | odd:firing:x
            trigger:t1:big:resolved:2026-11-20T12:00:00Z                | t1  |
            trigger:t10:big:firing:2026-11-20T12:00:00Z                 | t1  |
            trigger-test:t1:2026-11-20T12:00:00Z                        | t1  |
            trigger:t1:big:firing:not-an-instant                        | t1  |
            """)
    void a_firings_id_is_read_back_as_its_subject_and_start(String id, String trigger, String subject) {
        java.util.Optional<Crossing.Firing> firing = Crossing.firing(trigger, id);
        if (subject == null) {
            assertThat(firing).isEmpty();
        } else {
            assertThat(firing).hasValueSatisfying(f -> {
                assertThat(f.subject()).isEqualTo(subject);
                assertThat(new Crossing(subject, Status.FIRING, f.startsAt(), null, 1).notificationId(trigger))
                        .as("read back and written again, the same id").isEqualTo(id);
            });
        }
    }
}
