package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.plumbline.app.security.TokenService;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.app.testing.TcpRelay;
import dev.plumbline.sql.Admission;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * When ClickHouse fails, a client learns that it failed and what to do, never what the database said: a wrong
 * statement is a 500 with an error id that the log line carries with the store's message; an unreachable store is a
 * 503 with Retry-After, and readiness goes down; a saturated store is a 503 with Retry-After at once (not a wait
 * ending in an error), while liveness and readiness stay answered (the health ping goes around the queue).
 */
@ExtendWith(ClickHouseExtension.class)
class StoreFailureTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void listen() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(ApiErrorResponseProcessor.class)).addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(ApiErrorResponseProcessor.class)).detachAppender(logs);
    }

    @Test
    void a_failing_store_query_is_a_json_500_with_an_error_id_that_the_log_has_with_the_store_message(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, Map.of())) {
            assertThat(app.getAs("admin", "/api/v1/services").statusCode()).isEqualTo(200);

            db.clickHouse().execute(new NamedQuery("drop", "DROP TABLE services SYNC"));
            HttpResponse<String> response = app.getAs("admin", "/api/v1/services");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            ApiError error = app.json(response.body(), ApiError.class);
            assertThat(error.errorId()).matches("[0-9a-f]{12}");
            assertThat(error.message()).isEqualTo("internal error: the server's log has the details under error id "
                    + error.errorId());
            assertThat(response.body()).doesNotContain("count_services", "Code: 60", "DB::Exception", "UNKNOWN_TABLE");
            assertThat(logs.list).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).startsWith("error " + error.errorId() + ": GET /api/v1/services answered 500");
                assertThat(e.getThrowableProxy().getMessage()).contains("query count_services failed: Code: 60.");
            });
        }
    }

    @Test
    void an_unreachable_store_is_a_503_with_retry_after_and_readiness_goes_down(TestDatabase db) {
        try (TcpRelay relay = TcpRelay.to(db.spec().httpUrl());
             RunningApp app = RunningApp.start(db, Map.of("plumbline.clickhouse.url", relay.url("http")))) {
            assertThat(app.getAs("admin", "/api/v1/services").statusCode()).isEqualTo(200);
            assertThat(app.get("/health/readiness").statusCode()).isEqualTo(200);

            relay.cut();
            HttpResponse<String> response = app.getAs("admin", "/api/v1/services");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            ApiError error = app.json(response.body(), ApiError.class);
            assertThat(error.message()).isEqualTo("the store cannot answer right now (unreachable or overloaded); try "
                    + "again in 5 seconds");
            assertThat(response.body()).doesNotContain("Connection refused", "127.0.0.1", "count_services");
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .startsWith("error " + error.errorId() + ": GET /api/v1/services answered 503")
                    .contains("StoreException: query "));
            HttpResponse<String> readiness = app.get("/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
        }
    }

    @Test
    void a_saturated_store_answers_503_with_retry_after_at_once_and_health_stays_answered(TestDatabase db) {
        // the background workers (delivery, digests) stay off: at the start they would take turns of this tiny pool
        // next to the start's own statements, and the test holds both turns itself
        try (RunningApp app = RunningApp.start(db, Map.of("plumbline.clickhouse.pool-size", 2,
                "plumbline.clickhouse.queue", 0, "plumbline.security.identity-refresh", "1m",
                "plumbline.notify.delivery.enabled", false, "plumbline.digests.enabled", false))) {
            Map<String, String> token = RunningApp.bearer(app.bean(TokenService.class).create("load", "admin", "admin").secret());
            assertThat(app.get("/api/v1/customers", token).statusCode()).isEqualTo(200);
            Admission admission = app.bean(ClickHouse.class).admission();
            Admission.Turn first = admission.enter("held");
            Admission.Turn second = admission.enter("held");

            HttpResponse<String> response = app.get("/api/v1/customers", token);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(app.json(response.body(), ApiError.class).message())
                    .isEqualTo("the store cannot answer right now (unreachable or overloaded); try again in 5 seconds");
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("GET /api/v1/customers answered 503")
                    .contains(" refused: the store is busy (2 statements running; the queue is full, 0 waiting)"));
            HttpResponse<String> readiness = app.get("/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(app.get("/health/liveness").statusCode()).isEqualTo(200);

            first.close();
            second.close();
            assertThat(app.get("/api/v1/customers", token).statusCode()).isEqualTo(200);
        }
    }
}
