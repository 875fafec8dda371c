package dev.plumbline.app.digests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.api.ApiError;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.digests.SubscriptionStore;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /api/v1/subscriptions, the scheduler's evaluation and what they put in the outbox (read back from it). */
@ExtendWith(ClickHouseExtension.class)
class SubscriptionsApiTest {

    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of("plumbline.digests.enabled", false));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String mine(String kind, String extra) {
        return "{\"kind\":\"" + kind + "\",\"zone\":\"Europe/Berlin\",\"addresses\":[{\"address\":\"me@example.com\"}]"
                + extra + "}";
    }

    private static Map<?, ?> created(String user, String body) {
        HttpResponse<String> r = app.send("POST", "/api/v1/subscriptions", body, RunningApp.basic(user));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return app.json(r.body(), Map.class);
    }

    @Test
    void a_user_subscribes_themselves_with_the_default_schedule_and_lists_only_their_own() {
        Map<?, ?> pm = created("pm", mine("weekly-executive-summary", ""));
        Map<?, ?> exec = created("exec", mine("monthly-psr-review", ""));

        assertThat(pm.get("schedule")).isEqualTo("0 8 * * 1");
        assertThat(pm.get("username")).isEqualTo("pm");
        assertThat(pm.get("audience")).isEqualTo("user");
        assertThat(exec.get("schedule")).isEqualTo("@first-working-day 08:00");
        List<Object> pmSees = app.jsonList(app.getAs("pm", "/api/v1/subscriptions").body()).stream()
                .map(s -> s.get("id")).toList();
        List<Object> adminSees = app.jsonList(app.getAs("admin", "/api/v1/subscriptions").body()).stream()
                .map(s -> s.get("id")).toList();
        assertThat(pmSees).contains(pm.get("id")).doesNotContain(exec.get("id"));
        assertThat(adminSees).contains(pm.get("id"), exec.get("id"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"kind":"hourly","zone":"UTC","addresses":[{"address":"a@example.com"}]}                                | 400 | kind
            {"kind":"daily-what-changed","schedule":"61 7 * * *","zone":"UTC","addresses":[{"address":"a@example.com"}]} | 400 | schedule
            {"kind":"daily-what-changed","zone":"Mars/Olympus","addresses":[{"address":"a@example.com"}]}          | 400 | zone
            {"kind":"daily-what-changed","addresses":[{"address":"a@example.com"}]}                                 | 400 | zone
            {"kind":"daily-what-changed","zone":"UTC","addresses":[{"address":"not-an-address"}]}                   | 400 | addresses
            {"kind":"daily-what-changed","zone":"UTC","addresses":[]}                                               | 400 | addresses
            {"kind":"daily-what-changed","zone":"UTC","audience":"team","addresses":[{"address":"a@example.com"}]}  | 400 | audience
            {"kind":"daily-what-changed","zone":"UTC","username":"exec","addresses":[{"address":"a@example.com"}]}  | 403 | username
            {"kind":"daily-what-changed","zone":"UTC","audience":"role","role":"exec","addresses":[{"address":"a@example.com"}]} | 403 | audience
            """)
    void a_bad_subscription_is_refused_naming_the_field(String body, int status, String field) {
        int before = app.jsonList(app.getAs("admin", "/api/v1/subscriptions").body()).size();

        HttpResponse<String> r = app.send("POST", "/api/v1/subscriptions", body, RunningApp.basic("pm"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(app.json(r.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo(field));
        assertThat(app.jsonList(app.getAs("admin", "/api/v1/subscriptions").body())).as("nothing written").hasSize(before);
    }

    @Test
    void an_administrators_list_needs_known_roles_and_another_users_id_is_not_found() {
        HttpResponse<String> badRole = app.send("POST", "/api/v1/subscriptions", "{\"kind\":\"daily-what-changed\","
                + "\"zone\":\"UTC\",\"audience\":\"list\",\"addresses\":[{\"address\":\"a@example.com\",\"role\":"
                + "\"boss\"}]}", RunningApp.basic("admin"));
        assertThat(badRole.statusCode()).as(badRole.body()).isEqualTo(400);
        assertThat(app.json(badRole.body(), ApiError.class).details().getFirst().field()).isEqualTo("addresses[0].role");

        String execs = created("exec", mine("daily-what-changed", "")).get("id").toString();
        for (String[] call : List.of(new String[] {"PUT", "/api/v1/subscriptions/" + execs},
                new String[] {"DELETE", "/api/v1/subscriptions/" + execs},
                new String[] {"POST", "/api/v1/subscriptions/" + execs + "/send-now"},
                new String[] {"PUT", "/api/v1/subscriptions/sub-nothing"})) {
            HttpResponse<String> r = app.send(call[0], call[1], call[0].equals("PUT")
                    ? mine("daily-what-changed", "") : null, RunningApp.basic("pm"));
            assertThat(r.statusCode()).as(call[0] + " " + call[1] + ": " + r.body()).isEqualTo(404);
        }
    }

    @Test
    void a_change_and_a_deletion_are_what_the_api_then_returns() {
        String id = created("engineer", mine("daily-what-changed", "")).get("id").toString();

        HttpResponse<String> put = app.send("PUT", "/api/v1/subscriptions/" + id,
                mine("daily-what-changed", ",\"schedule\":\"30 6 * * 1-5\",\"enabled\":false"), RunningApp.basic("engineer"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        Map<String, Object> listed = app.jsonList(app.getAs("engineer", "/api/v1/subscriptions").body()).stream()
                .filter(s -> s.get("id").equals(id)).findFirst().orElseThrow();
        assertThat(listed).containsEntry("schedule", "30 6 * * 1-5").containsEntry("enabled", false);

        assertThat(app.send("DELETE", "/api/v1/subscriptions/" + id, null, RunningApp.basic("engineer")).statusCode())
                .isEqualTo(204);
        assertThat(app.jsonList(app.getAs("engineer", "/api/v1/subscriptions").body()))
                .noneMatch(s -> s.get("id").equals(id));
    }

    @Test
    void an_administrator_changes_a_users_subscription_and_it_stays_the_users() {
        String id = created("pm", mine("daily-what-changed", "")).get("id").toString();

        HttpResponse<String> put = app.send("PUT", "/api/v1/subscriptions/" + id,
                mine("daily-what-changed", ",\"schedule\":\"0 9 * * *\""), RunningApp.basic("admin"));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(app.jsonList(app.getAs("pm", "/api/v1/subscriptions").body()))
                .anySatisfy(s -> assertThat(s).containsEntry("id", id).containsEntry("username", "pm")
                        .containsEntry("schedule", "0 9 * * *").containsEntry("createdBy", "pm"));
    }

    @Test
    void send_now_enqueues_an_engineers_mail_without_money_and_an_execs_with_it() {
        String engineers = created("engineer", mine("weekly-executive-summary", "")).get("id").toString();
        String execs = created("exec", mine("weekly-executive-summary", "")).get("id").toString();

        Notification toEngineer = sentNow("engineer", engineers);
        Notification toExec = sentNow("exec", execs);

        assertThat(toEngineer.channel()).isEqualTo(Notification.Channel.EMAIL);
        assertThat(toEngineer.recipients()).containsExactly("me@example.com");
        assertThat(toEngineer.origin()).isEqualTo(Notification.Origin.DIGEST);
        assertThat(toEngineer.originId()).isEqualTo(engineers);
        assertThat(toEngineer.subject()).startsWith("Plumbline weekly summary");
        assertThat(toEngineer.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentId()).isEqualTo(WeeklySummaryMail.CHART_ID);
            assertThat(Jsoup.parse(toEngineer.body()).select("img").attr("src")).isEqualTo("cid:" + a.contentId());
        });
        assertThat(toExec.body()).as("so the check below can fail").contains("ARR inside objectives", "Revenue at risk");
        DigestContentTest.assertNoMoney(Jsoup.parse(toEngineer.body()).text());
        assertThat(Jsoup.parse(toEngineer.body()).select("p.audience").text()).contains("engineer");
    }

    private static Notification sentNow(String user, String id) {
        HttpResponse<String> r = app.send("POST", "/api/v1/subscriptions/" + id + "/send-now", null, RunningApp.basic(user));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String outboxId = app.json(r.body(), Map.class).get("id").toString();
        return app.bean(OutboxStore.class).find(outboxId).orElseThrow().notification();
    }

    @Test
    void a_due_run_is_enqueued_once_for_a_list_as_its_least_privileged_role_sees_it() {
        Map<?, ?> list = created("admin", "{\"kind\":\"daily-what-changed\",\"zone\":\"Europe/Berlin\",\"audience\":"
                + "\"list\",\"addresses\":[{\"address\":\"cfo@example.com\",\"role\":\"exec\"},{\"address\":"
                + "\"sre@example.com\",\"role\":\"engineer\"}]}");
        String id = list.get("id").toString();
        Instant created = Instant.parse(list.get("createdAt").toString());
        // the first 07:00 in Berlin after the subscription was made, and a check 20 minutes later
        Instant run = created.atZone(java.time.ZoneId.of("Europe/Berlin")).plusDays(1).withHour(7)
                .truncatedTo(ChronoUnit.HOURS).toInstant();
        DigestRuns runs = app.bean(DigestRuns.class);

        List<OutboxEntry> first = runs.evaluate(run.plus(20, ChronoUnit.MINUTES)).stream()
                .filter(e -> e.notification().originId().equals(id)).toList();
        List<OutboxEntry> again = runs.evaluate(run.plus(21, ChronoUnit.MINUTES)).stream()
                .filter(e -> e.notification().originId().equals(id)).toList();

        assertThat(first).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo("digest:" + id + ":" + run));
        assertThat(again).as("a second evaluation finds nothing due").isEmpty();
        assertThat(app.bean(SubscriptionStore.class).lastRuns()).containsEntry(id, run);
        Notification mail = first.getFirst().notification();
        assertThat(mail.recipients()).containsExactly("cfo@example.com", "sre@example.com");
        assertThat(Jsoup.parse(mail.body()).select("p.audience").text())
                .contains("role engineer, the least privileged of this list's roles (engineer, exec)");
        DigestContentTest.assertNoMoney(Jsoup.parse(mail.body()).text());
        // a crash after enqueueing, before the run was recorded: the same run again is the same notification
        var sub = app.bean(SubscriptionStore.class).find(id).orElseThrow();
        OutboxEntry stored = app.bean(OutboxStore.class).find(first.getFirst().id()).orElseThrow();
        assertThat(app.bean(Digests.class).enqueue(sub, run)).contains(stored);
        assertThat(stored.notification()).isEqualTo(mail);
    }

    @Test
    void the_preview_is_the_callers_own_view() {
        HttpResponse<String> engineer = app.getAs("engineer", "/api/v1/subscriptions/preview?kind=weekly-executive-summary&zone=Europe/Berlin");
        HttpResponse<String> bad = app.getAs("engineer", "/api/v1/subscriptions/preview?kind=hourly");

        assertThat(engineer.statusCode()).as(engineer.body()).isEqualTo(200);
        assertThat(engineer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(Jsoup.parse(engineer.body()).select("h1").text()).startsWith("Plumbline weekly summary");
        DigestContentTest.assertNoMoney(Jsoup.parse(engineer.body()).text());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(app.json(bad.body(), ApiError.class).details().getFirst().field()).isEqualTo("kind");
    }
}
