package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.definitions.Definition;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class DefinitionsApiTest {

    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void the_catalog_is_served_whole_in_its_order() {
        HttpResponse<String> response = app.getAs("exec", "/api/v1/definitions");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> served = app.jsonList(response.body());
        List<Definition> catalog = Definitions.load().all();
        assertThat(served).hasSize(catalog.size());
        for (int i = 0; i < catalog.size(); i++) {
            Map<String, Object> d = served.get(i);
            Definition expected = catalog.get(i);
            assertThat(d).containsEntry("id", expected.id()).containsEntry("unit", expected.unit())
                    .containsEntry("formula", expected.formula()).containsEntry("fields", expected.fields());
            // empty values are left out of the JSON, as everywhere in the API
            assertThat(d.getOrDefault("sql", List.of())).isEqualTo(expected.sql());
            assertThat(d.getOrDefault("code", "")).isEqualTo(expected.code());
        }
    }

    @Test
    void one_definition_by_id_and_an_unknown_id_is_a_404_naming_it() {
        Map<String, Object> p95 = app.jsonMap(app.getAs("engineer", "/api/v1/definitions/p95").body());
        assertThat(p95).containsEntry("name", "p95 latency").containsEntry("unit", "seconds")
                .containsEntry("code", "Histogram.quantile");

        HttpResponse<String> missing = app.getAs("engineer", "/api/v1/definitions/p42");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no definition with id 'p42'");
    }
}
