package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.plumbline.app.api.ApiError;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.admin.TokensView;
import dev.plumbline.dashboards.triggers.TriggersView;
import dev.plumbline.dashboards.admin.UsersView;
import dev.plumbline.dashboards.catalog.ServicesView;
import dev.plumbline.dashboards.collect.CollectorsView;
import dev.plumbline.dashboards.customer.CustomerView;
import dev.plumbline.dashboards.customer.CustomersView;
import dev.plumbline.dashboards.digests.SubscriptionsView;
import dev.plumbline.dashboards.explore.ExploreView;
import dev.plumbline.dashboards.improvements.ImprovementsView;
import dev.plumbline.dashboards.glossary.GlossaryView;
import dev.plumbline.dashboards.imports.ImportView;
import dev.plumbline.dashboards.notify.NotificationsView;
import dev.plumbline.dashboards.roi.RoiView;
import dev.plumbline.dashboards.service.ServiceView;
import dev.plumbline.dashboards.summary.SummaryView;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every API endpoint x every caller (anonymous and each role): 401 without credentials, 403 for each role its one
 * permission does not include, success for the others. The permission is the one of the page that shows the same
 * data (API = UI: a role that cannot open the Customers page gets no customer from the API either), and the list is
 * checked against the router and against each endpoint's {@code @Secured}, so an endpoint cannot be added or opened
 * up without being listed here. An engineer's responses carry no money field. Cases that do not apply are not
 * generated, and each factory ends with a check that every generated case ran.
 */
@ExtendWith(ClickHouseExtension.class)
class ApiAccessTest {

    /** Field names that carry money, anywhere in a JSON response. */
    static final Set<String> MONEY_FIELDS = Set.of("arr", "currency", "arrReporting", "reportingCurrency",
            "revenueAtRisk", "roi", "arrAtRisk", "arrInsideObjectives", "money");
    static final List<String> CALLERS = List.of("anonymous", "exec", "pm", "engineer", "admin");
    /** The planted platform's days (PlantedPlatform): rankings and figures have rows, with money for some roles. */
    static final String PERIOD = "from=2026-10-04&to=2026-10-08";
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    /** An alert policy (the Alerts page has yet to come: tune-alerts endpoints have no page to compare with). */
    static final String POLICY = "{\"name\":\"fast\",\"rules\":[{\"name\":\"page\",\"severity\":\"page\","
            + "\"longWindow\":\"1h\",\"shortWindow\":\"5m\",\"factor\":14.4}]}";
    static final String BACKTEST = "{\"service\":\"search\",\"objective\":\"availability\","
            + "\"from\":\"2026-10-04T00:00:00Z\",\"to\":\"2026-10-09T00:00:00Z\",\"candidates\":[" + POLICY + "]}";
    /** An alert policy of one rule for the planted platform's search availability. */
    static final String ALERT_EXPORT = "{\"service\":\"search\",\"objective\":\"availability\",\"policy\":{\"name\":"
            + "\"fast\",\"rules\":[{\"name\":\"page-1h\",\"severity\":\"page\",\"longWindow\":\"1h\","
            + "\"shortWindow\":\"5m\",\"factor\":14.4}]}}";
    private static RunningApp app;

    /**
     * One endpoint: method, route template, a concrete path and body, the one permission (or security rule) it
     * requires, and the page that shows the same data (null when no page does: a button's permission, or the API's
     * own description).
     */
    record Endpoint(String method, String template, Supplier<String> path, Supplier<String> body, String access,
                    Class<?> page, String contentType, Map<String, String> headers) {

        Endpoint(String method, String template, Supplier<String> path, Supplier<String> body, String access,
                 Class<?> page, String contentType) {
            this(method, template, path, body, access, page, contentType, Map.of());
        }

        /** The request's headers: the endpoint's own and the caller's authorization. */
        Map<String, String> with(Map<String, String> auth) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.putAll(auth);
            return all;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }

