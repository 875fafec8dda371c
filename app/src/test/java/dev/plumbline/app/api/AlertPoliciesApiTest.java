package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Saved alert policies: who saved which version when, the current one, every version, and refusals that write nothing. */
@ExtendWith(ClickHouseExtension.class)
class AlertPoliciesApiTest {

    private static final String PATH = "/api/v1/alerts/policies/checkout/";
    private static final String FAST = "{\"name\":\"fast\",\"description\":\"one page\",\"rules\":[{\"name\":\"page\","
            + "\"severity\":\"page\",\"longWindow\":\"1h\",\"shortWindow\":\"5m\",\"factor\":14.4,\"forDuration\":\"2m\","
            + "\"minRequests\":100}]}";
    private static final String SLOW = "{\"name\":\"slow\",\"rules\":[{\"name\":\"ticket\",\"severity\":\"ticket\","
            + "\"longWindow\":\"3d\",\"shortWindow\":\"6h\",\"factor\":1,\"keepFiringFor\":\"1h\"}]}";
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        new ServiceCatalogStore(db.migrate().clickHouse(), dev.plumbline.sql.psr.PlantedPlatform.clock()).upsert(
                List.of(new Service("checkout", "Checkout", "", "payments", "tier-1", 1)),
                List.of(AlertsApiTest.AVAILABILITY, AlertsApiTest.LATENCY));
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> put(String user, String objective, String body) {
        return app.send("PUT", PATH + objective, body, RunningApp.basic(user));
    }

    @Test
    @SuppressWarnings("unchecked")
    void saving_keeps_who_and_when_and_every_version_the_current_one_is_the_latest() {
        HttpResponse<String> first = put("engineer", "availability", FAST);
        HttpResponse<String> second = put("admin", "availability", SLOW);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        Map<String, Object> v1 = app.jsonMap(first.body());
        assertThat(v1).containsEntry("version", 1).containsEntry("savedBy", "engineer")
                .containsEntry("service", "checkout").containsEntry("objective", "availability");
        assertThat(v1.get("savedAt")).isNotNull();
        Map<String, Object> rule = ((List<Map<String, Object>>) ((Map<String, Object>) v1.get("policy")).get("rules")).getFirst();
        assertThat(rule).containsEntry("longWindow", "1h").containsEntry("shortWindow", "5m")
                .containsEntry("forDuration", "2m").containsEntry("keepFiringFor", "0m").containsEntry("minRequests", 100);
        assertThat(app.jsonMap(second.body())).containsEntry("version", 2).containsEntry("savedBy", "admin");

        Map<String, Object> current = app.jsonMap(app.getAs("engineer", PATH + "availability").body());
        assertThat(current).containsEntry("version", 2);
        assertThat(((Map<String, Object>) current.get("policy")).get("name")).isEqualTo("slow");
        List<Map<String, Object>> versions = app.jsonList(app.getAs("engineer", PATH + "availability/versions").body());
        assertThat(versions).extracting(v -> v.get("version"), v -> v.get("savedBy"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "engineer"),
                        org.assertj.core.groups.Tuple.tuple(2, "admin"));
        assertThat(versions.getFirst()).isEqualTo(v1);
    }

    @Test
    void an_objective_without_a_saved_policy_is_404_naming_the_objective() {
        HttpResponse<String> response = app.getAs("engineer", PATH + "latency");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(app.json(response.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo("objective"));
        assertThat(app.jsonList(app.getAs("engineer", PATH + "latency/versions").body())).isEmpty();
    }

    @Test
    void a_bad_policy_is_refused_naming_its_field_and_nothing_is_written() {
        String bad = "{\"name\":\"bad\",\"rules\":[{\"name\":\"page\",\"severity\":\"page\",\"longWindow\":\"1h\",\"factor\":-1}]}";

        HttpResponse<String> response = put("engineer", "latency", bad);
        HttpResponse<String> noRules = put("engineer", "latency", "{\"name\":\"bad\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(app.json(response.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo("rules[0].factor"));
        assertThat(app.json(noRules.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo("rules"));
        assertThat(app.getAs("engineer", PATH + "latency").statusCode()).isEqualTo(404);
    }

    @Test
    void an_unknown_service_or_objective_is_404() {
        assertThat(app.send("PUT", "/api/v1/alerts/policies/nope/availability", FAST, RunningApp.basic("engineer"))
                .statusCode()).isEqualTo(404);
        assertThat(put("engineer", "nope", FAST).statusCode()).isEqualTo(404);
        assertThat(app.getAs("engineer", "/api/v1/alerts/policies/nope/availability").statusCode()).isEqualTo(404);
    }
}
