package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.api.ApiError;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The instance always keeps an enabled user who may administer: the last one cannot be demoted or disabled (users
 * are never deleted). The app starts with one user per role, so "admin" is the only administrator; a test that adds
 * another one takes it away again before it ends.
 */
@ExtendWith(ClickHouseExtension.class)
class LastAdministratorTest {

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
    void the_last_administrator_cannot_be_demoted_and_stays_an_administrator() {
        ApiError error = refused(put("admin", "{\"roles\":[\"pm\"],\"disabled\":false}"));

        assertThat(error.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("roles");
            assertThat(d.message()).isEqualTo("roles: 'admin' is the last enabled user who may administer; give that "
                    + "permission to another user first, or nobody could manage users any more");
        });
        assertThat(app.getAs("admin", "/api/v1/users").statusCode()).isEqualTo(200);
    }

    @Test
    void the_last_administrator_cannot_be_disabled() {
        ApiError error = refused(put("admin", "{\"roles\":[\"admin\"],\"disabled\":true}"));

        assertThat(error.details()).singleElement().extracting(ApiError.Detail::field).isEqualTo("disabled");
        assertThat(app.getAs("admin", "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void with_a_second_administrator_one_may_step_down_and_then_the_other_is_the_last() {
        assertThat(app.send("POST", "/api/v1/users", "{\"username\":\"second\",\"roles\":[\"admin\"],"
                + "\"password\":\"" + RunningApp.PASSWORD + "\"}", RunningApp.basic("admin")).statusCode()).isEqualTo(201);
        try {
            assertThat(put("admin", "{\"roles\":[\"pm\"],\"disabled\":false}").statusCode()).isEqualTo(200);

            ApiError error = refused(app.send("PUT", "/api/v1/users/second", "{\"roles\":[\"exec\"],\"disabled\":false}",
                    RunningApp.basic("second")));
            assertThat(error.message()).startsWith("roles: 'second' is the last enabled user who may administer");
        } finally {
            app.send("PUT", "/api/v1/users/admin", "{\"roles\":[\"admin\"],\"disabled\":false}", RunningApp.basic("second"));
            assertThat(app.send("PUT", "/api/v1/users/second", "{\"roles\":[\"exec\"],\"disabled\":true}",
                    RunningApp.basic("admin")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_user_who_does_not_exist_is_404_naming_the_user_name() {
        for (String path : new String[] {"/api/v1/users/nobody", "/api/v1/users/nobody/password"}) {
            String body = path.endsWith("password") ? "{\"password\":\"long enough password\"}"
                    : "{\"roles\":[\"pm\"],\"disabled\":false}";
            HttpResponse<String> response = app.send("PUT", path, body, RunningApp.basic("admin"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(app.json(response.body(), ApiError.class).details()).singleElement()
                    .isEqualTo(new ApiError.Detail("username", "username: no user named 'nobody'"));
        }
    }

    private static HttpResponse<String> put(String user, String body) {
        return app.send("PUT", "/api/v1/users/" + user, body, RunningApp.basic("admin"));
    }

    private static ApiError refused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        return app.json(response.body(), ApiError.class);
    }
}
