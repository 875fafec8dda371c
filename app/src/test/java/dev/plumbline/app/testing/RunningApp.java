package dev.plumbline.app.testing;

import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole application (Tomcat, Micronaut, Vaadin) on a free port, against a test database, with one user per role
 * ({@link #USERS}, password {@link #PASSWORD}). Close it after use.
 *
 * <p>Its clock starts at {@link #NOW} unless a test sets {@code plumbline.clock.start} itself: no test of the app
 * depends on the machine's date. Raw minutes are kept {@link TestDatabase#RAW_TTL_DAYS} days, so history planted at a
 * test's own instants never falls to the TTL of the machine's clock.
 */
public record RunningApp(EmbeddedServer server, ApplicationContext context) implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery staple";
    public static final List<String> USERS = List.of("exec", "pm", "engineer", "admin");
    /** Where the app's clock starts by default: the planted platform's "now" (October 2026 is a closed month). */
    public static final java.time.Instant NOW = dev.plumbline.sql.psr.PlantedPlatform.NOW;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public static RunningApp start(TestDatabase db, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("micronaut.server.port", -1);
        all.put("plumbline.clickhouse.url", db.spec().httpUrl());
        all.put("plumbline.clickhouse.database", db.name());
        all.put("plumbline.clickhouse.user", db.spec().user());
        all.put("plumbline.clickhouse.password", db.spec().password());
        all.put("plumbline.clickhouse.pool-size", 2);
        all.put("plumbline.demo.password", PASSWORD);
        all.put("plumbline.security.bcrypt-cost", 4); // fast tests; the real cost is configuration, not code
        all.put("plumbline.security.identity-refresh", "0s");
        all.put("plumbline.clock.start", NOW.toString());
        all.put("plumbline.schema.raw-ttl-days", TestDatabase.RAW_TTL_DAYS);
        all.put("plumbline.schema.service-minute-ttl-days", TestDatabase.RAW_TTL_DAYS);
        try {   // each app its own spool, never the machine's default one
            all.put("plumbline.collectors.spool-folder", java.nio.file.Files.createTempDirectory("plumbline-spool").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        all.putAll(properties);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, all);
        RunningApp app = new RunningApp(server, server.getApplicationContext());
        Accounts accounts = app.bean(Accounts.class);
        if (accounts.all().isEmpty()) {
            for (String role : USERS) {
                try {
                    accounts.create(new Accounts.NewAccount(role, "Test " + role, Set.of(role), PASSWORD));
                } catch (IllegalArgumentException e) {   // replicas started together on one database: one made it
                    if (!e.getMessage().endsWith("is taken")) {
                        throw e;
                    }
                }
            }
        }
        return app;
    }

    public static RunningApp startWithDemoData(TestDatabase db) {
        return start(db, Map.of("plumbline.demo.seed", true));
    }

    public String baseUrl() {
        return "http://localhost:" + server.getPort();
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Anonymous GET. */
    public HttpResponse<String> get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** GET with basic auth as one of {@link #USERS}. */
    public HttpResponse<String> getAs(String user, String path) {
        return send("GET", path, null, basic(user));
    }

    /** GET with basic auth as one of {@link #USERS}, the body as bytes (a zip, a PDF). */
    public HttpResponse<byte[]> getBytesAs(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        basic(user).forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    /** Any request; {@code jsonBody} may be null. */
    public HttpResponse<String> send(String method, String path, String jsonBody, Map<String, String> headers) {
        return send(method, path, jsonBody, "application/json", headers);
    }

    /** Any request with a body of the given content type ({@code body} may be null). */
    public HttpResponse<String> send(String method, String path, String body, String contentType,
                                     Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Authorization header for basic auth as {@code user} with {@link #PASSWORD}. */
    public static Map<String, String> basic(String user) {
        return basic(user, PASSWORD);
    }

    public static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Reads a JSON body with the application's own mapper. */
    public <T> T json(String body, Class<T> type) {
        try {
            return context.getBean(JsonMapper.class).readValue(body, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException("not " + type.getSimpleName() + " JSON: " + body, e);
        }
    }

    /** A JSON array of objects. */
    public java.util.List<Map<String, Object>> jsonList(String body) {
        try {
            return context.getBean(JsonMapper.class).readValue(body,
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON array: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> jsonMap(String body) {
        return json(body, Map.class);
    }

    @Override
    public void close() {
        server.close();
    }
}
