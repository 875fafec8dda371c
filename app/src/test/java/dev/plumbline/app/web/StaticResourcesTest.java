package dev.plumbline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Static files come from the classpath only. Micronaut Servlet gives Tomcat the document root {@code /}; without the
 * restriction Vaadin served {@code /etc/passwd}. Requests are written on a raw socket so that no client normalises
 * the path first.
 */
@ExtendWith(ClickHouseExtension.class)
class StaticResourcesTest {

    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/etc/passwd", "/root/.npmrc", "/etc/hostname", "/proc/self/environ",
        "/../etc/passwd", "/../../../../etc/passwd", "/./etc/passwd", "//etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/VAADIN/../../../etc/passwd", "/VAADIN/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/VAADIN/build/../../../../etc/passwd",
        "/styles/../../../../../etc/passwd", "/..%5c..%5c..%5cetc%5cpasswd", "/etc/passwd%00.css",
        "/dev/plumbline/app/Application.class", "/application.yml", "/logback.xml", "/META-INF/MANIFEST.MF",
        "/WEB-INF/web.xml"
    })
    void files_outside_the_static_root_are_never_served(String path) throws IOException {
        RawResponse response = rawGet(path);

        assertThat(response.status()).as(path + " -> " + response.head()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("root:x:0:0", "registry", "PATH=", "micronaut:", "<configuration>");
    }

    @Test
    void the_passwd_file_exists_on_this_machine_so_the_test_above_means_something() throws IOException {
        assertThat(Files.readString(Path.of("/etc/passwd"))).contains("root:x:0:0");
        assertThat(rawGet("/etc/passwd").status()).isEqualTo(404);
    }

    @Test
    void a_stylesheet_from_the_classpath_static_root_is_served() throws IOException {
        RawResponse response = rawGet("/styles/plumbline.css");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.head()).containsIgnoringCase("Content-Type: text/css");
        assertThat(response.body()).contains(".plumbline-title");
    }

    @Test
    void the_bootstrap_page_and_its_javascript_bundle_are_served_with_a_javascript_type() throws IOException {
        RawResponse page = rawGet("/services");
        assertThat(page.status()).isEqualTo(200);
        var matcher = java.util.regex.Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(page.body());
        assertThat(matcher.find()).as("a script from VAADIN/build in: " + page.body()).isTrue();

        RawResponse script = rawGet("/" + matcher.group(1));

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.head()).containsIgnoringCase("Content-Type: text/javascript");
    }

    record RawResponse(int status, String head, String body) {
    }

    private static RawResponse rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.server().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, body);
        }
    }
}
