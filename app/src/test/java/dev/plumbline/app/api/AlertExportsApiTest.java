package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.collectors.alerts.datadog.DatadogReadBack;
import dev.plumbline.collectors.alerts.prometheus.Promtool;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exports through the API, for a service reported by a configured Prometheus source with Micrometer's names and
 * its own service label: the rule file and its promtool test pass Debian's promtool, the Datadog monitors read back
 * through Datadog's client, the OpenSLO documents import back to the same policy; refusals name their field.
 */
@ExtendWith(ClickHouseExtension.class)
class AlertExportsApiTest {

    private static final Instant HOUR = RunningApp.NOW.truncatedTo(ChronoUnit.HOURS).minus(28, ChronoUnit.HOURS);
    private static final List<Double> BOUNDS = List.of(0.1, 0.3, 1.0, Double.POSITIVE_INFINITY);
    private static final String SRE = "{\"name\":\"sre-workbook\",\"rules\":["
            + "{\"name\":\"page-1h\",\"severity\":\"page\",\"longWindow\":\"1h\",\"shortWindow\":\"5m\",\"factor\":14.4},"
            + "{\"name\":\"page-6h\",\"severity\":\"page\",\"longWindow\":\"6h\",\"shortWindow\":\"30m\",\"factor\":6,"
            + "\"forDuration\":\"5m\",\"keepFiringFor\":\"10m\",\"minRequests\":1000}]}";
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        Clock clock = Clock.fixed(RunningApp.NOW, ZoneOffset.UTC);
        var clickHouse = db.migrate().clickHouse();
        new ServiceCatalogStore(clickHouse, clock).upsert(
                List.of(new Service("checkout", "Checkout", "", "payments", "tier-1", 1,
                        "https://runbooks.example.com/checkout"), new Service("orders", "Orders", "", "", "", 1)),
                List.of(new Objective("checkout", "availability", Indicator.AVAILABILITY, 0.999, null,
                                ObjectiveWindow.rolling(30)),
                        new Objective("checkout", "latency", Indicator.LATENCY, 0.99, 300.0, ObjectiveWindow.rolling(28)),
                        new Objective("checkout", "slow", Indicator.LATENCY, 0.99, 250.0, ObjectiveWindow.rolling(28)),
                        new Objective("orders", "availability", Indicator.AVAILABILITY, 0.995, null,
                                ObjectiveWindow.CALENDAR_MONTH)));
        new TelemetryStore(clickHouse, clock).insert(List.of(new TelemetryMinute("checkout", "acme", "shop", HOUR, 100,
                1, BOUNDS, List.of(50.0, 40.0, 9.0, 1.0), true)));
        new RollupStore(clickHouse, clock).rollUpHours(HOUR, HOUR.plus(1, ChronoUnit.HOURS));
        app = RunningApp.start(db, Map.of("plumbline.collectors.interval", "1h",
                "plumbline.collectors.prometheus.other.url", "http://127.0.0.1:9",
                "plumbline.collectors.prometheus.shop.url", "http://127.0.0.1:9",
                "plumbline.collectors.prometheus.shop.preset", "micrometer",
                "plumbline.collectors.prometheus.shop.service-label", "app",
                "plumbline.web.external-url", "https://plumbline.example.com/"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> export(String kind, String service, String objective, String policy) {
        return app.send("POST", "/api/v1/alerts/export/" + kind, "{\"service\":\"" + service + "\",\"objective\":\""
                + objective + "\",\"policy\":" + policy + "}", RunningApp.basic("engineer"));
    }

    @Test
    void the_rule_file_is_in_the_reporting_sources_names_and_passes_its_own_promtool_test(@TempDir Path dir)
            throws Exception {
        HttpResponse<String> rules = export("prometheus", "checkout", "availability", SRE);
        HttpResponse<String> test = export("promtool-test", "checkout", "availability", SRE);

        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        assertThat(rules.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(rules.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"checkout-availability.rules.yml\"");
        assertThat(rules.body()).contains("sum(rate(http_server_requests_seconds_count{app=\"checkout\", status=~\"5..\"}[5m]))",
                "plumbline_url: https://plumbline.example.com/service?name=checkout",
                "runbook_url: https://runbooks.example.com/checkout", "keep_firing_for: 10m");
        assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
        assertThat(test.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"checkout-availability.test.yml\"");
        Promtool.write(dir, "checkout-availability.rules.yml", rules.body());
        Promtool.write(dir, "checkout-availability.test.yml", test.body());
        Promtool.Result check = Promtool.checkRules(dir.resolve("checkout-availability.rules.yml"));
        Promtool.Result run = Promtool.testRules(dir.resolve("checkout-availability.test.yml"));
        assertThat(check.success()).as(check.output()).isTrue();
        assertThat(run.success()).as(run.output()).isTrue();
    }

    @Test
    void a_latency_objective_uses_the_bucket_bound_and_one_off_the_bounds_is_refused_naming_them() {
        HttpResponse<String> atBound = export("prometheus", "checkout", "latency", SRE);
        HttpResponse<String> offBound = export("prometheus", "checkout", "slow", SRE);

        assertThat(atBound.statusCode()).as(atBound.body()).isEqualTo(200);
        assertThat(atBound.body()).contains("http_server_requests_seconds_bucket{app=\"checkout\", le=\"0.3\"}");
        assertThat(offBound.statusCode()).isEqualTo(400);
        ApiError error = app.json(offBound.body(), ApiError.class);
        assertThat(error.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("objective");
            assertThat(d.message()).startsWith("objective: the latency threshold 250 ms of checkout/slow is not a "
                    + "bucket bound of http_server_requests_seconds (its bounds in seconds: 0.1, 0.3, 1, +Inf)");
        });
    }

    @Test
    void the_datadog_monitors_read_back_through_datadogs_client() {
        HttpResponse<String> response = export("datadog", "checkout", "availability", SRE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DatadogReadBack.Read read = DatadogReadBack.read(response.body());
        assertThat(read.monitors()).hasSize(4);
        assertThat(read.monitors().getFirst().getQuery()).startsWith("burn_rate(\"${slo_id}\").over(\"30d\")");
    }

    @Test
    void the_openslo_documents_import_back_to_the_same_policy() {
        String policy = "{\"name\":\"orders-pages\",\"rules\":[{\"name\":\"page-1h\",\"severity\":\"page\","
                + "\"longWindow\":\"1h\",\"shortWindow\":\"5m\",\"factor\":14.4,\"forDuration\":\"2m\","
                + "\"keepFiringFor\":\"0m\",\"minRequests\":500}]}";
        HttpResponse<String> exported = export("openslo", "orders", "availability", policy);
        assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);

        HttpResponse<String> imported = app.send("POST", "/api/v1/catalog/openslo",
                "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: orders\n  displayName: Orders\n---\n"
                        + exported.body(), "application/yaml", RunningApp.basic("admin"));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        CatalogController.Imported outcome = app.json(imported.body(), CatalogController.Imported.class);
        assertThat(outcome.alertPolicies()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("orders");
            assertThat(p.objective()).isEqualTo("availability");
            assertThat(p.policy().toPolicy("imported")).isEqualTo(app.json(policy, AlertPolicyJson.class).toPolicy("posted"));
        });
        assertThat(outcome.policiesSaved()).isEqualTo(1);
        HttpResponse<String> saved = app.send("GET", "/api/v1/alerts/policies/orders/availability", null,
                RunningApp.basic("engineer"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"savedBy\":\"admin\"", "\"name\":\"orders-pages\"");
    }

    @Test
    void the_saved_policy_exports_as_the_same_files_as_the_policy_posted() {
        HttpResponse<String> none = app.get("/api/v1/alerts/export/saved/checkout/slow/prometheus", RunningApp.basic("engineer"));
        assertThat(none.statusCode()).as(none.body()).isEqualTo(404);
        HttpResponse<String> saved = app.send("PUT", "/api/v1/alerts/policies/checkout/availability", SRE,
                RunningApp.basic("engineer"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        for (String kind : List.of("prometheus", "promtool-test", "datadog", "openslo")) {
            HttpResponse<String> posted = export(kind, "checkout", "availability", SRE);
            HttpResponse<String> got = app.get("/api/v1/alerts/export/saved/checkout/availability/" + kind,
                    RunningApp.basic("engineer"));

            assertThat(got.statusCode()).as(kind + ": " + got.body()).isEqualTo(200);
            assertThat(got.body()).as(kind).isEqualTo(posted.body());
            assertThat(got.headers().firstValue("Content-Disposition")).isEqualTo(posted.headers().firstValue("Content-Disposition"));
            assertThat(got.headers().firstValue("Content-Type")).isEqualTo(posted.headers().firstValue("Content-Type"));
        }
        HttpResponse<String> unknown = app.get("/api/v1/alerts/export/saved/checkout/availability/nagios",
                RunningApp.basic("engineer"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(app.json(unknown.body(), ApiError.class).details().getFirst().field()).isEqualTo("kind");
    }

    @Test
    void refusals_name_the_field_and_unknown_names_are_not_found() {
        Map<String, HttpResponse<String>> cases = Map.of(
                "policy.rules[0].longWindow", export("prometheus", "checkout", "availability",
                        SRE.replace("\"longWindow\":\"1h\"", "\"longWindow\":\"1x\"")),
                "policy", export("datadog", "checkout", "availability", "null"),
                "service", export("openslo", "nope", "availability", SRE),
                "objective", export("prometheus", "checkout", "nope", SRE));
        cases.forEach((field, response) -> {
            assertThat(response.statusCode()).as(field + ": " + response.body())
                    .isEqualTo(field.equals("service") || field.equals("objective") ? 404 : 400);
            assertThat(app.json(response.body(), ApiError.class).details()).as(field).singleElement()
                    .satisfies(d -> assertThat(d.field()).isEqualTo(field));
        });
        HttpResponse<String> source = app.send("POST", "/api/v1/alerts/export/prometheus", "{\"service\":\"checkout\","
                + "\"objective\":\"availability\",\"source\":\"nowhere\",\"policy\":" + SRE + "}", RunningApp.basic("engineer"));
        assertThat(source.statusCode()).isEqualTo(400);
        assertThat(app.json(source.body(), ApiError.class).details().getFirst().message())
                .isEqualTo("source: no Prometheus source named 'nowhere'; configured: other, shop");
    }
}
