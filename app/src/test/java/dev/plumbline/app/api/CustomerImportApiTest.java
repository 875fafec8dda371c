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

@ExtendWith(ClickHouseExtension.class)
class CustomerImportApiTest {

    private static final String CSV = "Account,Company,ARR,Currency,Seats\nacme,Acme,\"1,200,000.00\",USD,400\n"
            + "globex,=cmd|calc,9500,EUR,12\n";
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of());
        assertThat(app.send("PUT", "/api/v1/customers/mappings/crm",
                "{\"columns\":{\"id\":\"Account\",\"name\":\"Company\"}}", RunningApp.basic("pm")).statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_dry_run_previews_rows_and_lists_every_problem_without_writing() {
        String before = app.getAs("pm", "/api/v1/customers").body();
        HttpResponse<String> r = app.send("POST", "/api/v1/customers/import?source=crm&dryRun=true", CSV, "text/csv",
                RunningApp.basic("pm"));

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> preview = app.jsonMap(r.body());
        assertThat(preview).containsEntry("acceptable", false).containsEntry("rows", 2);
        assertThat((List<Map<String, Object>>) preview.get("problems")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("row", 3).containsEntry("column", "Company"));
        assertThat(app.getAs("pm", "/api/v1/customers").body()).isEqualTo(before);
    }

    @Test
    void a_refused_import_is_422_with_row_and_column_and_writes_nothing() {
        String before = app.getAs("pm", "/api/v1/customers").body();
        HttpResponse<String> r = app.send("POST", "/api/v1/customers/import?source=crm", CSV, "text/csv",
                RunningApp.basic("pm"));

        assertThat(r.statusCode()).isEqualTo(422);
        ApiError error = app.json(r.body(), ApiError.class);
        assertThat(error.message()).startsWith("import refused, nothing written:");
        assertThat(error.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("row 3, column 'Company'");
            assertThat(d.message()).contains("spreadsheet runs as a formula");
        });
        assertThat(app.getAs("pm", "/api/v1/customers").body()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_clean_import_writes_and_converts_money_and_the_export_imports_back_unchanged() {
        String clean = CSV.replace("=cmd|calc", "Globex");
        HttpResponse<String> r = app.send("POST", "/api/v1/customers/import?source=crm", clean, "text/csv",
                RunningApp.basic("pm"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(app.jsonMap(r.body())).containsEntry("rows", 2);

        Map<String, Object> page = app.jsonMap(app.getAs("exec", "/api/v1/customers").body());
        Map<String, Object> globex = ((List<Map<String, Object>>) page.get("items")).get(1);
        assertThat(globex).containsEntry("currency", "EUR").containsEntry("reportingCurrency", "USD");
        assertThat(((Number) globex.get("arrReporting")).doubleValue()).isEqualTo(10260.0); // 9500 x 1.08

        String export = app.getAs("pm", "/api/v1/customers/export.csv").body();
        HttpResponse<String> again = app.send("POST", "/api/v1/customers/import", export, "text/csv",
                RunningApp.basic("pm"));
        assertThat(app.jsonMap(again.body())).containsEntry("added", 0).containsEntry("changed", 0)
                .containsEntry("unchanged", 2);
    }

    @Test
    void json_import_reports_item_and_field() {
        HttpResponse<String> r = app.send("POST", "/api/v1/customers",
                "[{\"id\":\"j1\",\"name\":\"J\",\"arr\":\"lots\",\"currency\":\"USD\"}]", RunningApp.basic("admin"));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(app.json(r.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("row 1, column 'arr': not an amount: 'lots'"));
    }

    @Test
    void an_unknown_field_in_a_mapping_is_a_400_naming_it() {
        HttpResponse<String> r = app.send("PUT", "/api/v1/customers/mappings/crm2",
                "{\"columns\":{\"revenue\":\"ARR\"}}", RunningApp.basic("pm"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown customer field 'revenue'");
    }
}
