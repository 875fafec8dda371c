package dev.plumbline.app.testing;

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
import java.util.HashMap;
import java.util.Map;

/**
 * The whole application (Tomcat, Micronaut, Vaadin) on a free port, against a test database. Close it after use.
 */
public record RunningApp(EmbeddedServer server, ApplicationContext context) implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public static RunningApp start(TestDatabase db, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("micronaut.server.port", -1);
        all.put("plumbline.clickhouse.url", db.spec().httpUrl());
        all.put("plumbline.clickhouse.database", db.name());
        all.put("plumbline.clickhouse.user", db.spec().user());
        all.put("plumbline.clickhouse.password", db.spec().password());
        all.put("plumbline.clickhouse.pool-size", 2);
        all.putAll(properties);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, all);
        return new RunningApp(server, server.getApplicationContext());
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

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
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

    /** Reads a JSON body with the application's own mapper. */
    public <T> T json(String body, Class<T> type) {
        try {
            return context.getBean(JsonMapper.class).readValue(body, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException("not " + type.getSimpleName() + " JSON: " + body, e);
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
