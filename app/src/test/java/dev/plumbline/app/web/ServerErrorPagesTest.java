package dev.plumbline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.api.ApiError;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Tomcat refuses before any servlet sees the request (encoded slashes, null bytes) is answered like every
 * other error: under /api with the API's JSON body, elsewhere with a page that does not name the server or its
 * version.
 */
@ExtendWith(ClickHouseExtension.class)
class ServerErrorPagesTest {

    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/services/..%2F..%2Fetc%2Fpasswd", "/api/v1/services/%2Fetc%2Fpasswd",
            "/api/v1/customers/a%2Fb/history", "/api/v1/services/x%00y", "/api/%2e%2e%2Fhealth"})
    void an_api_path_tomcat_refuses_is_the_apis_json_error(String path) {
        HttpResponse<String> response = app.getAs("admin", path);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        ApiError error = app.json(response.body(), ApiError.class);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("Bad Request");
        assertThat(error.path()).isEqualTo(path);
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/..%2F..%2Fetc%2Fpasswd", "/VAADIN/%2F..%2Fsecret", "/x%00y"})
    void a_page_path_tomcat_refuses_does_not_name_the_server(String path) {
        HttpResponse<String> response = app.getAs("admin", path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContainPattern("\\d+\\.\\d+\\.\\d+");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }
}
