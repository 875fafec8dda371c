package dev.plumbline.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runnable artifact as a user runs it: {@code java -jar target/plumbline.jar}, configured by environment
 * variables only, serves the Services page in production mode and stops cleanly on SIGTERM.
 */
@ExtendWith(ClickHouseExtension.class)
class PackagedAppIT {

    private static final Path JAR = Path.of("target/plumbline.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_jar_starts_from_environment_variables_and_serves_the_services_page(TestDatabase db) throws Exception {
        assertThat(JAR).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("plumbline-it-", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("PLUMBLINE_CLICKHOUSE_URL", db.spec().httpUrl());
        builder.environment().put("PLUMBLINE_CLICKHOUSE_DATABASE", db.name());
        builder.environment().put("PLUMBLINE_CLICKHOUSE_USER", db.spec().user());
        builder.environment().put("PLUMBLINE_CLICKHOUSE_PASSWORD", db.spec().password());
        builder.environment().put("PLUMBLINE_DEMO_SEED", "true");
        builder.environment().put("PLUMBLINE_DEMO_PASSWORD", RunningApp.PASSWORD);
        Process app = builder.start();
        String base = "http://localhost:" + port;
        try {
            awaitReady(app, base, log);

            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/services")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpRequest.Builder asPm = HttpRequest.newBuilder(URI.create(base + "/api/v1/services?limit=1"));
            RunningApp.basic("pm").forEach(asPm::header);
            HttpResponse<String> api = HTTP.send(asPm.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"total\":15");

            try (Browser browser = new Browser()) {
                Page page = browser.newPage();
                page.navigate(base + "/services");
                assertThat(page.locator("vaadin-login-form")).isVisible();
                Browser.signIn(page, base, "pm", RunningApp.PASSWORD);
                page.navigate(base + "/services");
                assertThat(page.locator("vaadin-grid.services-grid")).isVisible();
                assertThat(page.getByText("Search").first()).isVisible();
                Browser.screenshot(page, "services-from-jar");
            }
            assertThat(Files.readString(log)).contains("Vaadin is running in production mode");
        } finally {
            app.destroy(); // SIGTERM
            boolean stopped = app.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                app.destroyForcibly();
            }
            assertThat(stopped).as("stops within 30 s of SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).doesNotContain("Exception in thread");
    }

    private static void awaitReady(Process app, String base, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("the jar exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 120 s:\n" + Files.readString(log));
    }
}
