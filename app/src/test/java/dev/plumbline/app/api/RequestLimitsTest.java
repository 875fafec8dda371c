package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every write has a body limit, answered 413 from the declared length before the body is read: a client that
 * announces 50 MB and has sent only the first 64 KB already has its answer, and while two such posts hang the
 * server answers its health check. A body without a length is 411.
 */
@ExtendWith(ClickHouseExtension.class)
class RequestLimitsTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void two_50_mb_catalogs_at_once_are_413_before_their_bodies_are_sent_and_health_answers_meanwhile() throws IOException {
        List<Socket> posts = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                posts.add(startPost("/api/v1/catalog/openslo", "application/yaml", FIFTY_MB));
            }
            List<RawResponse> answers = new ArrayList<>();
            for (Socket post : posts) {
                answers.add(RawResponse.read(post.getInputStream()));   // the bodies are still 64 KB of 50 MB
            }
            HttpResponse<String> health = app.get("/health");   // both posts are still open, their bodies unsent

            assertThat(health.statusCode()).isEqualTo(200);
            for (RawResponse answer : answers) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(413);
                assertThat(answer.contentType()).startsWith("application/json");
                ApiError error = app.json(answer.body(), ApiError.class);
                assertThat(error.message()).isEqualTo("the body is 52428800 bytes; this endpoint takes at most 4194304 "
                        + "(plumbline.limits.max-catalog-bytes)");
            }
        } finally {
            for (Socket post : posts) {
                post.close();
            }
        }
        assertThat(app.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void each_kind_of_write_has_its_own_limit_and_a_body_within_it_is_read() throws IOException {
        record Write(String path, String contentType, long limit) {
        }
        for (Write w : List.of(new Write("/api/v1/customers/import", "text/csv", 33_554_432L),
                new Write("/api/v1/customers", "application/json", 33_554_432L),
                new Write("/api/v1/annotations", "application/json", 1_048_576L),
                new Write("/api/v1/users", "application/json", 1_048_576L))) {
            try (Socket post = startPost(w.path(), w.contentType(), w.limit() + 1)) {
                RawResponse answer = RawResponse.read(post.getInputStream());

                assertThat(answer.status()).as(w.path() + ": " + answer.body()).isEqualTo(413);
                assertThat(answer.body()).contains("at most " + w.limit());
            }
        }
        HttpResponse<String> small = app.send("POST", "/api/v1/annotations", "{\"kind\":\"note\",\"text\":\"fits\"}",
                RunningApp.basic("pm"));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
    }

    @Test
    void a_chunked_body_without_a_length_is_411() throws IOException {
        try (Socket post = new Socket("127.0.0.1", app.server().getPort())) {
            post.setSoTimeout(30_000);
            OutputStream out = post.getOutputStream();
            out.write(("POST /api/v1/annotations HTTP/1.1\r\nHost: localhost\r\n" + auth() + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"kind\":\"note\",\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawResponse answer = RawResponse.read(post.getInputStream());

            assertThat(answer.status()).as(answer.body()).isEqualTo(411);
            assertThat(app.json(answer.body(), ApiError.class).message())
                    .isEqualTo("Content-Length: required; request bodies are not taken chunked");
        }
    }

    /** Sends the request line, headers and the first 64 KB of a body announced as {@code length} bytes. */
    private static Socket startPost(String path, String contentType, long length) throws IOException {
        Socket socket = new Socket("127.0.0.1", app.server().getPort());
        socket.setSoTimeout(30_000);   // a server that waits for the rest of the body fails the test, not hangs it
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth() + "Content-Type: " + contentType
                + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] start = new byte[64 * 1024];
        java.util.Arrays.fill(start, (byte) 'a');
        out.write(start);
        out.flush();
        return socket;
    }

    private static String auth() {
        return "Authorization: " + RunningApp.basic("admin").get("Authorization") + "\r\n";
    }

    /** An HTTP/1.1 response read from a socket: status line, headers, and a body of Content-Length bytes. */
    record RawResponse(int status, String contentType, String body) {

        private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) .*");

        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            Matcher m = STATUS.matcher(statusLine);
            if (!m.matches()) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            long length = 0;
            String type = "";
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String name = header.substring(0, header.indexOf(':')).strip().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).strip();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("content-type")) {
                    type = value;
                }
            }
            return new RawResponse(Integer.parseInt(m.group(1)), type,
                    new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new UncheckedIOException(new IOException("the connection closed mid-response"));
                }
                if (b != '\r') {
                    out.write(b);
                }
            }
            return out.toString(StandardCharsets.US_ASCII);
        }
    }
}
