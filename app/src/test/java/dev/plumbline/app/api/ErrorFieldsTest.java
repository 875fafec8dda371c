package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad requests of every kind the API checks: each is a 4xx whose detail names the parameter, body field or path
 * variable it is about, and whose message begins with that name; a refusal about no one field (an unknown path, a
 * body that is not JSON) has no field rather than a made-up one.
 */
@ExtendWith(ClickHouseExtension.class)
class ErrorFieldsTest {

    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of("plumbline.demo.seed", true, "plumbline.collectors.interval", "1h",
                "plumbline.collectors.prometheus.errors.url", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "GET    | /api/v1/services?limit=0                      | -                                                          | 400 | limit",
        "GET    | /api/v1/services?offset=ten                   | -                                                          | 400 | offset",
        "GET    | /api/v1/services?limit=5&limit=6              | -                                                          | 400 | limit",
        "GET    | /api/v1/services/bad%20name%21                | -                                                          | 400 | name",
        "GET    | /api/v1/services/nope                         | -                                                          | 404 | name",
        "GET    | /api/v1/definitions/nope                      | -                                                          | 404 | id",
        "GET    | /api/v1/customers/nope/history                | -                                                          | 404 | id",
        "GET    | /api/v1/customers?asOf=1900-01-01             | -                                                          | 400 | asOf",
        "GET    | /api/v1/trends/services/nope                  | -                                                          | 404 | name",
        "GET    | /api/v1/trends/services/search?days=0         | -                                                          | 400 | days",
        "GET    | /api/v1/trends/customers/cus-0001?until=x     | -                                                          | 400 | until",
        "GET    | /api/v1/figures/groups?by=colour              | -                                                          | 400 | by",
        "GET    | /api/v1/figures/slices                        | -                                                          | 400 | service",
        "GET    | /api/v1/figures/services?month=2026-13        | -                                                          | 400 | month",
        "GET    | /api/v1/figures/services?month=2026-10&from=2026-10-01&to=2026-10-02 | -                            | 400 | month",
        "GET    | /api/v1/figures/services?from=2026-10-01      | -                                                          | 400 | to",
        "GET    | /api/v1/rankings/slices?volumeBand=huge       | -                                                          | 400 | volumeBand",
        "GET    | /api/v1/rankings/slices?renewalWithinDays=-1  | -                                                          | 400 | renewalWithinDays",
        "GET    | /api/v1/customer-health?segment=x             | -                                                          | 400 | segment",
        "GET    | /api/v1/annotations?kind=nope                 | -                                                          | 400 | kind",
        "GET    | /api/v1/annotations?from=yesterday            | -                                                          | 400 | from",
        "POST   | /api/v1/annotations                           | {\"kind\":\"nope\",\"text\":\"x\"}                          | 400 | kind",
        "POST   | /api/v1/annotations                           | {\"kind\":\"note\",\"text\":\"\"}                           | 400 | text",
        "POST   | /api/v1/annotations                           | {\"kind\":\"note\",\"text\":\"x\",\"service\":\"nope\"}     | 400 | service",
        "POST   | /api/v1/annotations                           | {\"kind\":\"note\",\"text\":\"x\",\"link\":\"ftp://x\"}     | 400 | link",
        "POST   | /api/v1/annotations                           | {\"kind\":\"note\",\"text\":\"x\",\"start\":\"2026-10-02T00:00:00Z\",\"end\":\"2026-10-01T00:00:00Z\"} | 400 | end",
        "POST   | /api/v1/users                                 | {\"username\":\"Bad Name\",\"roles\":[\"pm\"],\"password\":\"long enough!\"} | 400 | username",
        "POST   | /api/v1/users                                 | {\"username\":\"kim\",\"roles\":[\"ceo\"],\"password\":\"long enough!\"} | 400 | roles",
        "POST   | /api/v1/users                                 | {\"username\":\"kim\",\"roles\":[\"pm\"],\"password\":\"short\"} | 400 | password",
        "POST   | /api/v1/users                                 | {\"username\":\"exec\",\"roles\":[\"pm\"],\"password\":\"long enough!\"} | 400 | username",
        "POST   | /api/v1/users                                 | {\"username\":\"kim\",\"roles\":[],\"password\":\"long enough!\"} | 400 | roles",
        "PUT    | /api/v1/users/nobody                          | {\"roles\":[\"pm\"],\"disabled\":false}                     | 404 | username",
        "PUT    | /api/v1/users/admin                           | {\"roles\":[\"pm\"],\"disabled\":false}                     | 409 | roles",
        "PUT    | /api/v1/users/exec                            | {\"roles\":[\"exec\"]}                                      | 400 | disabled",
        "POST   | /api/v1/tokens                                | {\"name\":\"x\",\"role\":\"ceo\"}                           | 400 | role",
        "POST   | /api/v1/tokens                                | {\"name\":\"\",\"role\":\"pm\"}                             | 400 | name",
        "DELETE | /api/v1/tokens/nope                           | -                                                          | 404 | id",
        "PUT    | /api/v1/customers/mappings/Bad_Source         | {\"columns\":{\"id\":\"A\"}}                                | 400 | source",
        "PUT    | /api/v1/customers/mappings/crm                | {\"columns\":{\"revenue\":\"ARR\"}}                         | 400 | columns.revenue",
        "PUT    | /api/v1/customers/mappings/crm                | {\"columns\":{\"id\":\"\"}}                                 | 400 | columns.id",
        "PUT    | /api/v1/customers/mappings/crm                | {\"columns\":{\"id\":\"A\"},\"defaultCurrency\":\"dollars\"} | 400 | defaultCurrency",
        "POST   | /api/v1/customers?dryRun=yes                  | []                                                         | 400 | dryRun",
        "POST   | /api/v1/collectors/nope/backfill              | {\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-10-02T00:00:00Z\"} | 404 | source",
        "POST   | /api/v1/collectors/errors/backfill            | {\"from\":\"soon\",\"to\":\"2026-10-02T00:00:00Z\"}         | 400 | from",
        "POST   | /api/v1/collectors/errors/backfill            | {\"from\":\"2026-10-02T00:00:00Z\",\"to\":\"2026-10-01T00:00:00Z\"} | 400 | from",
        "GET    | /api/v1/no-such-thing                         | -                                                          | 404 | -",
        "POST   | /api/v1/annotations                           | {\"kind\":                                                 | 400 | -"})
    void every_refusal_names_the_field_it_is_about(String method, String path, String body, int status, String field) {
        HttpResponse<String> response = app.send(method, path, body, RunningApp.basic("admin"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        ApiError error = app.json(response.body(), ApiError.class);
        assertThat(error.details()).as(response.body()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.field()).isEqualTo(field);
            if (field != null) {
                assertThat(d.message()).startsWith(field + ": ");
            }
        });
    }
}
