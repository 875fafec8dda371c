package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a customer import did not give stays unknown: absent from the API, an empty cell in the export. */
@ExtendWith(ClickHouseExtension.class)
class CustomerExportApiTest {

    @Test
    void values_the_import_did_not_give_are_empty_in_the_export_and_absent_from_the_api_never_zero(TestDatabase db)
            throws Exception {
        try (RunningApp app = RunningApp.start(db, Map.of())) {
            HttpResponse<String> r = app.send("POST", "/api/v1/customers/import",
                    "id,name,arr,currency,seats,active users,data volume gb\nblank-1,Blank,5,USD,,,\nzero-1,Zero,5,USD,0,0,0\n",
                    "text/csv", RunningApp.basic("pm"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

            var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(app.getAs("pm", "/api/v1/customers/export.csv").body())).getRecords();
            var blank = rows.stream().filter(row -> row.get("id").equals("blank-1")).findFirst().orElseThrow();
            var zero = rows.stream().filter(row -> row.get("id").equals("zero-1")).findFirst().orElseThrow();
            for (String column : List.of("seats", "active users", "renewal date", "data volume gb")) {
                assertThat(blank.get(column)).as(column).isEmpty();
            }
            assertThat(List.of(zero.get("seats"), zero.get("active users"), zero.get("data volume gb")))
                    .containsExactly("0", "0", "0.0");
            Map<String, Object> unknown = app.jsonList(app.getAs("pm", "/api/v1/customers/blank-1/history").body()).getFirst();
            assertThat(unknown).doesNotContainKeys("seats", "activeUsers", "renewalDate", "dataVolumeGb").containsKey("name");
            Map<String, Object> zeros = app.jsonList(app.getAs("pm", "/api/v1/customers/zero-1/history").body()).getFirst();
            assertThat(zeros).containsEntry("seats", 0).containsEntry("activeUsers", 0).containsEntry("dataVolumeGb", 0.0);
        }
    }
}
