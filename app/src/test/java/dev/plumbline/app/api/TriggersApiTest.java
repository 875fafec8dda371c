package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import dev.plumbline.sql.triggers.TriggerEvaluation;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /api/v1/triggers over HTTP on the planted platform: the whole life of a trigger, every bad value refused naming
 * its field, send test, and an evaluation by the application's own beans whose crossings are the planted truth.
 */
@ExtendWith(ClickHouseExtension.class)
class TriggersApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, destinations());
    }

    /** The destinations every trigger test names. */
    static Map<String, Object> destinations() {
        Map<String, Object> p = new HashMap<>();
        p.put("plumbline.notify.destinations.am.kind", "alertmanager");
        p.put("plumbline.notify.destinations.am.url", "http://127.0.0.1:9");
        p.put("plumbline.notify.destinations.oncall.kind", "webhook");
        p.put("plumbline.notify.destinations.oncall.url", "http://127.0.0.1:9/hook");
        p.put("plumbline.notify.destinations.cs-mail.kind", "email");
        p.put("plumbline.notify.destinations.cs-mail.recipients", "cs@example.com");
        p.put("plumbline.notify.destinations.jira.kind", "tracker");
        p.put("plumbline.notify.destinations.jira.url", "http://127.0.0.1:9/issue");
        p.put("plumbline.web.external-url", "https://plumbline.example.com");
        return p;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String body(Map<String, Object> changes) {
        Map<String, Object> b = new HashMap<>(Map.of("name", "enterprise billing burn", "figure", "slice-burn-rate",
                "service", "billing", "windowHours", 6, "comparison", "above", "threshold", 10,
                "segment", "enterprise", "destination", "oncall", "owner", "ana@example.com"));
        b.putAll(changes);
        b.values().removeIf(v -> v == null || "<absent>".equals(v));
        try {
            return JSON.writeValueAsString(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode created(Map<String, Object> changes) throws Exception {
        HttpResponse<String> r = app.send("POST", "/api/v1/triggers", body(changes), RunningApp.basic("pm"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    @Test
    void a_trigger_is_created_listed_changed_and_deleted() throws Exception {
        JsonNode made = created(Map.of("id", "life", "cooldownMinutes", 30, "onlyOnce", true));
        assertThat(made.get("version").asInt()).isEqualTo(1);
        assertThat(made.get("savedBy").asText()).isEqualTo("pm");
        assertThat(made.get("cooldownMinutes").asInt()).isEqualTo(30);
        assertThat(made.get("enabled").asBoolean()).isTrue();
        assertThat(made.get("includeMoney").asBoolean()).isFalse();
        assertThat(made.get("labels").size()).as("none of its own: severity is warning on the messages").isZero();

        JsonNode listed = JSON.readTree(app.getAs("admin", "/api/v1/triggers").body());
        assertThat(listed.findValuesAsText("id")).contains("life");
        HttpResponse<String> changed = app.send("PUT", "/api/v1/triggers/life",
                body(Map.of("threshold", 14.4, "name", "renamed")), RunningApp.basic("admin"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode got = JSON.readTree(app.getAs("pm", "/api/v1/triggers/life").body());
        assertThat(got.get("version").asInt()).isEqualTo(2);
        assertThat(got.get("threshold").asDouble()).isEqualTo(14.4);
        assertThat(got.get("name").asText()).isEqualTo("renamed");
        assertThat(got.get("onlyOnce").asBoolean()).isFalse();   // a PUT is the whole trigger: defaults where absent

        assertThat(app.send("DELETE", "/api/v1/triggers/life", null, RunningApp.basic("pm")).statusCode()).isEqualTo(204);
        assertThat(app.getAs("pm", "/api/v1/triggers/life").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(app.getAs("pm", "/api/v1/triggers").body()).findValuesAsText("id")).doesNotContain("life");
    }

    @Test
    void a_triggers_labels_are_kept_and_given_back_sorted() throws Exception {
        JsonNode made = created(Map.of("id", "labelled", "labels", Map.of("team", "payments", "severity", "page")));
        assertThat(JSON.convertValue(made.get("labels"), Map.class)).isEqualTo(Map.of("severity", "page", "team", "payments"));
        JsonNode got = JSON.readTree(app.getAs("pm", "/api/v1/triggers/labelled").body());
        assertThat(got.get("labels").fieldNames()).toIterable().containsExactly("severity", "team");
        assertThat(got.get("labels").get("team").asText()).isEqualTo("payments");
    }

    @Test
    void a_taken_id_is_a_conflict() throws Exception {
        created(Map.of("id", "taken"));
        HttpResponse<String> again = app.send("POST", "/api/v1/triggers", body(Map.of("id", "taken")),
                RunningApp.basic("pm"));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void every_bad_value_is_a_400_naming_its_field_and_nothing_is_saved() throws Exception {
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("destination", Map.of("destination", "nowhere"));
        cases.put("destination ", Map.of("destination", "jira"));
        cases.put("figure", Map.of("figure", "happiness"));
        cases.put("segment", Map.of("segment", "galactic"));
        cases.put("cooldownMinutes", Map.of("cooldownMinutes", -5));
        cases.put("service", Map.of("service", "teleport"));
        cases.put("service ", Map.of("service", "<absent>"));
        cases.put("owner", Map.of("owner", " "));
        cases.put("name", Map.of("name", "<absent>"));
        cases.put("comparison", Map.of("comparison", "sideways"));
        cases.put("threshold", Map.of("threshold", -1));
        cases.put("threshold ", Map.of("figure", "health", "service", "<absent>", "threshold", 101));
        cases.put("windowHours", Map.of("windowHours", 0));
        cases.put("customerIds", Map.of("customerIds", List.of("big", "nobody")));
        cases.put("arrAbove", Map.of("arrAbove", -100));
        cases.put("renewingWithinDays", Map.of("renewingWithinDays", -1));
        cases.put("includeMoney", Map.of("figure", "service-revenue-at-risk", "threshold", 1000));
        cases.put("id", Map.of("id", "Not An Id!"));
        cases.put("labels", Map.of("labels", Map.of("9lives", "x")));
        cases.put("labels ", Map.of("labels", Map.of("__name__", "x")));
        cases.put("labels.owner", Map.of("labels", Map.of("owner", "someone else")));
        cases.put("labels.team", Map.of("labels", Map.of("team", " ")));
        int before = JSON.readTree(app.getAs("pm", "/api/v1/triggers").body()).size();
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            HttpResponse<String> r = app.send("POST", "/api/v1/triggers", body(c.getValue()), RunningApp.basic("pm"));
            assertThat(r.statusCode()).as(c.getKey() + ": " + r.body()).isEqualTo(400);
            ApiError error = app.json(r.body(), ApiError.class);
            assertThat(error.details()).as(c.getKey()).singleElement()
                    .satisfies(d -> assertThat(d.field()).isEqualTo(c.getKey().strip()));
        }
        HttpResponse<String> empty = app.send("POST", "/api/v1/triggers", null, RunningApp.basic("pm"));
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat(JSON.readTree(app.getAs("pm", "/api/v1/triggers").body()).size()).isEqualTo(before);
    }

    @Test
    void an_unknown_id_is_a_404_everywhere() {
        Map<String, String> pm = RunningApp.basic("pm");
        assertThat(app.getAs("pm", "/api/v1/triggers/nope").statusCode()).isEqualTo(404);
        assertThat(app.send("PUT", "/api/v1/triggers/nope", body(Map.of()), pm).statusCode()).isEqualTo(404);
        assertThat(app.send("DELETE", "/api/v1/triggers/nope", null, pm).statusCode()).isEqualTo(404);
        assertThat(app.getAs("pm", "/api/v1/triggers/nope/state").statusCode()).isEqualTo(404);
        assertThat(app.send("POST", "/api/v1/triggers/nope/test", null, pm).statusCode()).isEqualTo(404);
    }

    @Test
    void send_test_enqueues_a_test_message_to_the_triggers_destination() throws Exception {
        created(Map.of("id", "tested"));

        HttpResponse<String> r = app.send("POST", "/api/v1/triggers/tested/test", null, RunningApp.basic("pm"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(r.body());
        OutboxEntry entry = app.bean(OutboxStore.class).find(answer.get("id").asText()).orElseThrow();
        Notification n = entry.notification();
        assertThat(n.origin()).isEqualTo(Notification.Origin.TEST);
        assertThat(n.originId()).isEqualTo("tested");
        assertThat(n.destination()).isEqualTo("oncall");
        assertThat(n.channel()).isEqualTo(Notification.Channel.WEBHOOK);
        JsonNode payload = JSON.readTree(n.body());
        assertThat(payload.get("version").asText()).isEqualTo("4");
        assertThat(payload.get("commonLabels").get("owner").asText()).isEqualTo("ana@example.com");
        assertThat(answer.get("state").asText()).isEqualTo("pending");
    }

    @Test
    void money_needs_view_money_and_a_money_figure_carries_it() throws Exception {
        JsonNode made = created(Map.of("id", "money", "figure", "service-revenue-at-risk", "service", "<absent>",
                "segment", "<absent>", "threshold", 1000, "includeMoney", true, "arrAbove", 100000));
        assertThat(made.get("includeMoney").asBoolean()).isTrue();
        assertThat(made.get("arrAbove").asDouble()).isEqualTo(100000);
    }

    @Test
    void an_evaluation_enqueues_the_crossings_the_planted_requests_say_and_the_state_shows_them() throws Exception {
        Instant burst = Instant.parse("2026-10-06T06:00:00Z");
        created(Map.of("id", "burst", "destination", "am"));
        Set<String> expected = new TreeSet<>();
        for (String customer : List.of("big", "eu-ops")) {   // the enterprise customers, burning billing's budget 10x?
            List<PlantedPlatform.Request> in = PlantedPlatform.requests().stream().filter(q -> q.service()
                    .equals("billing") && q.customer().equals(customer) && !q.hour().isBefore(burst.minusSeconds(6 * 3600))
                    && q.hour().isBefore(burst)).toList();
            if ((double) in.stream().filter(PlantedPlatform.Request::error).count() / in.size() / 0.001 > 10) {
                expected.add(customer);
            }
        }
        assertThat(expected).isNotEmpty();

        TriggerEvaluation.Outcome outcome = app.bean(TriggerEvaluation.class).evaluateAll(burst).stream()
                .filter(o -> o.triggerId().equals("burst")).findFirst().orElseThrow();

        assertThat(outcome.error()).isEmpty();
        Set<String> enqueuedFor = new TreeSet<>();
        for (String id : outcome.notificationIds()) {
            Notification n = app.bean(OutboxStore.class).find(id).orElseThrow().notification();
            assertThat(n.channel()).isEqualTo(Notification.Channel.ALERTMANAGER);
            assertThat(n.origin()).isEqualTo(Notification.Origin.TRIGGER);
            JsonNode alert = JSON.readTree(n.body()).get(0);
            assertThat(alert.get("labels").get("owner").asText()).isEqualTo("ana@example.com");
            assertThat(alert.get("annotations").get("link").asText()).startsWith("https://plumbline.example.com/customer?id=");
            enqueuedFor.add(alert.get("labels").get("customer").asText());
        }
        assertThat(enqueuedFor).isEqualTo(expected);
        JsonNode state = JSON.readTree(app.getAs("pm", "/api/v1/triggers/burst/state").body());
        Set<String> firing = new TreeSet<>();
        state.forEach(s -> {
            if (s.get("firing").asBoolean()) {
                firing.add(s.get("subject").asText());
                assertThat(Instant.parse(s.get("since").asText())).isEqualTo(burst);
            }
        });
        assertThat(firing).isEqualTo(expected);
    }
}
