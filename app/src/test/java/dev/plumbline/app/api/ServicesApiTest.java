package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
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

@ExtendWith(ClickHouseExtension.class)
class ServicesApiTest {

    private static RunningApp app;
    private static ServiceCatalogStore store;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.startWithDemoData(db);
        store = new ServiceCatalogStore(db.clickHouse(), java.time.Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_list_pages_through_the_catalog_in_name_order() {
        HttpResponse<String> response = app.getAs("admin", "/api/v1/services?offset=2&limit=5");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> page = app.jsonMap(response.body());
        assertThat(((Number) page.get("total")).longValue()).isEqualTo(store.countServices());
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        List<String> names = items.stream().map(i -> (String) ((Map<String, Object>) i.get("service")).get("name")).toList();
        assertThat(names).isEqualTo(store.page(2, 5).stream().map(e -> e.service().name()).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void one_service_comes_with_its_objectives_as_stored() {
        HttpResponse<String> response = app.getAs("admin", "/api/v1/services/search");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> entry = app.jsonMap(response.body());
        List<Map<String, Object>> objectives = (List<Map<String, Object>>) entry.get("objectives");
        var stored = store.find("search").orElseThrow();
        assertThat(objectives).hasSize(stored.objectives().size());
        assertThat(objectives.getFirst()).containsEntry("name", stored.objectives().getFirst().name())
                .containsEntry("target", stored.objectives().getFirst().target());
    }
}
