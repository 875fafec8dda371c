package dev.plumbline.sql.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.digests.Subscription.Address;
import dev.plumbline.sql.digests.Subscription.Audience;
import dev.plumbline.sql.digests.Subscription.Recipients;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class SubscriptionStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static SubscriptionStore store;

    @BeforeAll
    static void setUp(TestDatabase db) {
        store = new SubscriptionStore(db.migrate().clickHouse(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_created_subscription_reads_back_whole() {
        Recipients list = new Recipients(Audience.LIST, "", "", List.of(new Address("cto@example.com", "exec"),
                new Address("sre@example.com", "engineer")));
        Subscription created = store.create(DigestKind.MONTHLY_PSR_REVIEW, Schedule.parse("@first-working-day 08:00"),
                ZoneId.of("America/New_York"), list, "admin", true);

        assertThat(store.find(created.id())).contains(created);
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(store.all()).contains(created);
    }

    @Test
    void a_user_lists_only_their_own_and_a_change_replaces_the_version_before() {
        Subscription mine = store.create(DigestKind.DAILY_WHAT_CHANGED, Schedule.parse("0 7 * * *"),
                ZoneId.of("Europe/Berlin"), Recipients.user("pat", "pat@example.com"), "pat", true);
        store.create(DigestKind.DAILY_WHAT_CHANGED, Schedule.parse("0 7 * * *"), ZoneId.of("Europe/Berlin"),
                Recipients.user("sam", "sam@example.com"), "sam", true);

        Subscription changed = store.update(new Subscription(mine.id(), mine.kind(), Schedule.parse("15 6 * * 1-5"),
                mine.zone(), mine.recipients(), mine.createdBy(), mine.createdAt(), false));

        assertThat(store.ofUser("pat")).containsExactly(changed);
    }

    @Test
    void a_deleted_subscription_is_gone() {
        Subscription s = store.create(DigestKind.WEEKLY_EXECUTIVE_SUMMARY, Schedule.parse("0 8 * * 1"),
                ZoneId.of("UTC"), Recipients.user("kim", "kim@example.com"), "kim", true);

        store.delete(s);

        assertThat(store.find(s.id())).isEmpty();
        assertThat(store.all()).doesNotContain(s);
    }

    @Test
    void the_last_run_recorded_is_the_one_read_back() {
        store.recordRun("sub-x", Instant.parse("2026-11-09T07:00:00Z"), "digest:sub-x:2026-11-09T07:00:00Z");
        store.recordRun("sub-x", Instant.parse("2026-11-16T07:00:00Z"), "digest:sub-x:2026-11-16T07:00:00Z");

        assertThat(store.lastRuns()).containsEntry("sub-x", Instant.parse("2026-11-16T07:00:00Z"));
    }

    @Test
    void bad_recipients_and_zones_are_refused_naming_the_field() {
        assertThatThrownBy(() -> Recipients.user("pat", "not-an-address"))
                .hasMessageStartingWith("addresses: 'not-an-address'");
        assertThatThrownBy(() -> new Recipients(Audience.ROLE, "", "", List.of(new Address("a@example.com", ""))))
                .hasMessageStartingWith("role: ");
        assertThatThrownBy(() -> new Recipients(Audience.LIST, "", "", List.of(new Address("a@example.com", ""))))
                .hasMessageStartingWith("addresses: every address");
        assertThatThrownBy(() -> Subscription.zone("Mars/Olympus")).hasMessageStartingWith("zone: 'Mars/Olympus'");
    }
}
