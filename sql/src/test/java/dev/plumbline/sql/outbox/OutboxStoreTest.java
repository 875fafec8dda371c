package dev.plumbline.sql.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.outbox.Notification.Attachment;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry.State;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class OutboxStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static TestDatabase database;

    @BeforeAll
    static void setUp(TestDatabase db) {
        database = db.migrate();
    }

    private static OutboxStore storeAt(Instant now) {
        return new OutboxStore(database.clickHouse(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Notification mail(String id) {
        return new Notification(id, Channel.EMAIL, "executives", List.of("ceo@example.com", "cfo@example.com"),
                "Weekly summary", "<p>ARR within objectives: 97%</p>", "text/html",
                List.of(Attachment.inline("chart", "chart.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0}),
                        Attachment.file("review.pdf", "application/pdf", "%PDF-1.7 bytes".getBytes(StandardCharsets.UTF_8))),
                "subscription weekly-exec", Origin.DIGEST, "weekly-exec");
    }

    @Test
    void an_enqueued_notification_reads_back_whole_and_pending_due_now() {
        OutboxStore store = storeAt(NOW);
        Notification sent = mail("digest:weekly-exec:2026-11-16");

        OutboxEntry entry = store.enqueue(sent);

        OutboxEntry read = store.find(sent.id()).orElseThrow();
        assertThat(read).isEqualTo(entry);
        assertThat(read.notification()).isEqualTo(sent);
        assertThat(read.state()).isEqualTo(State.PENDING);
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(store.due(100)).extracting(OutboxEntry::id).contains(sent.id());
    }

    @Test
    void enqueueing_the_same_id_again_keeps_the_first_and_its_state() {
        OutboxStore store = storeAt(NOW);
        Notification first = mail("trigger:health:acme:firing:1");
        store.markSent(store.enqueue(first), 1);

        OutboxEntry again = storeAt(NOW.plusSeconds(60)).enqueue(new Notification(first.id(), Channel.WEBHOOK, "other",
                List.of(), "changed", "{}", "application/json", List.of(), "again", Origin.TRIGGER, "health"));

        assertThat(again.state()).as("a sent notification is not made pending again").isEqualTo(State.SENT);
        assertThat(store.find(first.id()).orElseThrow().notification()).isEqualTo(first);
    }

    @Test
    void a_retry_waits_until_its_time_and_a_sent_or_failed_one_is_never_due() {
        OutboxStore store = storeAt(NOW);
        OutboxEntry retried = store.enqueue(mail("a:retried"));
        OutboxEntry sent = store.enqueue(mail("a:sent"));
        OutboxEntry failed = store.enqueue(mail("a:failed"));

        store.retryLater(retried, 1, "connection refused", NOW.plus(Duration.ofMinutes(2)));
        store.markSent(sent, 1);
        store.giveUp(failed, 5, "550 mailbox unavailable");

        assertThat(ids(storeAt(NOW.plusSeconds(119)).due(100))).doesNotContain("a:retried", "a:sent", "a:failed");
        assertThat(ids(storeAt(NOW.plusSeconds(120)).due(100))).contains("a:retried").doesNotContain("a:sent", "a:failed");
        OutboxEntry stillPending = store.find("a:retried").orElseThrow();
        assertThat(stillPending.attempts()).isEqualTo(1);
        assertThat(stillPending.lastError()).isEqualTo("connection refused");
        assertThat(store.find("a:sent").orElseThrow().sentAt()).isEqualTo(NOW);
        assertThat(store.find("a:failed").orElseThrow())
                .extracting(OutboxEntry::state, OutboxEntry::attempts, OutboxEntry::lastError, OutboxEntry::sentAt)
                .containsExactly(State.FAILED, 5, "550 mailbox unavailable", null);
    }

    @Test
    void the_history_is_newest_first_within_the_range_and_of_one_origin_when_asked() {
        Instant day = Instant.parse("2026-10-05T00:00:00Z");
        storeAt(day.plusSeconds(10)).enqueue(mail("h:digest-1"));
        storeAt(day.plusSeconds(20)).enqueue(new Notification("h:trigger-1", Channel.ALERTMANAGER, "team-am", List.of(),
                "health below 80", "[]", "application/json", List.of(), "trigger health", Origin.TRIGGER, "health"));
        storeAt(day.plusSeconds(30)).enqueue(mail("h:digest-2"));
        storeAt(day.plus(Duration.ofDays(1))).enqueue(mail("h:next-day"));

        OutboxStore store = storeAt(day);
        assertThat(ids(store.history(day, day.plus(Duration.ofDays(1)), null, 10)))
                .containsExactly("h:digest-2", "h:trigger-1", "h:digest-1");
        assertThat(ids(store.history(day, day.plus(Duration.ofDays(1)), Origin.DIGEST, 10)))
                .containsExactly("h:digest-2", "h:digest-1");
        assertThat(ids(store.history(day, day.plus(Duration.ofDays(1)), null, 2))).hasSize(2);
        assertThat(store.history(day, day.plus(Duration.ofDays(1)), Origin.DIGEST, 1).getFirst().notification()
                .attachments()).extracting(Attachment::name, a -> a.bytes().length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chart.png", 0), org.assertj.core.groups.Tuple.tuple("review.pdf", 0));
    }

    private static List<String> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }
}
