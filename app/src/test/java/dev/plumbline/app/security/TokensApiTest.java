package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;

@ExtendWith(ClickHouseExtension.class)
class TokensApiTest {

    private static RunningApp app;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void start(TestDatabase db) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LOGS.start();
        root.addAppender(LOGS);
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_token_is_created_used_and_revoked_and_never_shown_or_logged_again() {
        HttpResponse<String> created = app.send("POST", "/api/v1/tokens",
                "{\"name\":\"CI deploy annotations\",\"role\":\"pm\"}", RunningApp.basic("admin"));
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, Object> body = app.jsonMap(created.body());
        String token = (String) body.get("token");
        String id = (String) ((Map<String, Object>) body.get("info")).get("id");
        String secret = token.substring(token.indexOf('.') + 1);
        assertThat(token).matches("plb_[a-z2-7]{12}\\.[A-Za-z0-9_-]{43}").startsWith("plb_" + id + ".");

        HttpResponse<String> me = app.get("/api/v1/me", RunningApp.bearer(token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(app.jsonMap(me.body())).containsEntry("name", "token:" + id).containsEntry("via", "token")
                .containsEntry("roles", List.of("pm"));
        assertThat(app.get("/api/v1/users", RunningApp.bearer(token)).statusCode())
                .as("a pm token may not administer").isEqualTo(403);

        HttpResponse<String> list = app.getAs("admin", "/api/v1/tokens");
        assertThat(list.body()).contains(id).doesNotContain(secret).doesNotContain("secretHash");

        assertThat(app.send("DELETE", "/api/v1/tokens/" + id, null, RunningApp.basic("admin")).statusCode()).isEqualTo(204);
        assertThat(app.get("/api/v1/me", RunningApp.bearer(token)).statusCode()).isEqualTo(401);
        assertThat(app.getAs("admin", "/api/v1/tokens").body()).contains("\"revokedAt\"");

        assertThat(LOGS.list).isNotEmpty().noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(secret));
        assertThat(LOGS.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("API token " + id + " revoked"));
    }

    @Test
    void a_wrong_secret_for_a_real_id_and_a_malformed_token_are_both_401() {
        HttpResponse<String> created = app.send("POST", "/api/v1/tokens", "{\"name\":\"x\",\"role\":\"engineer\"}",
                RunningApp.basic("admin"));
        String token = (String) app.jsonMap(created.body()).get("token");
        String forged = token.substring(0, token.indexOf('.') + 1) + "A".repeat(43);

        assertThat(app.get("/api/v1/me", RunningApp.bearer(forged)).statusCode()).isEqualTo(401);
        assertThat(app.get("/api/v1/me", RunningApp.bearer("plb_short.x")).statusCode()).isEqualTo(401);
        assertThat(app.get("/api/v1/me", RunningApp.bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_for_an_unknown_role_or_without_a_name_is_refused_with_the_reason() {
        HttpResponse<String> badRole = app.send("POST", "/api/v1/tokens", "{\"name\":\"x\",\"role\":\"ceo\"}",
                RunningApp.basic("admin"));
        HttpResponse<String> noName = app.send("POST", "/api/v1/tokens", "{\"name\":\"\",\"role\":\"pm\"}",
                RunningApp.basic("admin"));

        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("role: unknown role 'ceo'; known: admin, collector, engineer, exec, pm");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("\"field\":\"name\"");
    }

    /** One meaning: 204 says "this token exists and is revoked", 404 says "no token ever had this id". */
    @Test
    @SuppressWarnings("unchecked")
    void revoking_twice_is_204_and_keeps_the_first_time_and_an_id_that_never_existed_is_404() {
        HttpResponse<String> created = app.send("POST", "/api/v1/tokens", "{\"name\":\"twice\",\"role\":\"pm\"}",
                RunningApp.basic("admin"));
        String id = (String) ((Map<String, Object>) app.jsonMap(created.body()).get("info")).get("id");
        assertThat(app.send("DELETE", "/api/v1/tokens/" + id, null, RunningApp.basic("admin")).statusCode()).isEqualTo(204);
        Object firstTime = revokedAt(id);

        assertThat(app.send("DELETE", "/api/v1/tokens/" + id, null, RunningApp.basic("admin")).statusCode()).isEqualTo(204);
        assertThat(revokedAt(id)).isNotNull().isEqualTo(firstTime);

        HttpResponse<String> unknown = app.send("DELETE", "/api/v1/tokens/nope", null, RunningApp.basic("admin"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(app.json(unknown.body(), dev.plumbline.app.api.ApiError.class).details()).singleElement()
                .isEqualTo(new dev.plumbline.app.api.ApiError.Detail("id", "id: no token with id 'nope'"));
    }

    private static Object revokedAt(String id) {
        return app.jsonList(app.getAs("admin", "/api/v1/tokens").body()).stream()
                .filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow().get("revokedAt");
    }
}
