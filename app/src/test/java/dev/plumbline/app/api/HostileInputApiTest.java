package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests that were once answered with a 200 that meant something else, or with a 500 carrying ClickHouse's text:
 * each is a 400 naming the parameter or field, and writes nothing. (Every endpoint's refusal of an unknown
 * parameter: {@code ApiAccessTest}.)
 */
@ExtendWith(ClickHouseExtension.class)
class HostileInputApiTest {

    private static final String CSV = "id,name,arr,currency\nhostile-1,Hostile,1,USD\n";
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.startWithDemoData(db);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "import?{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
        "dryRun=1                 | dryRun  | dryRun: must be true or false, was '1'",
        "dryRun=ture              | dryRun  | dryRun: must be true or false, was 'ture'",
        "dryRun=                  | dryRun  | dryRun: must be true or false, was ''",
        "dryRun                   | dryRun  | dryRun: must be true or false, was ''",
        "dryrun=true              | dryrun  | dryrun: unknown parameter; this endpoint takes dryRun, source",
        "dry_run=true             | dry_run | dry_run: unknown parameter; this endpoint takes dryRun, source",
        "dryRun=false&dryRun=true | dryRun  | dryRun: given more than once; give it once"})
    void a_customer_import_with_a_doubtful_dry_run_is_refused_and_imports_nothing(String query, String field,
                                                                                 String message) {
        HttpResponse<String> response = app.send("POST", "/api/v1/customers/import?" + query, CSV, "text/csv",
                RunningApp.basic("pm"));

        ApiError error = refused(response, 400);
        assertThat(error.details()).singleElement().isEqualTo(new ApiError.Detail(field, message));
        assertThat(app.getAs("pm", "/api/v1/customers/hostile-1/history").statusCode()).isEqualTo(404);
    }

    @Test
    void the_same_import_with_dry_run_true_checks_and_with_false_imports_so_the_refusals_can_fail() {
        assertThat(app.send("POST", "/api/v1/customers/import?dryRun=true", CSV, "text/csv", RunningApp.basic("pm"))
                .statusCode()).isEqualTo(200);
        assertThat(app.getAs("pm", "/api/v1/customers/hostile-2/history").statusCode()).isEqualTo(404);

        String csv = CSV.replace("hostile-1", "hostile-2");
        assertThat(app.send("POST", "/api/v1/customers/import?dryRun=false", csv, "text/csv", RunningApp.basic("pm"))
                .statusCode()).isEqualTo(200);
        assertThat(app.getAs("pm", "/api/v1/customers/hostile-2/history").statusCode()).isEqualTo(200);
    }

    @Test
    void a_filter_the_endpoint_does_not_have_is_refused_instead_of_ignored() {
        ApiError error = refused(app.getAs("exec", "/api/v1/customer-health?segment=x"), 400);

        assertThat(error.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("segment");
            assertThat(d.message()).startsWith("segment: unknown parameter; this endpoint takes customer, from, limit,");
        });
    }

    @Test
    void a_repeated_parameter_is_refused() {
        ApiError error = refused(app.getAs("exec", "/api/v1/services?limit=5&limit=6"), 400);

        assertThat(error.details()).singleElement().extracting(ApiError.Detail::field).isEqualTo("limit");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/trends/customers/cus-0001?until=0001-01-01&days=400        | until",
        "/api/v1/figures/groups?by=segment&month=0000-01                     | month",
        "/api/v1/figures/services?month=-2026-01                             | month",
        "/api/v1/rankings/slices?from=1999-12-31&to=2000-01-02               | from",
        "/api/v1/customers?asOf=-9999-01-01                                  | asOf",
        "/api/v1/customers/export.csv?asOf=2100-01-01                        | asOf",
        "/api/v1/annotations?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z | from",
        "/api/v1/annotations?from=2026-10-01T00:00:00Z&to=9999-12-31T00:00:00Z | to"})
    void a_date_outside_the_documented_range_is_a_400_naming_the_parameter_not_a_store_error(String path, String field) {
        ApiError error = refused(app.getAs("pm", path), 400);

        assertThat(error.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo(field);
            assertThat(d.message()).startsWith(field + ": ").contains("2000-01-01 to 2099-12-31 (UTC)");
        });
    }

    @ParameterizedTest(name = "an annotation with {0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
        "\"time\":\"yesterday\"                                   | time  | time: must be an instant like 2026-10-01T00:00:00Z, was 'yesterday'",
        "\"time\":\"2026-13-01T00:00:00Z\"                        | time  | time: must be an instant like 2026-10-01T00:00:00Z, was '2026-13-01T00:00:00Z'",
        "\"time\":\"0001-01-01T00:00:00Z\"                        | time  | time: 0001-01-01T00:00:00Z is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "\"start\":\"2026-10-01T00:00:00Z\",\"end\":\"+10000-01-01T00:00:00Z\" | end | end: +10000-01-01T00:00:00Z is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)"})
    void an_annotation_at_an_impossible_time_is_refused_and_not_written(String time, String field, String message) {
        String before = app.getAs("pm", "/api/v1/annotations?from=2000-01-01T00:00:00Z&to=2099-12-31T00:00:00Z").body();

        HttpResponse<String> response = app.send("POST", "/api/v1/annotations",
                "{\"kind\":\"note\",\"text\":\"hostile\"," + time + "}", RunningApp.basic("pm"));

        ApiError error = refused(response, 400);
        assertThat(error.details()).singleElement().isEqualTo(new ApiError.Detail(field, message));
        assertThat(app.getAs("pm", "/api/v1/annotations?from=2000-01-01T00:00:00Z&to=2099-12-31T00:00:00Z").body())
                .isEqualTo(before);
    }

    private static ApiError refused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).doesNotContain("DB::Exception", "Code: ", "Internal Server Error");
        return app.json(response.body(), ApiError.class);
    }
}
