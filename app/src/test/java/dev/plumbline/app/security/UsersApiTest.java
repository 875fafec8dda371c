package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(ClickHouseExtension.class)
class UsersApiTest {

    private static RunningApp app;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void start(TestDatabase db) {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        app = RunningApp.start(db, Map.of("plumbline.security.max-failed-sign-ins", 3));
    }

    @AfterAll
    static void stop() {
        app.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    @Test
    void passwords_right_or_wrong_never_reach_the_log() {
        app.send("POST", "/api/v1/users", "{\"username\":\"kat\",\"roles\":[\"exec\"],\"password\":\"s3cret-kat-pass\"}",
                RunningApp.basic("admin"));
        app.get("/api/v1/me", RunningApp.basic("kat", "s3cret-kat-pass"));
        app.get("/api/v1/me", RunningApp.basic("kat", "wr0ng-kat-guess"));

        assertThat(LOGS.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("'kat'"));
        assertThat(LOGS.list).noneSatisfy(e -> assertThat(e.getFormattedMessage())
                .containsAnyOf("s3cret-kat-pass", "wr0ng-kat-guess", RunningApp.PASSWORD));
    }

    @Test
    void a_basic_auth_call_logs_its_sign_in_below_info_and_a_sign_in_through_the_page_at_info() {
        int before = LOGS.list.size();
        assertThat(app.getAs("exec", "/api/v1/me").statusCode()).isEqualTo(200);

        assertThat(LOGS.list.subList(before, LOGS.list.size())).noneSatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("'exec' signed in"));

        app.bean(dev.plumbline.dashboards.access.SignIn.class).signIn("exec", RunningApp.PASSWORD, "192.0.2.7");
        assertThat(LOGS.list.subList(before, LOGS.list.size())).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
            assertThat(e.getFormattedMessage()).isEqualTo("'exec' signed in from 192.0.2.7");
        });
    }

    @Test
    void a_created_user_signs_in_and_a_disabled_one_cannot() {
        HttpResponse<String> created = app.send("POST", "/api/v1/users",
                "{\"username\":\"grace\",\"displayName\":\"Grace Hopper\",\"roles\":[\"engineer\"],"
                        + "\"password\":\"nanoseconds-11\"}", RunningApp.basic("admin"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("nanoseconds-11").doesNotContain("passwordHash").doesNotContain("$2a$");
        assertThat(app.get("/api/v1/me", RunningApp.basic("grace", "nanoseconds-11")).statusCode()).isEqualTo(200);

        app.send("PUT", "/api/v1/users/grace", "{\"roles\":[\"engineer\"],\"disabled\":true}", RunningApp.basic("admin"));

        HttpResponse<String> refused = app.get("/api/v1/me", RunningApp.basic("grace", "nanoseconds-11"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("This account is disabled.");
    }

    @Test
    void a_role_change_applies_to_the_next_request() {
        app.send("POST", "/api/v1/users", "{\"username\":\"linus\",\"roles\":[\"engineer\"],\"password\":\"penguins-rule\"}",
                RunningApp.basic("admin"));
        assertThat(app.get("/api/v1/users", RunningApp.basic("linus", "penguins-rule")).statusCode()).isEqualTo(403);

        app.send("PUT", "/api/v1/users/linus", "{\"roles\":[\"admin\"],\"disabled\":false}", RunningApp.basic("admin"));

        assertThat(app.get("/api/v1/users", RunningApp.basic("linus", "penguins-rule")).statusCode()).isEqualTo(200);
    }

    @Test
    void bad_input_is_refused_naming_what_is_wrong_and_nothing_is_created() {
        assertThat(create("{\"username\":\"Bad Name\",\"roles\":[\"pm\"],\"password\":\"long enough!\"}"))
                .contains("username: user name 'Bad Name' must be 1 to 100 lower case letters");
        assertThat(create("{\"username\":\"shorty\",\"roles\":[\"pm\"],\"password\":\"short\"}"))
                .contains("password: must be at least 10 characters");
        assertThat(create("{\"username\":\"nobody\",\"roles\":[\"ceo\"],\"password\":\"long enough!\"}"))
                .contains("roles: unknown role 'ceo'");
        assertThat(create("{\"username\":\"exec\",\"roles\":[\"pm\"],\"password\":\"long enough!\"}"))
                .contains("username: 'exec' is taken");
        assertThat(create("{\"username\":\"x\",\"roles\":[\"pm\"]")).contains("400");
        assertThat(app.getAs("admin", "/api/v1/users").body()).doesNotContain("shorty", "nobody", "Bad Name");
    }

    @Test
    void repeated_wrong_passwords_lock_the_user_out_with_a_message_that_says_so() {
        for (int i = 0; i < 3; i++) {
            assertThat(app.get("/api/v1/me", RunningApp.basic("pm", "wrong-" + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = app.get("/api/v1/me", RunningApp.basic("pm"));

        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Too many failed sign-ins for this user or from this address. Try again in 15 minutes.");
    }

    private static String create(String json) {
        HttpResponse<String> response = app.send("POST", "/api/v1/users", json, RunningApp.basic("admin"));
        assertThat(response.statusCode()).isEqualTo(400);
        return response.statusCode() + " " + response.body();
    }
}
