package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class StoreFailureTest {

    @Test
    void a_failing_store_query_is_a_json_500_naming_the_query_and_readiness_goes_down(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, Map.of())) {
            assertThat(app.getAs("admin", "/api/v1/services").statusCode()).isEqualTo(200);

            db.clickHouse().execute(new NamedQuery("drop", "DROP TABLE services SYNC"));
            HttpResponse<String> response = app.getAs("admin", "/api/v1/services");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            ApiError error = app.json(response.body(), ApiError.class);
            assertThat(error.message()).startsWith("the store could not answer: query count_services failed: Code: 60.");
        }
    }
}
