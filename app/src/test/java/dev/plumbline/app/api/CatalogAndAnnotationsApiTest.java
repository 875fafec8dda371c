package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

@ExtendWith(ClickHouseExtension.class)
class CatalogAndAnnotationsApiTest {

    private static RunningApp app;
    private static String token;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.startWithDemoData(db);
        token = (String) app.jsonMap(app.send("POST", "/api/v1/tokens", "{\"name\":\"ci\",\"role\":\"pm\"}",
                RunningApp.basic("admin")).body()).get("token");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void the_catalog_exports_as_openslo_and_imports_back_unchanged() {
        String exported = app.getAs("engineer", "/api/v1/catalog/openslo").body();
        assertThat(exported).startsWith("---\napiVersion: openslo/v1\nkind: Service");

        HttpResponse<String> r = app.send("POST", "/api/v1/catalog/openslo?replace=true", exported, "application/yaml",
                RunningApp.bearer(token));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(app.jsonMap(r.body())).containsEntry("services", 15).containsEntry("servicesDeleted", 0)
                .containsEntry("objectivesDeleted", 0);
        assertThat(app.getAs("engineer", "/api/v1/catalog/openslo").body()).isEqualTo(exported);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_list_of_objects_with_a_time_slice_objective_and_target_percent_imports_and_exports_as_written() {
        String before = app.getAs("engineer", "/api/v1/catalog/openslo").body();
        String yaml = """
                - {apiVersion: openslo/v1, kind: Service, metadata: {name: timed}}
                - apiVersion: openslo/v1
                  kind: SLO
                  metadata: {name: timed-uptime}
                  spec:
                    service: timed
                    indicator: {spec: {ratioMetric: {counter: true}}}
                    timeWindow: [{duration: 2w, isRolling: true}]
                    budgetingMethod: Timeslices
                    objectives: [{targetPercent: 99, timeSliceTarget: 0.95, timeSliceWindow: 5m}]
                """;

        HttpResponse<String> r = app.send("POST", "/api/v1/catalog/openslo?file=timed.yaml", yaml, "application/yaml",
                RunningApp.bearer(token));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> uptime = ((List<Map<String, Object>>) app.jsonMap(app.getAs("engineer",
                "/api/v1/services/timed").body()).get("objectives")).getFirst();
        assertThat(uptime).containsEntry("name", "uptime").containsEntry("target", 0.99)
                .containsEntry("budgeting", Map.of("method", "TIMESLICES", "sliceMinutes", 5, "sliceTarget", 0.95))
                .containsEntry("window", Map.of("days", 14, "calendar", "NONE"));
        assertThat(app.getAs("engineer", "/api/v1/catalog/openslo").body()).contains("""
                  budgetingMethod: Timeslices
                  objectives:
                  - target: 0.99
                    timeSliceTarget: 0.95
                    timeSliceWindow: 5m
                """);
        assertThat(app.send("POST", "/api/v1/catalog/openslo?replace=true", before, "application/yaml",
                RunningApp.bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_broken_catalog_is_422_naming_the_yaml_path_and_nothing_changes() {
        String before = app.getAs("engineer", "/api/v1/catalog/openslo").body();
        String broken = before.replaceFirst("target: 0.9995", "target: 2");

        HttpResponse<String> r = app.send("POST", "/api/v1/catalog/openslo?file=platform.yaml", broken,
                "application/yaml", RunningApp.bearer(token));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(app.json(r.body(), ApiError.class).details()).singleElement().satisfies(d ->
                assertThat(d.message()).matches("platform\\.yaml: \\$\\[\\d+]\\.spec\\.objectives\\[0]\\.target: "
                        + "must be between 0 and 1 \\(e\\.g\\. 0\\.999\\), was 2; a percentage goes in targetPercent"));
        assertThat(app.getAs("engineer", "/api/v1/catalog/openslo").body()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_pipeline_posts_a_deploy_with_a_token_and_it_is_listed_with_filters() {
        HttpResponse<String> created = app.send("POST", "/api/v1/annotations",
                "{\"kind\":\"deploy\",\"service\":\"search\",\"text\":\"search 4.2.0\","
                        + "\"link\":\"https://ci.example.com/builds/42\",\"time\":\"2026-11-20T10:15:00Z\"}",
                RunningApp.bearer(token));
        app.send("POST", "/api/v1/annotations", "{\"kind\":\"incident\",\"service\":\"billing\",\"customer\":\"cus-0001\","
                + "\"text\":\"card processor 502s\",\"start\":\"2026-11-20T09:00:00Z\",\"end\":\"2026-11-20T11:00:00Z\"}",
                RunningApp.bearer(token));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        List<Map<String, Object>> deploys = app.jsonList(app.getAs("engineer",
                "/api/v1/annotations?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&kind=deploy").body());
        assertThat(deploys).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("service", "search").containsEntry("text", "search 4.2.0")
                .containsEntry("start", "2026-11-20T10:15:00Z"));
        List<Map<String, Object>> forCustomer = app.jsonList(app.getAs("exec",
                "/api/v1/annotations?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&customer=cus-0001").body());
        assertThat(forCustomer).hasSize(1);
    }

    @Test
    void bad_annotations_are_400_naming_the_field() {
        assertThat(post("{\"kind\":\"party\",\"text\":\"x\"}")).contains("kind: 'party' is not one of deploy, launch, incident, note");
        assertThat(post("{\"kind\":\"note\",\"text\":\"x\",\"service\":\"nope\"}")).contains("service: no service named 'nope'");
        assertThat(post("{\"kind\":\"note\",\"text\":\"x\",\"link\":\"javascript:alert(1)\"}")).contains("link: must be an http or https URL");
        assertThat(post("{\"kind\":\"note\",\"text\":\"x\",\"start\":\"2026-11-20T10:00:00Z\",\"end\":\"2026-11-20T09:00:00Z\"}"))
                .contains("end: 2026-11-20T09:00:00Z is before start");
        assertThat(post("{\"kind\":\"note\"}")).contains("text");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_openapi_document_is_public_and_describes_every_api_route() {
        HttpResponse<String> r = app.get("/api/v1/openapi.yml");

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> doc = new Yaml().load(r.body());
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        app.bean(io.micronaut.web.router.Router.class).uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/"))
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .filter(route -> !route.getUriMatchTemplate().toString().equals("/api/v1/openapi.yml"))
                .forEach(route -> {
                    String path = route.getUriMatchTemplate().toString();
                    assertThat(paths).as("OpenAPI paths").containsKey(path);
                    assertThat((Map<String, Object>) paths.get(path)).containsKey(route.getHttpMethodName().toLowerCase());
                });
        assertThat(((Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes")))
                .containsKeys("token", "basic", "session");
    }

    private static String post(String json) {
        HttpResponse<String> r = app.send("POST", "/api/v1/annotations", json, RunningApp.bearer(token));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return r.body();
    }
}