        boolean anonymous() {
            return access.equals(SecurityRule.IS_ANONYMOUS);
        }
    }

    static List<Endpoint> endpoints() {
        String anyone = SecurityRule.IS_ANONYMOUS;
        String signedIn = SecurityRule.IS_AUTHENTICATED;
        return List.of(
                get("/api/v1/me", "/api/v1/me", signedIn, null),
                get("/api/v1/definitions", "/api/v1/definitions", signedIn, GlossaryView.class),
                get("/api/v1/definitions/{id}", "/api/v1/definitions/p95", signedIn, GlossaryView.class),
                get("/api/v1/summary", "/api/v1/summary?" + PERIOD, Permission.VIEW_BUSINESS, SummaryView.class),
                get("/api/v1/trends/services/{name}", "/api/v1/trends/services/search?days=30", Permission.VIEW_SERVICES,
                        ServiceView.class),
                get("/api/v1/trends/customers/{id}", "/api/v1/trends/customers/big?days=30", Permission.VIEW_BUSINESS,
                        CustomerView.class),
                get("/api/v1/services", "/api/v1/services", Permission.VIEW_SERVICES, ServicesView.class),
                get("/api/v1/services/{name}", "/api/v1/services/search", Permission.VIEW_SERVICES, ServicesView.class),
                get("/api/v1/customers", "/api/v1/customers?limit=3", Permission.VIEW_BUSINESS, CustomersView.class),
                get("/api/v1/customers/{id}/history", "/api/v1/customers/big/history", Permission.VIEW_BUSINESS,
                        CustomersView.class),
                get("/api/v1/customers/export.csv", "/api/v1/customers/export.csv", Permission.EXPORT, null),
                get("/api/v1/users", "/api/v1/users", Permission.ADMINISTER, UsersView.class),
                write("POST", "/api/v1/users", () -> "/api/v1/users", () -> "{\"username\":\"u" + UNIQUE.incrementAndGet()
                        + "\",\"roles\":[\"exec\"],\"password\":\"long enough password\"}", Permission.ADMINISTER,
                        UsersView.class),
                write("PUT", "/api/v1/users/{username}", () -> "/api/v1/users/exec",
                        () -> "{\"displayName\":\"Test exec\",\"roles\":[\"exec\"],\"disabled\":false}",
                        Permission.ADMINISTER, UsersView.class),
                write("PUT", "/api/v1/users/{username}/password", () -> "/api/v1/users/exec/password",
                        () -> "{\"password\":\"" + RunningApp.PASSWORD + "\"}", Permission.ADMINISTER, UsersView.class),
                get("/api/v1/tokens", "/api/v1/tokens", Permission.ADMINISTER, TokensView.class),
                write("POST", "/api/v1/tokens", () -> "/api/v1/tokens",
                        () -> "{\"name\":\"access test\",\"role\":\"engineer\"}", Permission.ADMINISTER, TokensView.class),
                write("DELETE", "/api/v1/tokens/{id}", () -> "/api/v1/tokens/" + newTokenId(), () -> null,
                        Permission.ADMINISTER, TokensView.class),
                new Endpoint("POST", "/api/v1/customers/import", () -> "/api/v1/customers/import?dryRun=true",
                        () -> "id,name,arr,currency\nx1,X,1,USD\n", Permission.IMPORT, ImportView.class, "text/csv"),
                write("POST", "/api/v1/customers", () -> "/api/v1/customers?dryRun=true",
                        () -> "[{\"id\":\"x1\",\"name\":\"X\",\"arr\":1,\"currency\":\"USD\"}]", Permission.IMPORT,
                        ImportView.class),
                get("/api/v1/customers/mappings", "/api/v1/customers/mappings", Permission.IMPORT, ImportView.class),
                write("PUT", "/api/v1/customers/mappings/{source}", () -> "/api/v1/customers/mappings/crm",
                        () -> "{\"columns\":{\"id\":\"Account\"},\"defaultCurrency\":\"USD\"}", Permission.IMPORT,
                        ImportView.class),
                get("/api/v1/catalog/openslo", "/api/v1/catalog/openslo", Permission.VIEW_SERVICES, ServicesView.class),
                new Endpoint("POST", "/api/v1/catalog/openslo", () -> "/api/v1/catalog/openslo",
                        () -> "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: access-test\n", Permission.IMPORT,
                        ImportView.class, "application/yaml"),
                get("/api/v1/catalog/folder", "/api/v1/catalog/folder", Permission.VIEW_SERVICES, ServicesView.class),
                write("POST", "/api/v1/annotations", () -> "/api/v1/annotations",
                        () -> "{\"kind\":\"note\",\"text\":\"access test\"}", Permission.ANNOTATE, null),
                get("/api/v1/annotations", "/api/v1/annotations", Permission.VIEW_SERVICES, ServiceView.class),
                get("/api/v1/collectors", "/api/v1/collectors", Permission.VIEW_COLLECTORS, CollectorsView.class),
                // an empty push (no series): snappy's block format for zero bytes is the one byte 0
                new Endpoint("POST", "/api/v1/write", () -> "/api/v1/write", () -> "\u0000", Permission.WRITE_TELEMETRY,
                        null, "application/x-protobuf", Map.of("Content-Encoding", "snappy",
                        "X-Prometheus-Remote-Write-Version", "0.1.0")),
                get("/api/v1/notifications", "/api/v1/notifications?origin=test&limit=10", Permission.ADMINISTER,
                        NotificationsView.class),
                write("POST", "/api/v1/notifications/{id}/retry",
                        () -> "/api/v1/notifications/" + failedNotification() + "/retry", () -> null,
                        Permission.ADMINISTER, null),
                write("POST", "/api/v1/collectors/{source}/backfill", () -> "/api/v1/collectors/access/backfill",
                        () -> "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-01T01:00:00Z\"}", Permission.ADMINISTER,
                        null),
                write("POST", "/api/v1/alerts/export/prometheus", () -> "/api/v1/alerts/export/prometheus",
                        () -> ALERT_EXPORT, Permission.TUNE_ALERTS, null),
                write("POST", "/api/v1/alerts/export/promtool-test", () -> "/api/v1/alerts/export/promtool-test",
                        () -> ALERT_EXPORT, Permission.TUNE_ALERTS, null),
                write("POST", "/api/v1/alerts/export/datadog", () -> "/api/v1/alerts/export/datadog",
                        () -> ALERT_EXPORT, Permission.TUNE_ALERTS, null),
                write("POST", "/api/v1/alerts/export/openslo", () -> "/api/v1/alerts/export/openslo",
                        () -> ALERT_EXPORT, Permission.TUNE_ALERTS, null),
                get("/api/v1/figures/services", "/api/v1/figures/services?" + PERIOD, Permission.VIEW_SERVICES, null),
                get("/api/v1/figures/services.csv", "/api/v1/figures/services.csv?" + PERIOD, Permission.EXPORT, null),
                get("/api/v1/figures/slices", "/api/v1/figures/slices?service=search&" + PERIOD, Permission.VIEW_SERVICES,
                        ServiceView.class),
                get("/api/v1/figures/slices.csv", "/api/v1/figures/slices.csv?customer=big&" + PERIOD, Permission.EXPORT,
                        null),
                get("/api/v1/figures/groups", "/api/v1/figures/groups?by=region&" + PERIOD, Permission.VIEW_SERVICES, null),
                get("/api/v1/figures/groups.csv", "/api/v1/figures/groups.csv?by=plan&" + PERIOD, Permission.EXPORT, null),
                get("/api/v1/figures/coverage", "/api/v1/figures/coverage?" + PERIOD, Permission.VIEW_SERVICES, null),
                get("/api/v1/rankings/slices", "/api/v1/rankings/slices?" + PERIOD, Permission.VIEW_BUSINESS, RoiView.class),
                get("/api/v1/rankings/slices.csv", "/api/v1/rankings/slices.csv?" + PERIOD, Permission.EXPORT, null),
                get("/api/v1/rankings/services", "/api/v1/rankings/services?" + PERIOD, Permission.VIEW_BUSINESS,
                        dev.plumbline.dashboards.fixes.FixesView.class),
                get("/api/v1/rankings/services.csv", "/api/v1/rankings/services.csv?" + PERIOD, Permission.EXPORT, null),
                get("/api/v1/rankings/segments", "/api/v1/rankings/segments?" + PERIOD, Permission.VIEW_BUSINESS,
                        RoiView.class),
                get("/api/v1/rankings/segments.csv", "/api/v1/rankings/segments.csv?" + PERIOD, Permission.EXPORT, null),
                get("/api/v1/customer-health", "/api/v1/customer-health?" + PERIOD, Permission.VIEW_BUSINESS,
                        CustomerView.class),
                get("/api/v1/customer-health/export.csv", "/api/v1/customer-health/export.csv?" + PERIOD,
                        Permission.EXPORT, null),
                get("/api/v1/alerts/presets", "/api/v1/alerts/presets?service=search&objective=availability",
                        Permission.TUNE_ALERTS, null),
                write("POST", "/api/v1/alerts/backtest", () -> "/api/v1/alerts/backtest", () -> BACKTEST,
                        Permission.TUNE_ALERTS, null),
                write("PUT", "/api/v1/alerts/policies/{service}/{objective}", () -> "/api/v1/alerts/policies/search/latency",
                        () -> POLICY, Permission.TUNE_ALERTS, null),
                get("/api/v1/alerts/policies/{service}/{objective}", "/api/v1/alerts/policies/search/availability",
                        Permission.TUNE_ALERTS, null),
                new Endpoint("GET", "/api/v1/alerts/export/saved/{service}/{objective}/{kind}",
                        () -> "/api/v1/alerts/export/saved/search/availability/prometheus", () -> null,
                        Permission.TUNE_ALERTS, null, "application/json"),
                get("/api/v1/alerts/policies/{service}/{objective}/versions",
                        "/api/v1/alerts/policies/search/availability/versions", Permission.TUNE_ALERTS, null),
                get("/api/v1/explore", "/api/v1/explore?figure=p95&by=service&" + PERIOD, Permission.VIEW_SERVICES,
                        ExploreView.class),
                get("/api/v1/explore.csv", "/api/v1/explore.csv?figure=requests&by=service&" + PERIOD,
                        Permission.EXPORT, null),
                get("/api/v1/views", "/api/v1/views", Permission.VIEW_SERVICES, ExploreView.class),
                get("/api/v1/views/{id}", () -> "/api/v1/views/" + sharedView, Permission.VIEW_SERVICES, ExploreView.class),
                write("POST", "/api/v1/views", () -> "/api/v1/views", () -> view("access " + UNIQUE.incrementAndGet()),
                        Permission.SAVE_VIEWS, null),
                write("PUT", "/api/v1/views/{id}", () -> "/api/v1/views/" + newView(),
                        () -> view("changed " + UNIQUE.incrementAndGet()), Permission.SAVE_VIEWS, null),
                write("DELETE", "/api/v1/views/{id}", () -> "/api/v1/views/" + newView(), () -> null,
                        Permission.SAVE_VIEWS, null),
                get("/api/v1/triggers", "/api/v1/triggers", Permission.MANAGE_TRIGGERS, TriggersView.class),
                get("/api/v1/triggers/{id}", () -> "/api/v1/triggers/" + TRIGGER, Permission.MANAGE_TRIGGERS,
                        TriggersView.class),
                write("POST", "/api/v1/triggers", () -> "/api/v1/triggers", ApiAccessTest::newTriggerBody,
                        Permission.MANAGE_TRIGGERS, null),
                write("PUT", "/api/v1/triggers/{id}", () -> "/api/v1/triggers/" + TRIGGER,
                        () -> trigger(TRIGGER), Permission.MANAGE_TRIGGERS, null),
                write("DELETE", "/api/v1/triggers/{id}", () -> "/api/v1/triggers/" + newTrigger(), () -> null,
                        Permission.MANAGE_TRIGGERS, null),
                get("/api/v1/triggers/{id}/state", () -> "/api/v1/triggers/" + TRIGGER + "/state",
                        Permission.MANAGE_TRIGGERS, TriggersView.class),
                write("POST", "/api/v1/triggers/{id}/test", () -> "/api/v1/triggers/" + TRIGGER + "/test", () -> null,
                        Permission.MANAGE_TRIGGERS, null),
                get("/api/v1/subscriptions", "/api/v1/subscriptions", signedIn, SubscriptionsView.class),
                new Endpoint("GET", "/api/v1/subscriptions/preview",
                        () -> "/api/v1/subscriptions/preview?kind=daily-what-changed", () -> null, signedIn, null,
                        "text/html"),
                write("POST", "/api/v1/subscriptions", () -> "/api/v1/subscriptions", ApiAccessTest::subscription,
                        signedIn, SubscriptionsView.class),
                write("PUT", "/api/v1/subscriptions/{id}", () -> "/api/v1/subscriptions/" + newSubscription(),
                        ApiAccessTest::subscription, signedIn, null),
                write("DELETE", "/api/v1/subscriptions/{id}", () -> "/api/v1/subscriptions/" + newSubscription(),
                        () -> null, signedIn, null),
                write("POST", "/api/v1/subscriptions/{id}/send-now",
                        () -> "/api/v1/subscriptions/" + newSubscription() + "/send-now", () -> null, signedIn, null),
                get("/api/v1/fixes", "/api/v1/fixes", Permission.VIEW_SERVICES, ImprovementsView.class),
                get("/api/v1/fixes/{id}", () -> "/api/v1/fixes/" + shippedFix, Permission.VIEW_SERVICES,
                        ImprovementsView.class),
                write("POST", "/api/v1/fixes", () -> "/api/v1/fixes", () -> FIX, Permission.TRACK_FIXES, null),
                write("POST", "/api/v1/fixes/{id}/shipped", () -> "/api/v1/fixes/" + newFix() + "/shipped", () -> SHIPPED,
                        Permission.TRACK_FIXES, null),
                get("/api/v1/openapi.yml", "/api/v1/openapi.yml", anyone, null));
    }

    private static Endpoint get(String template, String path, String access, Class<?> page) {
        return new Endpoint("GET", template, () -> path, () -> null, access, page, "application/json");
    }

    private static Endpoint get(String template, Supplier<String> path, String access, Class<?> page) {
        return new Endpoint("GET", template, path, () -> null, access, page, "application/json");
    }

    /** A trigger saved by the pm before the cases run. */
    private static final String TRIGGER = "access-trigger";

    static String trigger(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"access\",\"figure\":\"health\",\"comparison\":\"below\","
                + "\"threshold\":50,\"destination\":\"oncall\",\"owner\":\"ana@example.com\"}";
    }

    private static String newTriggerBody() {
        return trigger("access-" + UNIQUE.incrementAndGet());
    }

    /** A new trigger of the pm's, to delete. */
    private static String newTrigger() {
        String id = "to-delete-" + UNIQUE.incrementAndGet();
        HttpResponse<String> r = app.send("POST", "/api/v1/triggers", trigger(id), RunningApp.basic("pm"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id;
    }

    /** A fix of billing's availability for two planted customers. */
    static final String FIX = "{\"service\":\"billing\",\"problem\":\"availability\",\"customers\":[\"big\",\"c2\"],"
            + "\"owner\":\"alice\",\"targetDate\":\"2026-12-01\",\"hypothesis\":{\"figure\":\"error_ratio\","
            + "\"comparison\":\"below\",\"value\":0.001}}";
    /** Shipped on the planted bad-deploy day: measured on the planted days either side. */
    static final String SHIPPED = "{\"shippedAt\":\"2026-10-06T12:00:00Z\"}";
    /** A fix tracked and shipped by the pm before the cases run: its effect carries revenue at risk. */
    private static String shippedFix;

    /** A new planned fix of the pm's. */
    private static String newFix() {
        HttpResponse<String> r = app.send("POST", "/api/v1/fixes", FIX, RunningApp.basic("pm"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return app.json(r.body(), Map.class).get("id").toString();
    }

    /** A shared view of figures every role sees, saved by the pm before the cases run. */
    private static String sharedView;

    static String view(String name) {
        return "{\"name\":\"" + name + "\",\"figure\":\"requests\",\"by\":\"service\",\"shared\":true}";
    }

    /** A new view of the pm's: the pm changes and deletes it as its owner, the admin as an administrator. */
    private static String newView() {
        HttpResponse<String> r = app.send("POST", "/api/v1/views", view("to change " + UNIQUE.incrementAndGet()),
                RunningApp.basic("pm"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return app.json(r.body(), Map.class).get("id").toString();
    }

    /** A notification given up on, to retry; the delivery worker is off in this app, so it stays failed. */
    private static String failedNotification() {
        OutboxStore outbox = app.bean(OutboxStore.class);
        String id = "access:" + UNIQUE.incrementAndGet();
        outbox.giveUp(outbox.enqueue(new Notification(id, Notification.Channel.WEBHOOK, "nowhere", List.of(), "access",
                "{}", "application/json", List.of(), "access test", Notification.Origin.TEST, "access")), 1, "HTTP 400");
        return id;
    }

    /** Who the case being checked calls as: a subscription is its caller's own (an administrator's for anonymous). */
    private static String caller = "admin";

    static String subscription() {
        return "{\"kind\":\"daily-what-changed\",\"zone\":\"Europe/Berlin\",\"addresses\":[{\"address\":\""
                + "access@example.com\"}]}";
    }

    /** A new subscription of the caller's own, to change, delete or send. */
    private static String newSubscription() {
        String owner = caller.equals("anonymous") ? "admin" : caller;
        HttpResponse<String> r = app.send("POST", "/api/v1/subscriptions", subscription(), RunningApp.basic(owner));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return app.json(r.body(), Map.class).get("id").toString();
    }

    private static Endpoint write(String method, String template, Supplier<String> path, Supplier<String> body,
                                  String access, Class<?> page) {
        return new Endpoint(method, template, path, body, access, page, "application/json");
    }

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        // one source that cannot be reached: its status and a backfill answer all the same
        app = RunningApp.start(db, Map.of("plumbline.demo.seed", true, "plumbline.collectors.interval", "1h",
                "plumbline.collectors.prometheus.access.url", "http://127.0.0.1:9",
                "plumbline.notify.delivery.enabled", false, "plumbline.collectors.remote-write.enabled", true,
                "plumbline.notify.destinations.oncall.kind", "webhook",
                "plumbline.notify.destinations.oncall.url", "http://127.0.0.1:9/hook"));
        // a saved policy, so that reading it answers as the permission says rather than 404
        HttpResponse<String> saved = app.send("PUT", "/api/v1/alerts/policies/search/availability", POLICY,
                RunningApp.basic("admin"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        sharedView = newView();
        HttpResponse<String> trigger = app.send("POST", "/api/v1/triggers", trigger(TRIGGER), RunningApp.basic("pm"));
        assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(201);
        shippedFix = newFix();
        HttpResponse<String> shipped = app.send("POST", "/api/v1/fixes/" + shippedFix + "/shipped", SHIPPED,
                RunningApp.basic("pm"));
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Whether {@code caller} (anonymous or a role) may call the endpoint: from the configured roles. */
    static boolean allowed(Endpoint e, String caller) {
        if (e.anonymous()) {
            return true;
        }
        if (caller.equals("anonymous")) {
            return false;
        }
        return e.access().equals(SecurityRule.IS_AUTHENTICATED)
                || app.bean(RoleCatalog.class).permissionsOf(Set.of(caller)).contains(e.access());
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_every_caller_as_its_one_permission_says() {
        return withCount(endpoints().stream().flatMap(e -> CALLERS.stream().map(caller -> new Case(e + " as " + caller,
                () -> checkAccess(e, caller)))));
    }

    private static void checkAccess(Endpoint e, String caller) {
        ApiAccessTest.caller = caller;
        Map<String, String> auth = caller.equals("anonymous") ? Map.of() : RunningApp.basic(caller);
        HttpResponse<String> response = app.send(e.method(), e.path().get(), e.body().get(), e.contentType(),
                e.with(auth));

        if (allowed(e, caller)) {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            if (e.method().equals("GET")) {   // Micronaut answers 200 with no body for a record it cannot serialize
                assertThat(response.body()).as(e.template() + " answers with a body").isNotEmpty();
            }
            if (isJson(response) && !response.body().isEmpty()) {
                app.json(response.body(), Object.class); // a whole JSON document, not a body cut off by an error
            }
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(caller.equals("anonymous") ? 401 : 403);
            assertThat(app.json(response.body(), ApiError.class).status()).isEqualTo(response.statusCode());
        }
    }

    /** Only the endpoints an engineer may read data from: every other case would check nothing. */
    @TestFactory
    Stream<DynamicTest> an_engineers_responses_carry_no_money_field() {
        return withCount(endpoints().stream().filter(e -> e.method().equals("GET") && !e.anonymous()
                && allowed(e, "engineer")).map(e -> new Case(e.toString(), () -> {
            caller = "engineer";
            HttpResponse<String> response = app.getAs("engineer", e.path().get());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (isJson(response)) {
                assertThat(keys(app.json(response.body(), Object.class))).doesNotContainAnyElementsOf(MONEY_FIELDS);
            } else {
                assertThat(response.body()).doesNotContainPattern("(?i)\\barr\\b|revenue at risk|\\broi\\b");
            }
        })));
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_refuses_a_parameter_it_does_not_take_naming_it() {
        return withCount(endpoints().stream().map(e -> new Case(e.toString(), () -> {
            caller = "admin";
            String path = e.path().get();
            HttpResponse<String> response = app.send(e.method(), path + (path.contains("?") ? "&" : "?") + "colour=blue",
                    e.body().get(), e.contentType(), e.with(e.anonymous() ? Map.of() : RunningApp.basic("admin")));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(app.json(response.body(), ApiError.class).details()).singleElement()
                    .satisfies(d -> assertThat(d.field()).isEqualTo("colour"));
        })));
    }

    @Test
    void each_endpoint_is_secured_by_its_one_permission_and_a_page_showing_its_data_by_the_same() {
        Map<String, List<String>> secured = new TreeMap<>();
        app.bean(Router.class).uriRoutes().filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/"))
                .forEach(r -> secured.put(r.getHttpMethodName() + " " + r.getUriMatchTemplate(),
                        // what Micronaut Security reads: the method's @Secured, else the class's
                        List.of(r.getAnnotationMetadata().getValue(Secured.class, String[].class).orElseThrow())));
        for (Endpoint e : endpoints()) {
            assertThat(secured.get(e.toString())).as(e.toString()).containsExactly(e.access());
            if (e.page() != null) {
                String pagePermission = e.page().isAnnotationPresent(PermitAll.class) ? SecurityRule.IS_AUTHENTICATED
                        : String.join(",", e.page().getAnnotation(RolesAllowed.class).value());
                assertThat(pagePermission).as(e + " and the page " + e.page().getSimpleName()).isEqualTo(e.access());
            }
        }
    }

    @Test
    void the_engineer_may_not_read_customers_or_rankings_that_the_pages_hide_from_it() {
        for (String path : List.of("/api/v1/customers", "/api/v1/customers/big/history", "/api/v1/rankings/slices?" + PERIOD)) {
            assertThat(app.getAs("engineer", path).statusCode()).as(path).isEqualTo(403);
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
    void the_same_fixes_carry_money_for_exec_so_the_engineer_check_can_fail() {
        for (String path : List.of("/api/v1/fixes", "/api/v1/fixes/" + shippedFix)) {
            HttpResponse<String> response = app.getAs("exec", path);

            assertThat(keys(app.json(response.body(), Object.class))).as(path).contains("revenueAtRisk");
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
        endpoints().forEach(e -> listed.add(e.toString()));

        assertThat(listed).isEqualTo(routed);
    }

    /** A generated check. */
    record Case(String name, Runnable check) {
    }

    /** The cases as dynamic tests, and last one more that fails unless every one of them ran to its end. */
    private static Stream<DynamicTest> withCount(Stream<Case> cases) {
        List<Case> all = cases.toList();
        AtomicInteger ran = new AtomicInteger();
        Consumer<Case> run = c -> {
            c.check().run();
            ran.incrementAndGet();
        };
        List<DynamicTest> tests = new ArrayList<>();
        all.forEach(c -> tests.add(dynamicTest(c.name(), () -> run.accept(c))));
        tests.add(dynamicTest("all " + all.size() + " checks ran", () -> {
            assertThat(all).isNotEmpty();
            assertThat(ran.get()).isEqualTo(all.size());
        }));
        return tests.stream();
    }

    private static boolean isJson(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
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
