package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Errors that Micronaut itself builds keep their status AND a JSON body (with a mismatched servlet/core pairing they
 * became empty 500s).
 */
@ExtendWith(ClickHouseExtension.class)
class RestErrorsTest {

    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.startWithDemoData(db);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_unknown_api_path_is_a_json_404() {
        ApiError error = errorOf(app.getAs("admin", "/api/v1/no-such-thing"), 404);

        assertThat(error.error()).isEqualTo("Not Found");
        assertThat(error.path()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void an_unknown_service_is_a_handled_json_404_that_names_it() {
        ApiError error = errorOf(app.getAs("admin", "/api/v1/services/no-such-service"), 404);

        assertThat(error.message()).isEqualTo("name: no service named 'no-such-service'");
        assertThat(error.details()).singleElement().extracting(ApiError.Detail::field).isEqualTo("name");
    }

    @Test
    void an_invalid_parameter_is_a_json_400_naming_the_parameter() {
        ApiError error = errorOf(app.getAs("admin", "/api/v1/services?limit=0"), 400);

        assertThat(error.details()).containsExactly(
                new ApiError.Detail("limit", "limit: must be greater than or equal to 1"));
        assertThat(error.message()).isEqualTo("limit: must be greater than or equal to 1");
    }

    @Test
    void a_parameter_of_the_wrong_type_is_a_json_400() {
        ApiError error = errorOf(app.getAs("admin", "/api/v1/services?offset=ten"), 400);

        assertThat(error.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("offset");
            assertThat(d.message()).isEqualTo("offset: must be a whole number, was 'ten'");
        });
    }

    @Test
    void a_malformed_service_name_is_a_json_400() {
        ApiError error = errorOf(app.getAs("admin", "/api/v1/services/bad%20name%21"), 400);

        assertThat(error.details()).singleElement().extracting(ApiError.Detail::field).isEqualTo("name");
    }

    @Test
    void no_credentials_is_a_json_401_that_says_how_to_authenticate() {
        HttpResponse<String> response = app.get("/api/v1/services");
        ApiError error = errorOf(response, 401);

        assertThat(error.message()).startsWith("sign in first");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Plumbline\", charset=\"UTF-8\"");
    }

    @Test
    void a_wrong_password_is_a_json_401_that_says_so() {
        ApiError error = errorOf(app.get("/api/v1/services", RunningApp.basic("pm", "wrong password")), 401);

        assertThat(error.message()).isEqualTo("basic auth refused: Wrong user name or password.");
    }

    @Test
    void a_role_without_the_permission_is_a_json_403_naming_the_roles() {
        ApiError error = errorOf(app.getAs("engineer", "/api/v1/users"), 403);

        assertThat(error.message()).isEqualTo("your roles (engineer) do not allow GET /api/v1/users");
    }

    @Test
    void an_unknown_path_is_404_even_without_credentials() {
        errorOf(app.get("/api/v1/no-such-thing"), 404);
    }

    private static ApiError errorOf(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        ApiError error = app.json(response.body(), ApiError.class);
        assertThat(error.status()).isEqualTo(status);
        return error;
    }

}
