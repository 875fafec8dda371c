package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class AlertPolicyStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final AlertPolicy CUSTOM = new AlertPolicy("custom", "", List.of(
            new BurnRule("page", BurnRule.Severity.PAGE, Duration.ofMinutes(30), null, 20, Duration.ofMinutes(5),
                    Duration.ofMinutes(10), 500),
            new BurnRule("ticket", BurnRule.Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 1.5, null, null, 0)));
    private static AlertPolicyStore store;

    @BeforeAll
    static void setUp(TestDatabase db) {
        store = new AlertPolicyStore(db.migrate().clickHouse(), CLOCK);
    }

    @Test
    void a_saved_policy_reads_back_as_it_was_saved_with_who_and_when() {
        AlertPolicy sre = Presets.sreWorkbook(ObjectiveWindow.rolling(30));

        SavedPolicy saved = store.save("search", "availability", sre, "alice");

        assertThat(saved.policy()).isEqualTo(sre);
        assertThat(saved.savedBy()).isEqualTo("alice");
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.savedAt()).as("the application's clock").isEqualTo(CLOCK.instant());
        assertThat(store.current("search", "availability")).contains(saved);
    }

    @Test
    void saving_again_makes_a_new_current_version_and_keeps_the_ones_before_even_within_the_same_instant() {
        SavedPolicy first = store.save("billing", "availability", Presets.pyrra(ObjectiveWindow.rolling(28)), "alice");
        SavedPolicy second = store.save("billing", "availability", CUSTOM, "bob");

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.current("billing", "availability")).contains(second);
        assertThat(store.versions("billing", "availability")).containsExactly(first, second);
        assertThat(second.policy()).as("single windows, for, keep_firing_for and min requests kept").isEqualTo(CUSTOM);
    }

    @Test
    void each_objective_of_a_service_has_its_own_current_policy() {
        store.save("catalog", "availability", CUSTOM, "alice");
        SavedPolicy latency = store.save("catalog", "latency", Presets.sreWorkbook(ObjectiveWindow.CALENDAR_MONTH), "bob");
        SavedPolicy availability = store.save("catalog", "availability", Presets.pyrra(ObjectiveWindow.CALENDAR_MONTH),
                "carol");

        assertThat(store.currentOf("catalog")).containsExactly(availability, latency);
        assertThat(store.current("catalog", "nope")).isEmpty();
        assertThat(store.currentOf("nothing-saved")).isEmpty();
    }
}
