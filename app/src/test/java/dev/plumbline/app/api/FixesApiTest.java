package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * /api/v1/fixes on the planted platform (October 2026; the app's clock on 20 November): tracking, marking shipped,
 * the measured effect, and every bad input refused naming its field with nothing written.
 */
@ExtendWith(ClickHouseExtension.class)
class FixesApiTest {

    static final String FIX = "{\"title\":\"Roll back billing 2.3\",\"service\":\"billing\",\"problem\":\"availability\","
            + "\"customers\":[\"big\",\"c2\"],\"owner\":\"alice\",\"targetDate\":\"2026-12-01\","
            + "\"hypothesis\":{\"figure\":\"error_ratio\",\"comparison\":\"below\",\"value\":0.001}}";
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, Object> track(String user) {
        HttpResponse<String> r = app.send("POST", "/api/v1/fixes", FIX, RunningApp.basic(user));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return app.jsonMap(r.body());
    }

    private static int count() {
        return app.jsonList(app.getAs("admin", "/api/v1/fixes").body()).size();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_tracked_fix_is_planned_with_its_snapshot_and_reads_back_by_id_and_in_the_list() {
        Map<String, Object> fix = track("pm");

        assertThat(fix).containsEntry("state", "planned").containsEntry("createdBy", "pm").containsEntry("version", 1)
                .containsEntry("customers", List.of("big", "c2")).doesNotContainKey("effect");
        Map<String, Object> snapshot = (Map<String, Object>) fix.get("snapshot");
        assertThat(snapshot).containsEntry("from", "2026-11-06").containsEntry("to", "2026-11-20")
                .containsEntry("requests", 0.0);   // the planted days are in October: nothing in the two weeks before
        assertThat(((Map<String, Object>) fix.get("hypothesis"))).containsEntry("text", "error_ratio below 0.001");
        assertThat(app.jsonMap(app.getAs("engineer", "/api/v1/fixes/" + fix.get("id")).body()))
                .containsEntry("id", fix.get("id")).containsEntry("title", "Roll back billing 2.3");
        assertThat(app.jsonList(app.getAs("exec", "/api/v1/fixes").body())).extracting(f -> f.get("id"))
                .contains(fix.get("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_fix_shipped_with_the_deploy_is_measured_on_the_days_either_side_of_the_ship_day() {
        Map<String, Object> fix = track("admin");
        // the planted billing fails 2% on 6 October only: ship on 6 October, measure 4-5 against 7-8 October
        HttpResponse<String> r = app.send("POST", "/api/v1/fixes/" + fix.get("id") + "/shipped",
                "{\"shippedAt\":\"2026-10-06T12:00:00Z\"}", RunningApp.basic("pm"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> shipped = app.jsonMap(r.body());
        assertThat(shipped).containsEntry("version", 2).containsEntry("updatedBy", "pm")
                .containsEntry("shippedAt", "2026-10-06T12:00:00Z");
        Map<String, Object> effect = (Map<String, Object>) shipped.get("effect");
        assertThat(effect).containsEntry("days", 14).containsEntry("confidence", 0.95);
        Map<String, Object> before = (Map<String, Object>) effect.get("before");
        Map<String, Object> after = (Map<String, Object>) effect.get("after");
        assertThat(before).containsEntry("from", "2026-09-22").containsEntry("to", "2026-10-06");
        assertThat((List<Map<String, Object>>) before.get("daily")).extracting(d -> d.get("day"))
                .containsExactly("2026-10-04", "2026-10-05");
        assertThat((List<Map<String, Object>>) after.get("daily")).extracting(d -> d.get("day"))
                .containsExactly("2026-10-07", "2026-10-08");
        assertThat(shipped.get("state")).isIn("no-significant-change", "verified-improved", "worse");
        assertThat(before).containsKey("revenueAtRisk");
        assertThat(((List<Object>) effect.get("customers"))).hasSize(2);
    }

    @Test
    void money_is_left_out_for_an_engineer_and_there_for_an_exec() {
        String id = (String) track("pm").get("id");

        assertThat(app.getAs("engineer", "/api/v1/fixes/" + id).body()).doesNotContain("revenueAtRisk");
        assertThat(app.getAs("exec", "/api/v1/fixes/" + id).body()).contains("revenueAtRisk");
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("{}", "service"),
                Arguments.of(FIX.replace("\"billing\"", "\"nope\""), "service"),
                Arguments.of(FIX.replace("\"problem\":\"availability\"", "\"problem\":\"speed\""), "problem"),
                Arguments.of(FIX.replace("[\"big\",\"c2\"]", "[]"), "customers"),
                Arguments.of(FIX.replace("[\"big\",\"c2\"]", "[\"big\",\"nobody\"]"), "customers[1]"),
                Arguments.of(FIX.replace("[\"big\",\"c2\"]", "[\"big\",\"big\"]"), "customers[1]"),
                Arguments.of(FIX.replace("\"owner\":\"alice\"", "\"owner\":\" \""), "owner"),
                Arguments.of(FIX.replace("2026-12-01", "next week"), "targetDate"),
                Arguments.of(FIX.replace("2026-12-01", "1999-12-01"), "targetDate"),
                Arguments.of(FIX.replace("\"error_ratio\"", "\"p95_ms\""), "hypothesis.figure"),
                Arguments.of(FIX.replace("\"error_ratio\"", "\"p99\""), "hypothesis.figure"),
                Arguments.of(FIX.replace("\"below\"", "\"under\""), "hypothesis.comparison"),
                Arguments.of(FIX.replace("0.001", "2"), "hypothesis.value"),
                Arguments.of(FIX.replace(",\"value\":0.001", ""), "hypothesis.value"),
                Arguments.of(FIX.replace(",\"hypothesis\":{\"figure\":\"error_ratio\",\"comparison\":\"below\","
                        + "\"value\":0.001}", ""), "hypothesis"));
    }

    @ParameterizedTest(name = "{1} is refused")
    @MethodSource("bad")
    void a_bad_fix_is_refused_naming_the_field_and_nothing_is_written(String body, String field) {
        int before = count();
        HttpResponse<String> r = app.send("POST", "/api/v1/fixes", body, RunningApp.basic("pm"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(app.json(r.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo(field));
        assertThat(count()).isEqualTo(before);
    }

    static Stream<Arguments> badShipped() {
        return Stream.of(
                Arguments.of("{}", "shippedAt"),
                Arguments.of("{\"shippedAt\":\"yesterday\"}", "shippedAt"),
                Arguments.of("{\"shippedAt\":\"2026-12-24T00:00:00Z\"}", "shippedAt"),   // after the app's now
                Arguments.of("{\"deployAnnotation\":\"not-a-uuid\"}", "deployAnnotation"),
                Arguments.of("{\"deployAnnotation\":\"" + UUID.randomUUID() + "\"}", "deployAnnotation"));
    }

    @ParameterizedTest(name = "{1} of {0} is refused")
    @MethodSource("badShipped")
    void a_bad_ship_is_refused_naming_the_field_and_the_fix_stays_planned(String body, String field) {
        String id = (String) track("pm").get("id");
        HttpResponse<String> r = app.send("POST", "/api/v1/fixes/" + id + "/shipped", body, RunningApp.basic("pm"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(app.json(r.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo(field));
        assertThat(app.jsonMap(app.getAs("pm", "/api/v1/fixes/" + id).body())).containsEntry("state", "planned")
                .containsEntry("version", 1);
    }

    @Test
    void a_fix_shipped_with_a_deploy_annotation_takes_its_time_and_links_it() {
        String id = (String) track("pm").get("id");
        HttpResponse<String> deploy = app.send("POST", "/api/v1/annotations", "{\"kind\":\"deploy\",\"service\":"
                + "\"billing\",\"text\":\"billing 2.3.1\",\"time\":\"2026-10-06T18:00:00Z\"}", RunningApp.basic("pm"));
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(201);
        String annotation = (String) app.jsonMap(deploy.body()).get("id");

        HttpResponse<String> r = app.send("POST", "/api/v1/fixes/" + id + "/shipped",
                "{\"deployAnnotation\":\"" + annotation + "\"}", RunningApp.basic("pm"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(app.jsonMap(r.body())).containsEntry("shippedAt", "2026-10-06T18:00:00Z")
                .containsEntry("deployAnnotation", annotation);
    }

    @Test
    void an_unknown_fix_is_404_naming_the_id() {
        for (HttpResponse<String> r : List.of(app.getAs("exec", "/api/v1/fixes/" + UUID.randomUUID()),
                app.getAs("exec", "/api/v1/fixes/not-an-id"),
                app.send("POST", "/api/v1/fixes/" + UUID.randomUUID() + "/shipped",
                        "{\"shippedAt\":\"2026-10-06T12:00:00Z\"}", RunningApp.basic("pm")))) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            assertThat(app.json(r.body(), ApiError.class).details()).singleElement()
                    .satisfies(d -> assertThat(d.field()).isEqualTo("id"));
        }
    }
}
