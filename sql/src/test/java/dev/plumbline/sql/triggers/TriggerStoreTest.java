package dev.plumbline.sql.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class TriggerStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static TestDatabase database;

    @BeforeAll
    static void setUp(TestDatabase db) {
        database = db.migrate();
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    static Trigger keyAccounts(String id) {
        return new Trigger(id, "key accounts burning search", new Rule(Figure.SLICE_BURN_RATE, "search",
                Duration.ofHours(6), Comparison.ABOVE, 6), new CustomerSet(List.of("big", "eu-ops"), "enterprise",
                250_000.0, 90), "oncall", "ana@example.com", Duration.ofHours(4), true, true, false);
    }

    @Test
    void a_saved_trigger_reads_back_whole_with_its_versions() {
        TriggerStore store = new TriggerStore(database.clickHouse(), at(NOW));
        Trigger first = keyAccounts("t-versions");
        Trigger second = new Trigger(first.id(), "renamed", new Rule(Figure.HEALTH, "", Duration.ofDays(1),
                Comparison.BELOW, 60), CustomerSet.ALL, "slack-cs", "bo@example.com", Duration.ZERO, false, false, true,
                TriggerLabels.check(Map.of("team", "payments", "severity", "page")));

        store.save(first, "admin");
        SavedTrigger saved = store.save(second, "pm");

        assertThat(saved.version()).isEqualTo(2);
        assertThat(store.find(first.id()).orElseThrow().trigger()).isEqualTo(second);
        assertThat(store.versions(first.id())).extracting(SavedTrigger::trigger).containsExactly(first, second);
        assertThat(store.versions(first.id())).extracting(SavedTrigger::savedBy).containsExactly("admin", "pm");
    }

    @Test
    void a_deleted_trigger_is_gone_from_the_current_ones_but_kept_as_a_version() {
        TriggerStore store = new TriggerStore(database.clickHouse(), at(NOW));
        store.save(keyAccounts("t-deleted"), "admin");
        store.save(keyAccounts("t-kept"), "admin");

        assertThat(store.delete("t-deleted", "pm")).isPresent();

        assertThat(store.find("t-deleted")).isEmpty();
        assertThat(store.current()).extracting(s -> s.trigger().id()).contains("t-kept").doesNotContain("t-deleted");
        assertThat(store.versions("t-deleted")).extracting(SavedTrigger::deleted).containsExactly(false, true);
        assertThat(store.delete("t-never", "pm")).isEmpty();
    }

    @Test
    void subject_states_survive_a_new_store_and_only_changes_are_written() {
        TriggerStateStore states = new TriggerStateStore(database.clickHouse(), at(NOW));
        SubjectState firing = new SubjectState("big", true, NOW, true, NOW, 1, 14.2);
        SubjectState calm = SubjectState.fresh("c1", 0.3);
        states.save("t-state", Map.of(), List.of(firing, calm), NOW);

        Map<String, SubjectState> read = new TriggerStateStore(database.clickHouse(), at(NOW.plusSeconds(60)))
                .states("t-state");
        assertThat(read).containsEntry("big", firing).containsEntry("c1", calm);

        SubjectState sameButValue = new SubjectState("big", true, NOW, true, NOW, 1, 20.0);
        states.save("t-state", read, List.of(sameButValue, calm), NOW.plusSeconds(300));
        assertThat(states.states("t-state").get("big").value()).isEqualTo(14.2);   // unchanged: not written again
    }
}
