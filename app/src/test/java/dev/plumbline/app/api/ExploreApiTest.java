package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /api/v1/explore and /api/v1/views over HTTP on the planted platform: the figures agree with the per-service and
 * per-group figures (other queries: service_figures.sql, group_figures.sql), each bad parameter is refused naming it,
 * and a saved view goes through its whole life.
 */
@ExtendWith(ClickHouseExtension.class)
class ExploreApiTest {

    private static final String PERIOD = "from=2026-10-04&to=2026-10-08";
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

    @Test
    @SuppressWarnings("unchecked")
    void requests_and_p95_by_service_are_the_services_figures_worst_first() {
        Map<String, Object> services = app.json(app.getAs("engineer", "/api/v1/figures/services?" + PERIOD).body(), Map.class);
        Map<String, Double> p95 = new HashMap<>();
        Map<String, Double> requests = new HashMap<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) services.get("items")) {
            Map<String, Object> current = (Map<String, Object>) item.get("current");
            p95.put((String) current.get("service"), ((Number) current.get("p95Seconds")).doubleValue());
            requests.put((String) current.get("service"), ((Number) current.get("requests")).doubleValue());
        }

        HttpResponse<String> r = app.getAs("engineer", "/api/v1/explore?figure=p95&by=service&" + PERIOD);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> body = app.json(r.body(), Map.class);
        assertThat((Map<String, Object>) body.get("figure")).containsEntry("id", "p95").containsEntry("unit", "seconds")
                .containsEntry("definition", "p95");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        assertThat(rows).extracting(m -> m.get("key")).containsExactlyInAnyOrderElementsOf(p95.keySet());
        for (Map<String, Object> row : rows) {
            assertThat(((Number) row.get("value")).doubleValue()).as(row.get("key").toString())
                    .isCloseTo(p95.get(row.get("key")), offset(1e-9));
            assertThat(((Number) row.get("requests")).doubleValue()).isEqualTo(requests.get(row.get("key")));
        }
        List<Double> values = rows.stream().map(m -> ((Number) m.get("value")).doubleValue()).toList();
        assertThat(values).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the planted slow search is the worst p95
        assertThat(rows.getFirst().get("key")).isEqualTo("search");
    }

    @Test
    @SuppressWarnings("unchecked")
    void requests_by_segment_on_one_service_are_that_services_group_figures() {
        Map<String, Object> groups = app.json(app.getAs("pm", "/api/v1/figures/groups?by=segment&" + PERIOD).body(),
                Map.class);
        Map<String, Double> expected = new HashMap<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) groups.get("items")) {
            Map<String, Object> current = (Map<String, Object>) item.get("current");
            String[] key = current.get("key").toString().split("/");
            if (key[1].equals("billing")) {
                expected.put(key[0], ((Number) current.get("requests")).doubleValue());
            }
        }

        Map<String, Object> body = app.json(app.getAs("pm", "/api/v1/explore?figure=requests&by=segment&service=billing&"
                + PERIOD).body(), Map.class);

        Map<String, Double> actual = new HashMap<>();
        ((List<Map<String, Object>>) body.get("rows")).forEach(m -> actual.put(m.get("key").toString(),
                ((Number) m.get("value")).doubleValue()));
        assertThat(actual).isEqualTo(expected);
        assertThat(body.get("service")).isEqualTo("billing");
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            figure=latency&by=service                | engineer | 400 | figure
            figure=p95&by=team                       | engineer | 400 | by
            figure=p95&by=segment                    | engineer | 403 | by
            figure=revenue-at-risk&by=service        | engineer | 403 | figure
            figure=p95&by=service&service=no-such    | pm       | 404 | service
            figure=p95&by=service&month=2026-13      | pm       | 400 | month
            figure=p95&by=service&limit=0            | pm       | 400 | limit
            """)
    void a_bad_parameter_is_refused_naming_it(String query, String user, int status, String field) {
        HttpResponse<String> r = app.getAs(user, "/api/v1/explore?" + query);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(field);
    }

    @Test
    void the_csv_has_the_figure_now_before_and_its_change_in_its_unit() throws IOException {
        HttpResponse<String> r = app.getAs("pm", "/api/v1/explore.csv?figure=error-rate&by=segment&" + PERIOD);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().get().parse(new StringReader(r.body())).getRecords();
        assertThat(records.getFirst().toList()).startsWith("segment", "error rate (%)", "previous error rate (%)",
                "error rate change (pp)", "requests (count)", "customers");
        assertThat(records).hasSizeGreaterThan(2);
        assertThat(records.get(1).get(1)).matches("\\d+\\.\\d{3}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_saved_view_is_created_listed_opened_changed_and_deleted_and_its_owner_alone_sees_it_private() {
        String body = "{\"name\":\"Search p95 by segment\",\"figure\":\"p95\",\"by\":\"segment\",\"service\":\"search\","
                + "\"month\":\"2026-10\"}";
        HttpResponse<String> created = app.send("POST", "/api/v1/views", body, RunningApp.basic("pm"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, Object> view = app.json(created.body(), Map.class);
        String id = view.get("id").toString();
        assertThat(view).containsEntry("owner", "pm").containsEntry("shared", false).containsEntry("figure", "p95")
                .containsEntry("by", "segment").containsEntry("month", "2026-10")
                .containsEntry("url", "/explore?view=" + id);

        assertThat(app.send("POST", "/api/v1/views", body, RunningApp.basic("pm")).statusCode()).isEqualTo(409);
        assertThat(app.getAs("pm", "/api/v1/views").body()).contains(id);
        assertThat(app.getAs("admin", "/api/v1/views").body()).doesNotContain(id);
        assertThat(app.getAs("admin", "/api/v1/views/" + id).statusCode()).isEqualTo(404);

        HttpResponse<String> shared = app.send("PUT", "/api/v1/views/" + id, body.replace("}", ",\"shared\":true}"),
                RunningApp.basic("pm"));
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        assertThat(app.getAs("exec", "/api/v1/views/" + id).statusCode()).isEqualTo(200);
        // a grouping by segment is customer data: an engineer neither lists nor opens it
        assertThat(app.getAs("engineer", "/api/v1/views").body()).doesNotContain(id);
        assertThat(app.getAs("engineer", "/api/v1/views/" + id).statusCode()).isEqualTo(403);
        assertThat(app.send("DELETE", "/api/v1/views/" + id, null, RunningApp.basic("exec")).statusCode()).isEqualTo(403);

        assertThat(app.send("DELETE", "/api/v1/views/" + id, null, RunningApp.basic("pm")).statusCode()).isEqualTo(204);
        assertThat(app.getAs("pm", "/api/v1/views/" + id).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"figure":"p95","by":"service"}                                  | name
            {"name":"x","figure":"nope","by":"service"}                      | figure
            {"name":"x","figure":"p95","by":"service","month":"2026-13"}     | month
            {"name":"x","figure":"p95","by":"service","service":"no-such"}   | service
            """)
    void a_view_that_cannot_work_is_refused_naming_the_field_and_nothing_is_saved(String body, String field) {
        String before = app.getAs("pm", "/api/v1/views").body();

        HttpResponse<String> r = app.send("POST", "/api/v1/views", body, RunningApp.basic("pm"));

        assertThat(r.statusCode()).as(r.body()).isBetween(400, 404);
        assertThat(r.body()).contains(field);
        assertThat(app.getAs("pm", "/api/v1/views").body()).isEqualTo(before);
    }
}
