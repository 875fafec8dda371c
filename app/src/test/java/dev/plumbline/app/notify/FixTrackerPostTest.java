package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tracked fix posted to an issue tracker (GitHub's create-an-issue shape) through the outbox and the delivery
 * worker, to a real HTTP receiver standing in for the tracker.
 */
@ExtendWith(ClickHouseExtension.class)
class FixTrackerPostTest {

    private static final String FIX = "{\"title\":\"Roll back billing 2.3\",\"service\":\"billing\","
            + "\"problem\":\"availability\",\"customers\":[\"big\",\"c2\"],\"owner\":\"alice\","
            + "\"targetDate\":\"2026-12-01\",\"hypothesis\":{\"figure\":\"error_ratio\",\"comparison\":\"below\","
            + "\"value\":0.001}}";
    private static final Receiver TRACKER = new Receiver();
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of(
                "plumbline.notify.destinations.github.kind", "tracker",
                "plumbline.notify.destinations.github.url", TRACKER.url("/repos/acme/platform/issues").toString(),
                "plumbline.notify.destinations.github.authorization", "Bearer ghp-test",
                "plumbline.notify.delivery.interval", "50ms",
                "plumbline.fixes.tracker.destination", "github",
                "plumbline.fixes.tracker.preset", "github",
                "plumbline.web.external-url", "https://plumbline.example.com"));
    }

    @AfterAll
    static void stop() {
        app.close();
        TRACKER.close();
    }

    @Test
    void a_tracked_fix_is_posted_once_as_a_github_issue_naming_its_owner_and_linking_back() throws Exception {
        HttpResponse<String> r = app.send("POST", "/api/v1/fixes", FIX, RunningApp.basic("pm"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = app.jsonMap(r.body()).get("id").toString();

        List<Receiver.Request> received = TRACKER.await(rs -> !rs.isEmpty(), Duration.ofSeconds(30),
                "the fix posted to the tracker");

        Receiver.Request post = received.getFirst();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/repos/acme/platform/issues");
        assertThat(post.header("Authorization")).isEqualTo("Bearer ghp-test");
        assertThat(post.header("Idempotency-Key")).isEqualTo("fix:" + id + ":tracker");
        Map<String, Object> issue = app.jsonMap(post.text());
        assertThat(issue).containsEntry("title", "Roll back billing 2.3")
                .containsEntry("labels", List.of("plumbline", "billing"));
        assertThat(issue.get("body").toString()).contains("Owner: alice", "big, c2", "error_ratio below 0.001",
                "https://plumbline.example.com/improvements");
        Notification recorded = app.bean(OutboxStore.class).find("fix:" + id + ":tracker").orElseThrow().notification();
        assertThat(recorded.origin()).isEqualTo(Notification.Origin.FIX);
        assertThat(recorded.originId()).isEqualTo(id);
    }
}
