package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.web.router.Router;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import dev.plumbline.sql.psr.PlantedPlatform;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every API endpoint: 401 without credentials, 403 for each role that may not, success for each role that may; and
 * for every endpoint, no money field in an engineer's response. The route list is checked against the router, so a
 * new endpoint cannot be added without being listed here.
 */
@ExtendWith(ClickHouseExtension.class)
class ApiAccessTest {

    /** Field names that carry money, anywhere in a JSON response. */
    static final Set<String> MONEY_FIELDS = Set.of("arr", "currency", "arrReporting", "reportingCurrency",
            "revenueAtRisk", "roi", "arrAtRisk", "arrInsideObjectives");
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static RunningApp app;

    /** One endpoint: method, route template, a concrete path and body, and the roles that may call it. */
    record Endpoint(String method, String template, Supplier<String> path, Supplier<String> body, Set<String> allowed,
                    String contentType) {

        Endpoint(String method, String template, Supplier<String> path, Supplier<String> body, Set<String> allowed) {
            this(method, template, path, body, allowed, "application/json");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static final Set<String> EVERYONE = Set.of("exec", "pm", "engineer", "admin");
    static final Set<String> ADMIN = Set.of("admin");
    static final Set<String> IMPORTERS = Set.of("pm", "admin");
    static final Set<String> BUSINESS = Set.of("exec", "pm", "admin");
    /** The planted platform's days (PlantedPlatform): rankings and figures have rows, with money for some roles. */
    static final String PERIOD = "from=2026-10-04&to=2026-10-08";
    /** Open to anonymous callers too. */
    static final Set<String> ANYONE = Set.of("anonymous", "exec", "pm", "engineer", "admin");

    static List<Endpoint> endpoints() {
        return List.of(
                get("/api/v1/me", "/api/v1/me", EVERYONE),
                get("/api/v1/definitions", "/api/v1/definitions", EVERYONE),
                get("/api/v1/summary", "/api/v1/summary?" + PERIOD, BUSINESS),
                get("/api/v1/trends/services/{name}", "/api/v1/trends/services/search?days=30", EVERYONE),
                get("/api/v1/trends/customers/{id}", "/api/v1/trends/customers/big?days=30", BUSINESS),
                get("/api/v1/definitions/{id}", "/api/v1/definitions/p95", EVERYONE),
                get("/api/v1/services", "/api/v1/services", EVERYONE),
                get("/api/v1/services/{name}", "/api/v1/services/search", EVERYONE),
                get("/api/v1/customers", "/api/v1/customers?limit=3", EVERYONE),
                get("/api/v1/users", "/api/v1/users", ADMIN),
                new Endpoint("POST", "/api/v1/users", () -> "/api/v1/users",
                        () -> "{\"username\":\"u" + UNIQUE.incrementAndGet() + "\",\"roles\":[\"exec\"],"
                                + "\"password\":\"long enough password\"}", ADMIN),
                new Endpoint("PUT", "/api/v1/users/{username}", () -> "/api/v1/users/exec",
                        () -> "{\"displayName\":\"Test exec\",\"roles\":[\"exec\"],\"disabled\":false}", ADMIN),
                new Endpoint("PUT", "/api/v1/users/{username}/password", () -> "/api/v1/users/exec/password",
                        () -> "{\"password\":\"" + RunningApp.PASSWORD + "\"}", ADMIN),
                get("/api/v1/tokens", "/api/v1/tokens", ADMIN),
                new Endpoint("POST", "/api/v1/tokens", () -> "/api/v1/tokens",
                        () -> "{\"name\":\"access test\",\"role\":\"engineer\"}", ADMIN),
                new Endpoint("DELETE", "/api/v1/tokens/{id}", () -> "/api/v1/tokens/" + newTokenId(), () -> null, ADMIN),
                get("/api/v1/customers/{id}/history", "/api/v1/customers/big/history", EVERYONE),
                get("/api/v1/customers/export.csv", "/api/v1/customers/export.csv", IMPORTERS),
                new Endpoint("POST", "/api/v1/customers/import", () -> "/api/v1/customers/import?dryRun=true",
                        () -> "id,name,arr,currency\nx1,X,1,USD\n", IMPORTERS, "text/csv"),
                new Endpoint("POST", "/api/v1/customers", () -> "/api/v1/customers?dryRun=true",
                        () -> "[{\"id\":\"x1\",\"name\":\"X\",\"arr\":1,\"currency\":\"USD\"}]", IMPORTERS),
                get("/api/v1/customers/mappings", "/api/v1/customers/mappings", IMPORTERS),
                new Endpoint("PUT", "/api/v1/customers/mappings/{source}", () -> "/api/v1/customers/mappings/crm",
                        () -> "{\"columns\":{\"id\":\"Account\"},\"defaultCurrency\":\"USD\"}", IMPORTERS),
                get("/api/v1/catalog/openslo", "/api/v1/catalog/openslo", EVERYONE),
                new Endpoint("POST", "/api/v1/catalog/openslo", () -> "/api/v1/catalog/openslo",
                        () -> "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: access-test\n", IMPORTERS,
                        "application/yaml"),
                get("/api/v1/catalog/folder", "/api/v1/catalog/folder", EVERYONE),
                new Endpoint("POST", "/api/v1/annotations", () -> "/api/v1/annotations",
                        () -> "{\"kind\":\"note\",\"text\":\"access test\"}", IMPORTERS),
                get("/api/v1/annotations", "/api/v1/annotations", EVERYONE),
                get("/api/v1/collectors", "/api/v1/collectors", Set.of("engineer", "admin")),
                new Endpoint("POST", "/api/v1/collectors/{source}/backfill", () -> "/api/v1/collectors/access/backfill",
                        () -> "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-01T01:00:00Z\"}", ADMIN),
                get("/api/v1/figures/services", "/api/v1/figures/services?" + PERIOD, EVERYONE),
                get("/api/v1/figures/services.csv", "/api/v1/figures/services.csv?" + PERIOD, IMPORTERS),
                get("/api/v1/figures/slices", "/api/v1/figures/slices?service=search&" + PERIOD, EVERYONE),
                get("/api/v1/figures/slices.csv", "/api/v1/figures/slices.csv?customer=big&" + PERIOD, IMPORTERS),
                get("/api/v1/figures/groups", "/api/v1/figures/groups?by=region&" + PERIOD, EVERYONE),
                get("/api/v1/figures/groups.csv", "/api/v1/figures/groups.csv?by=plan&" + PERIOD, IMPORTERS),
                get("/api/v1/figures/coverage", "/api/v1/figures/coverage?" + PERIOD, EVERYONE),
                get("/api/v1/rankings/slices", "/api/v1/rankings/slices?" + PERIOD, EVERYONE),
                get("/api/v1/rankings/slices.csv", "/api/v1/rankings/slices.csv?" + PERIOD, IMPORTERS),
                get("/api/v1/rankings/services", "/api/v1/rankings/services?" + PERIOD, EVERYONE),
                get("/api/v1/rankings/services.csv", "/api/v1/rankings/services.csv?" + PERIOD, IMPORTERS),
                get("/api/v1/rankings/segments", "/api/v1/rankings/segments?" + PERIOD, EVERYONE),
                get("/api/v1/rankings/segments.csv", "/api/v1/rankings/segments.csv?" + PERIOD, IMPORTERS),
                get("/api/v1/customer-health", "/api/v1/customer-health?" + PERIOD, BUSINESS),
                get("/api/v1/customer-health/export.csv", "/api/v1/customer-health/export.csv?" + PERIOD, IMPORTERS),
                get("/api/v1/openapi.yml", "/api/v1/openapi.yml", ANYONE));
    }

    static Stream<Endpoint> endpointStream() {
        return endpoints().stream();
    }

    private static Endpoint get(String template, String path, Set<String> allowed) {
        return new Endpoint("GET", template, () -> path, () -> null, allowed);
    }

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), Clock.systemUTC());
        // one source that cannot be reached: its status and a backfill answer all the same
        app = RunningApp.start(db, Map.of("plumbline.demo.seed", true, "plumbline.collectors.interval", "1h",
                "plumbline.collectors.prometheus.access.url", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointStream")
    void without_credentials_every_endpoint_answers_401(Endpoint e) {
        HttpResponse<String> response = app.send(e.method(), e.path().get(), e.body().get(), e.contentType(), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(e.allowed().contains("anonymous") ? 200 : 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointStream")
    void each_role_gets_success_where_allowed_and_403_elsewhere(Endpoint e) {
        for (String role : RunningApp.USERS) {
            HttpResponse<String> response = app.send(e.method(), e.path().get(), e.body().get(), e.contentType(),
                    RunningApp.basic(role));

            if (e.allowed().contains(role)) {
                assertThat(response.statusCode()).as(role + ": " + response.body()).isBetween(200, 299);
                if (e.method().equals("GET")) {   // Micronaut answers 200 with no body for a record it cannot serialize
                    assertThat(response.body()).as(role + ": " + e.template() + " answers with a body").isNotEmpty();
                }
                boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
                if (json && !response.body().isEmpty()) {
                    app.json(response.body(), Object.class); // a whole JSON document, not a body cut off by an error
                }
            } else {
                assertThat(response.statusCode()).as(role + ": " + response.body()).isEqualTo(403);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointStream")
    void an_engineers_responses_carry_no_money_field(Endpoint e) {
        if (!e.allowed().contains("engineer") || !e.method().equals("GET") || e.allowed().contains("anonymous")) {
            return; // nothing is returned to the engineer, or it describes the API rather than holding data
        }
        HttpResponse<String> response = app.send("GET", e.path().get(), null, RunningApp.basic("engineer"));

        assertThat(response.statusCode()).isEqualTo(200);
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            assertThat(keys(app.json(response.body(), Object.class))).doesNotContainAnyElementsOf(MONEY_FIELDS);
        } else {
            assertThat(response.body()).doesNotContainPattern("(?i)\\barr\\b");
        }
    }

    @Test
    void the_same_customer_list_carries_money_for_exec_so_the_engineer_check_can_fail() {
        HttpResponse<String> response = app.getAs("exec", "/api/v1/customers?limit=3");

        assertThat(keys(app.json(response.body(), Object.class))).contains("arr", "currency");
    }

    @Test
    void the_same_rankings_carry_money_for_exec_so_the_engineer_check_can_fail() {
        for (String path : List.of("/api/v1/rankings/slices?", "/api/v1/rankings/services?", "/api/v1/rankings/segments?",
                "/api/v1/customer-health?")) {
            HttpResponse<String> response = app.getAs("exec", path + PERIOD);

            assertThat(keys(app.json(response.body(), Object.class))).as(path).contains("revenueAtRisk", "reportingCurrency");
        }
    }

    @Test
    void every_api_route_is_listed_here() {
        Set<String> routed = new TreeSet<>();
        app.bean(Router.class).uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/"))
                .filter(r -> !r.getHttpMethodName().equals("HEAD")) // Micronaut adds HEAD for every GET
                .forEach(r -> routed.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString()));
        Set<String> listed = new TreeSet<>();
        endpoints().forEach(e -> listed.add(e.method() + " " + e.template()));

        assertThat(listed).isEqualTo(routed);
    }

    private static String newTokenId() {
        HttpResponse<String> created = app.send("POST", "/api/v1/tokens", "{\"name\":\"to revoke\",\"role\":\"pm\"}",
                RunningApp.basic("admin"));
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) app.jsonMap(created.body()).get("info");
        return (String) info.get("id");
    }

    /** Every object key anywhere in a parsed JSON value. */
    @SuppressWarnings("unchecked")
    static Set<String> keys(Object json) {
        Set<String> out = new TreeSet<>();
        List<Object> todo = new ArrayList<>(List.of(json));
        while (!todo.isEmpty()) {
            Object next = todo.removeLast();
            if (next instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    out.add(String.valueOf(k));
                    todo.add(v);
                });
            } else if (next instanceof Collection<?> list) {
                todo.addAll((Collection<Object>) list);
            }
        }
        return out;
    }
}
