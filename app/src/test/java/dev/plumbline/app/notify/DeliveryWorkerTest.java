package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.config.DestinationProperties;
import dev.plumbline.app.config.RetryProperties;
import dev.plumbline.app.config.SmtpProperties;
import dev.plumbline.app.notify.Receiver.Answer;
import dev.plumbline.app.notify.Receiver.Request;
import dev.plumbline.app.testing.MovableClock;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxEntry.State;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The delivery worker against a real outbox (ClickHouse) and a real HTTP receiver, on a clock the test moves. */
@ExtendWith(ClickHouseExtension.class)
class DeliveryWorkerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration INITIAL = Duration.ofSeconds(30);
    private static TestDatabase database;

    private final Receiver receiver = new Receiver();
    private MovableClock clock;
    private OutboxStore outbox;

    @BeforeAll
    static void migrate(TestDatabase db) {
        database = db.migrate();
    }

    @BeforeEach
    void emptyOutbox() {
        database.clickHouse().execute(new NamedQuery("empty outbox", "TRUNCATE TABLE notification_outbox"));
        clock = new MovableClock(NOW);
        outbox = new OutboxStore(database.clickHouse(), clock);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private DeliveryWorker worker(int maxAttempts, DestinationProperties... destinations) {
        return new DeliveryWorker(outbox, new Destinations(List.of(destinations)),
                new HttpSender(Duration.ofSeconds(5), clock),
                new MailSender(new SmtpProperties(null, 587, null, null, null, "required", false, Duration.ofSeconds(5))),
                new Backoff(new RetryProperties(INITIAL, 2, Duration.ofMinutes(10), maxAttempts)), clock);
    }

    private DestinationProperties destination(String name, String kind, String path, String authorization) {
        return new DestinationProperties(name, kind, receiver.url(path).toString(), null, authorization);
    }

    private static Notification notification(String id, Channel channel, String destination, String body) {
        return new Notification(id, channel, destination, List.of(), "health below 0.8 for acme", body,
                "application/json", List.of(), "trigger health-low crossed for acme", Origin.TRIGGER, "health-low");
    }

    @Test
    void webhook_slack_and_tracker_posts_carry_the_body_byte_for_byte_its_type_the_key_and_the_authorization() {
        String webhook = "{\"version\":\"4\",\"status\":\"firing\",\"commonLabels\":{\"customer\":\"Acmé — 東京\"}}";
        String slack = "{\"text\":\"Acme's health fell to 0.71 :warning:\"}";
        String tracker = "{\"title\":\"Fix checkout latency\",\"body\":\"owner: dana\"}";
        outbox.enqueue(notification("t:webhook", Channel.WEBHOOK, "ops-hook", webhook));
        outbox.enqueue(notification("t:slack", Channel.SLACK, "ops-slack", slack));
        outbox.enqueue(notification("t:tracker", Channel.TRACKER, "issues", tracker));

        List<OutboxEntry> after = worker(5, destination("ops-hook", "webhook", "/hook", "Bearer hook-secret"),
                destination("ops-slack", "slack", "/services/T0/B0/x", null),
                destination("issues", "tracker", "/repos/acme/shop/issues", "token gh-secret")).deliverDue(10);

        assertThat(after).extracting(OutboxEntry::state).containsOnly(State.SENT);
        Map<String, Request> byPath = new java.util.HashMap<>();
        receiver.requests().forEach(r -> byPath.put(r.path(), r));
        assertThat(byPath).containsOnlyKeys("/hook", "/services/T0/B0/x", "/repos/acme/shop/issues");
        Request hook = byPath.get("/hook");
        assertThat(hook.method()).isEqualTo("POST");
        assertThat(hook.body()).isEqualTo(webhook.getBytes(StandardCharsets.UTF_8));
        assertThat(hook.header("Content-Type")).isEqualTo("application/json");
        assertThat(hook.header("Idempotency-Key")).isEqualTo("t:webhook");
        assertThat(hook.header("Authorization")).isEqualTo("Bearer hook-secret");
        Request toSlack = byPath.get("/services/T0/B0/x");
        assertThat(toSlack.body()).isEqualTo(slack.getBytes(StandardCharsets.UTF_8));
        assertThat(toSlack.header("Idempotency-Key")).isEqualTo("t:slack");
        assertThat(toSlack.header("Authorization")).as("none configured, none sent").isNull();
        assertThat(byPath.get("/repos/acme/shop/issues").header("Authorization")).isEqualTo("token gh-secret");
        assertThat(outbox.find("t:webhook").orElseThrow()).extracting(OutboxEntry::attempts, OutboxEntry::sentAt)
                .containsExactly(1, NOW);
    }

    @Test
    void a_destination_that_fails_twice_is_retried_after_the_backoff_and_sent_once() {
        receiver.answer(Answer.of(503, "busy"), Answer.of(503, "still busy"));
        DeliveryWorker worker = worker(5, destination("ops-hook", "webhook", "/hook", null));
        outbox.enqueue(notification("t:flaky", Channel.WEBHOOK, "ops-hook", "{}"));

        worker.deliverDue(10);
        OutboxEntry first = outbox.find("t:flaky").orElseThrow();
        assertThat(first).extracting(OutboxEntry::state, OutboxEntry::attempts, OutboxEntry::lastError,
                OutboxEntry::nextAttemptAt).containsExactly(State.PENDING, 1, "HTTP 503: busy", NOW.plus(INITIAL));

        clock.advance(INITIAL.minusSeconds(1));
        assertThat(worker.deliverDue(10)).as("not due before its backoff").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue(10);
        assertThat(outbox.find("t:flaky").orElseThrow()).extracting(OutboxEntry::attempts, OutboxEntry::nextAttemptAt)
                .containsExactly(2, clock.instant().plus(INITIAL.multipliedBy(2)));

        clock.advance(INITIAL.multipliedBy(2));
        worker.deliverDue(10);
        clock.advance(Duration.ofHours(1));
        worker.deliverDue(10);

        OutboxEntry sent = outbox.find("t:flaky").orElseThrow();
        assertThat(sent.state()).isEqualTo(State.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(receiver.requests()).hasSize(3).extracting(r -> r.header("Idempotency-Key")).containsOnly("t:flaky");
    }

    @Test
    void a_refusal_gives_up_at_once_with_the_status_and_the_answer() {
        receiver.answer(Answer.of(400, "{\"error\":\"labels: missing alertname\"}"));
        DeliveryWorker worker = worker(5, destination("am", "alertmanager", "/", null));
        outbox.enqueue(notification("t:refused", Channel.ALERTMANAGER, "am", "[{}]"));

        worker.deliverDue(10);
        clock.advance(Duration.ofHours(2));
        worker.deliverDue(10);

        assertThat(outbox.find("t:refused").orElseThrow()).extracting(OutboxEntry::state, OutboxEntry::attempts,
                OutboxEntry::lastError).containsExactly(State.FAILED, 1, "HTTP 400: {\"error\":\"labels: missing alertname\"}");
        assertThat(receiver.requests()).singleElement().extracting(Request::path).isEqualTo("/api/v2/alerts");
    }

    @Test
    void too_many_requests_waits_as_long_as_retry_after_asks() {
        receiver.answer(new Answer(429, "slow down", Map.of("Retry-After", "600")));
        DeliveryWorker worker = worker(5, destination("ops-slack", "slack", "/slack", null));
        outbox.enqueue(notification("t:throttled", Channel.SLACK, "ops-slack", "{}"));

        worker.deliverDue(10);

        assertThat(outbox.find("t:throttled").orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void a_destination_that_keeps_failing_is_given_up_after_the_last_attempt() {
        receiver.answer(Answer.of(500, "down"), Answer.of(502, "bad gateway"), Answer.of(200, "never reached"));
        DeliveryWorker worker = worker(2, destination("ops-hook", "webhook", "/hook", null));
        outbox.enqueue(notification("t:down", Channel.WEBHOOK, "ops-hook", "{}"));

        worker.deliverDue(10);
        clock.advance(Duration.ofHours(1));
        worker.deliverDue(10);
        clock.advance(Duration.ofHours(1));
        worker.deliverDue(10);

        assertThat(outbox.find("t:down").orElseThrow()).extracting(OutboxEntry::state, OutboxEntry::attempts,
                OutboxEntry::lastError).containsExactly(State.FAILED, 2, "HTTP 502: bad gateway (gave up after 2 attempts)");
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void a_connection_that_is_refused_is_retried() {
        receiver.close();   // nothing listens on its port any more
        DeliveryWorker worker = worker(5, destination("ops-hook", "webhook", "/hook", null));
        outbox.enqueue(notification("t:refused-connection", Channel.WEBHOOK, "ops-hook", "{}"));

        worker.deliverDue(10);

        OutboxEntry entry = outbox.find("t:refused-connection").orElseThrow();
        assertThat(entry.state()).isEqualTo(State.PENDING);
        assertThat(entry.lastError()).startsWith("ConnectException");
        assertThat(entry.nextAttemptAt()).isEqualTo(NOW.plus(INITIAL));
    }

    @Test
    void a_destination_no_longer_configured_or_of_another_kind_gives_up_saying_so() {
        DeliveryWorker worker = worker(5, destination("ops-slack", "slack", "/slack", null));
        outbox.enqueue(notification("t:gone", Channel.WEBHOOK, "removed-hook", "{}"));
        outbox.enqueue(notification("t:kind", Channel.WEBHOOK, "ops-slack", "{}"));

        worker.deliverDue(10);

        assertThat(outbox.find("t:gone").orElseThrow()).extracting(OutboxEntry::state, OutboxEntry::lastError)
                .containsExactly(State.FAILED, "destination: 'removed-hook' is not configured "
                        + "(plumbline.notify.destinations.removed-hook)");
        assertThat(outbox.find("t:kind").orElseThrow().lastError())
                .isEqualTo("destination: 'ops-slack' is a slack destination, this notification is webhook");
        assertThat(receiver.requests()).isEmpty();
    }
}
