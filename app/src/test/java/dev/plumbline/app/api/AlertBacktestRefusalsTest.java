package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad backtest request is refused naming its field: 400 for a value that cannot work, 404 for a name unknown. */
@ExtendWith(ClickHouseExtension.class)
class AlertBacktestRefusalsTest {

    private static final String RULE = "{\"name\":\"page\",\"severity\":\"page\",\"longWindow\":\"1h\",\"factor\":10}";
    private static final String POLICY = "{\"name\":\"p\",\"rules\":[" + RULE + "]}";
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        Clock clock = Clock.fixed(RunningApp.NOW, ZoneOffset.UTC);
        new ServiceCatalogStore(db.migrate().clickHouse(), clock).upsert(
                List.of(new Service("checkout", "Checkout", "", "payments", "tier-1", 1)),
                List.of(AlertsApiTest.AVAILABILITY, AlertsApiTest.LATENCY));
        new CustomerStore(db.clickHouse(), clock).upsert(List.of(new Customer("acme", "Acme", "enterprise", "us-east",
                "growth", new BigDecimal("1000.00"), "USD", 10, 5, LocalDate.of(2027, 1, 1), 10.0,
                LocalDate.of(2026, 1, 1))));
        Instant minute = Instant.parse("2026-11-01T10:00:00Z");
        new TelemetryStore(db.clickHouse(), clock).insert(List.of(new TelemetryMinute("checkout", "acme", "prometheus",
                minute, 100, 1, List.of(), List.of(), true)));
        new RollupStore(db.clickHouse(), clock).rollUpHours(minute, minute.plusSeconds(60));
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "\"candidates\":[]                                                                   | 400 | candidates",
        "\"candidates\":[{\"name\":\"p\",\"rules\":[]}]                                         | 400 | candidates[0].rules",
        "\"candidates\":[{\"name\":\"Bad Name\",\"rules\":[RULE]}]                               | 400 | candidates[0].name",
        "\"candidates\":[POLICY,POLICY]                                                       | 400 | candidates[1].name",
        "\"candidates\":[{\"name\":\"p\",\"rules\":[{\"name\":\"x\",\"severity\":\"loud\",\"longWindow\":\"1h\",\"factor\":1}]}] | 400 | candidates[0].rules[0].severity",
        "\"candidates\":[{\"name\":\"p\",\"rules\":[{\"name\":\"x\",\"severity\":\"page\",\"longWindow\":\"1x\",\"factor\":1}]}] | 400 | candidates[0].rules[0].longWindow",
        "\"candidates\":[{\"name\":\"p\",\"rules\":[{\"name\":\"x\",\"severity\":\"page\",\"longWindow\":\"1h\",\"shortWindow\":\"2h\",\"factor\":1}]}] | 400 | candidates[0].rules[0].shortWindow",
        "\"candidates\":[{\"name\":\"p\",\"rules\":[{\"name\":\"x\",\"severity\":\"page\",\"longWindow\":\"1h\",\"factor\":0}]}] | 400 | candidates[0].rules[0].factor",
        "\"candidates\":[{\"name\":\"p\",\"rules\":[{\"name\":\"x\",\"severity\":\"page\",\"longWindow\":\"1h\",\"factor\":1,\"forDuration\":\"30s\"}]}] | 400 | candidates[0].rules[0].forDuration",
        "\"candidates\":[{\"name\":\"p\",\"rules\":[{\"name\":\"x\",\"severity\":\"page\",\"longWindow\":\"1h\",\"factor\":1,\"minRequests\":-1}]}] | 400 | candidates[0].rules[0].minRequests",
        "\"from\":\"yesterday\",\"candidates\":[POLICY]                                       | 400 | from",
        "\"from\":\"2026-11-01T00:00:30Z\",\"candidates\":[POLICY]                            | 400 | from",
        "\"to\":\"2100-01-01T00:00:00Z\",\"candidates\":[POLICY]                              | 400 | to",
        "\"from\":\"2026-11-02T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\",\"candidates\":[POLICY] | 400 | from",
        "\"from\":\"2025-01-01T00:00:00Z\",\"candidates\":[POLICY]                            | 400 | from",
        "\"businessHours\":{\"zone\":\"Mars/Olympus\"},\"candidates\":[POLICY]                 | 400 | businessHours.zone",
        "\"businessHours\":{\"start\":\"9am\"},\"candidates\":[POLICY]                        | 400 | businessHours.start",
        "\"businessHours\":{\"start\":\"18:00\",\"end\":\"09:00\"},\"candidates\":[POLICY]     | 400 | businessHours",
        "\"businessHours\":{\"workdays\":[\"monday\",\"funday\"]},\"candidates\":[POLICY]      | 400 | businessHours.workdays[1]",
        "\"cooldown\":\"soon\",\"candidates\":[POLICY]                                        | 400 | cooldown",
        "\"cooldown\":\"8d\",\"candidates\":[POLICY]                                          | 400 | cooldown",
        "\"customer\":\"acme\",\"segment\":\"enterprise\",\"candidates\":[POLICY]             | 400 | segment",
        "\"customer\":\"acme\",\"from\":\"2015-01-01T00:00:00Z\",\"to\":\"2015-02-01T00:00:00Z\",\"candidates\":[POLICY] | 400 | from",
        "\"customer\":\"nobody\",\"candidates\":[POLICY]                                      | 404 | customer",
        "\"segment\":\"smb\",\"candidates\":[POLICY]                                          | 404 | segment"})
    void a_bad_value_is_refused_naming_its_field(String fields, int status, String field) {
        String body = "{\"service\":\"checkout\",\"objective\":\"availability\","
                + fields.replace("POLICY", POLICY).replace("RULE", RULE) + "}";

        refused(body, status, field);
    }

    @Test
    void more_than_twenty_candidates_are_refused() {
        String many = String.join(",", Collections.nCopies(21, POLICY));

        assertThat(refused("{\"service\":\"checkout\",\"objective\":\"availability\",\"candidates\":[" + many + "]}",
                400, "candidates").message()).isEqualTo("candidates: give 1 to 20 candidate policies, gave 21");
    }

    @Test
    void an_unknown_service_or_objective_is_404_and_a_missing_one_400() {
        refused("{\"service\":\"nope\",\"objective\":\"availability\",\"candidates\":[" + POLICY + "]}", 404, "service");
        refused("{\"service\":\"checkout\",\"objective\":\"nope\",\"candidates\":[" + POLICY + "]}", 404, "objective");
        refused("{\"objective\":\"availability\",\"candidates\":[" + POLICY + "]}", 400, "service");
        refused("{\"service\":\"checkout\",\"candidates\":[" + POLICY + "]}", 400, "objective");
        assertThat(app.getAs("engineer", "/api/v1/alerts/presets?service=nope&objective=availability").statusCode())
                .isEqualTo(404);
        assertThat(app.getAs("engineer", "/api/v1/alerts/presets?service=checkout").statusCode()).isEqualTo(400);
    }

    @Test
    void a_customer_range_older_than_the_raw_minutes_names_the_day_they_start() {
        ApiError error = refused("{\"service\":\"checkout\",\"objective\":\"availability\",\"customer\":\"acme\","
                + "\"from\":\"2015-01-01T00:00:00Z\",\"to\":\"2015-02-01T00:00:00Z\",\"candidates\":[" + POLICY + "]}",
                400, "from");

        // the app's clock stands at 2026-11-20T12:00Z and raw minutes are kept 3650 days in tests
        assertThat(error.message()).startsWith("from: the raw minutes per customer start at 2016-11-23 (kept 3650 days)");
    }

    @Test
    void the_same_customer_within_the_raw_minutes_is_answered() {
        HttpResponse<String> response = app.send("POST", "/api/v1/alerts/backtest", "{\"service\":\"checkout\","
                + "\"objective\":\"availability\",\"customer\":\"acme\",\"candidates\":[" + POLICY + "]}",
                RunningApp.basic("engineer"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static ApiError refused(String body, int status, String field) {
        HttpResponse<String> response = app.send("POST", "/api/v1/alerts/backtest", body, RunningApp.basic("engineer"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        ApiError error = app.json(response.body(), ApiError.class);
        assertThat(error.details()).as(response.body()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo(field);
            assertThat(d.message()).startsWith(field + ": ");
        });
        return error;
    }
}
