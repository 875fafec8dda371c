package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.app.testing.TcpRelay;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxEntry.State;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole application's delivery across restarts, on one database: a sent notification is never sent again; one
 * whose send happened but whose mark was never written is sent once more, with the same Idempotency-Key, and no more.
 */
@ExtendWith(ClickHouseExtension.class)
class DeliveryRestartTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static TestDatabase database;
    private final Receiver receiver = new Receiver();

    @BeforeAll
    static void migrate(TestDatabase db) {
        database = db.migrate();
    }

    @BeforeEach
    void emptyOutbox() {
        database.clickHouse().execute(new NamedQuery("empty outbox", "TRUNCATE TABLE notification_outbox"));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Map<String, Object> settings(String clickHouseUrl) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("plumbline.notify.delivery.interval", "50ms");
        settings.put("plumbline.notify.destinations.ops-hook.kind", "webhook");
        settings.put("plumbline.notify.destinations.ops-hook.url", receiver.url("/hook").toString());
        if (clickHouseUrl != null) {
            settings.put("plumbline.clickhouse.url", clickHouseUrl);
        }
        return settings;
    }

    private static Notification webhook(String id) {
        return new Notification(id, Channel.WEBHOOK, "ops-hook", List.of(), "health below 0.8 for acme",
                "{\"id\":\"" + id + "\"}", "application/json", List.of(), "test", Origin.TEST, "restart");
    }

    /** The outbox as the database holds it, read without any application. */
    private static OutboxStore outbox() {
        return new OutboxStore(database.clickHouse(), Clock.fixed(RunningApp.NOW, ZoneOffset.UTC));
    }

    private List<String> keys() {
        return receiver.requests().stream().map(r -> r.header("Idempotency-Key")).toList();
    }

    private static OutboxEntry awaitState(String id, State state) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            OutboxEntry entry = outbox().find(id).orElseThrow();
            if (entry.state() == state) {
                return entry;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " not " + state + " within " + WITHIN + ": " + entry);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void a_restart_sends_what_was_pending_and_never_again_what_was_sent() throws Exception {
        try (RunningApp first = RunningApp.start(database, settings(null))) {
            first.bean(OutboxStore.class).enqueue(webhook("restart:sent"));
            awaitState("restart:sent", State.SENT);
        }
        outbox().enqueue(webhook("restart:pending"));   // recorded while no application runs
        assertThat(outbox().find("restart:pending").orElseThrow().state()).isEqualTo(State.PENDING);

        try (RunningApp second = RunningApp.start(database, settings(null))) {
            receiver.await(r -> keys().contains("restart:pending"), WITHIN, "the pending one is sent after the restart");
            awaitState("restart:pending", State.SENT);
        }

        assertThat(keys()).containsExactly("restart:sent", "restart:pending");
    }

    @Test
    void a_send_whose_mark_was_lost_is_sent_once_more_with_the_same_key_after_the_restart() throws Exception {
        AtomicBoolean cut = new AtomicBoolean();
        try (TcpRelay relay = TcpRelay.to(database.spec().httpUrl());
             RunningApp first = RunningApp.start(database, settings(relay.url("http")))) {
            receiver.beforeAnswer(() -> {   // the destination takes it, and ClickHouse goes before the mark
                if (cut.compareAndSet(false, true)) {
                    relay.cut();
                }
            });
            first.bean(OutboxStore.class).enqueue(webhook("crash:1"));
            receiver.await(r -> r.size() == 1, WITHIN, "the first send");
        }
        receiver.beforeAnswer(() -> { });
        assertThat(outbox().find("crash:1").orElseThrow()).as("the mark never reached ClickHouse")
                .extracting(OutboxEntry::state, OutboxEntry::attempts).containsExactly(State.PENDING, 0);

        try (RunningApp second = RunningApp.start(database, settings(null))) {
            receiver.await(r -> r.size() == 2, WITHIN, "the re-send after the restart");
            awaitState("crash:1", State.SENT);
            second.bean(OutboxStore.class).enqueue(webhook("crash:later"));   // proof that the worker ran on after it
            receiver.await(r -> keys().contains("crash:later"), WITHIN, "a later notification");
            awaitState("crash:later", State.SENT);
        }

        assertThat(keys()).as("once before the crash, once after, never a third time")
                .containsExactly("crash:1", "crash:1", "crash:later");
        assertThat(receiver.requests().get(0).body()).isEqualTo(receiver.requests().get(1).body());
    }
}
