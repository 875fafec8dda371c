package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTTP API client against a stub answering what Prometheus answers in its documented error cases (the success and
 * bad_data cases are also checked against the real server in PrometheusOracleTest).
 */
class PrometheusHttpApiTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private HttpServer server;
    private final AtomicReference<String> seenAuth = new AtomicReference<>();
    private final AtomicReference<String> seenForm = new AtomicReference<>();

    private PrometheusSource stub(int status, String body, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/prom/api/v1/query_range", exchange -> {
            seenAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            seenForm.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new PrometheusSource("stub", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prom"),
                MetricNames.plumbline(), Optional.empty(), Duration.ofHours(1), Duration.ofMillis(500), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_matrix_is_read_with_nan_and_infinities_and_the_form_carries_the_range() throws IOException {
        PrometheusSource source = stub(200, """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"service":"s","customer":"c"},"values":[[1793527260,"1.5"],[1793527320,"NaN"],[1793527380,"+Inf"]]},
                  {"metric":{},"values":[]}]}}""", 0);

        List<Series> out = new PrometheusHttpApi(source.withBearerToken("sekret")).queryRange("up", T, T.plusSeconds(120),
                Duration.ofMinutes(1));

        assertThat(out).hasSize(2);
        assertThat(out.getFirst().labels()).containsEntry("service", "s");
        assertThat(out.getFirst().times()).containsExactly(1793527260, 1793527320, 1793527380);
        assertThat(out.getFirst().values()).containsExactly(1.5, Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(seenAuth.get()).isEqualTo("Bearer sekret");
        assertThat(seenForm.get()).isEqualTo("query=up&start=" + T.getEpochSecond() + "&end=" + (T.getEpochSecond() + 120)
                + "&step=60s");
    }

    @Test
    void basic_auth_is_sent_and_never_shown() throws IOException {
        PrometheusSource source = stub(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}", 0)
                .withBasicAuth("plumbline", "pa55");
        assertThat(new PrometheusHttpApi(source).queryRange("up", T, T, Duration.ofMinutes(1))).isEmpty();
        assertThat(seenAuth.get()).isEqualTo("Basic cGx1bWJsaW5lOnBhNTU=");
        assertThat(source.toString()).doesNotContain("pa55").doesNotContain("cGx1").contains("(authenticated)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad_data 400      | 400 | {\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"} | false | source stub: HTTP 400 bad_data: parse error at char 5",
            "execution 422     | 422 | {\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query too large\"}     | false | source stub: HTTP 422 execution: query too large",
            "unavailable 503   | 503 | {\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"not ready\"}         | true  | source stub: HTTP 503 unavailable: not ready",
            "proxy 502 in html | 502 | <html>bad gateway</html>                                                         | true  | source stub: HTTP 502 malformed: the answer is not valid JSON",
            "truncated JSON    | 200 | {\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\" | false | source stub: HTTP 200 malformed: the answer is not valid JSON",
            "vector not matrix | 200 | {\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}      | false | source stub: HTTP 200 malformed: resultType is 'vector', a range query gives matrix",
            "value not number  | 200 | {\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"x\"]]}]}} | false | source stub: HTTP 200 malformed: the answer is not the Prometheus JSON format: 'x' is not a number",
            "rate limited 429  | 429 | {\"status\":\"error\",\"errorType\":\"too_many\",\"error\":\"slow down\"}           | true  | source stub: HTTP 429 too_many: slow down",
    })
    void errors_name_the_source_status_and_type(String name, int status, String body, boolean retryable, String message)
            throws IOException {
        PrometheusSource source = stub(status, body, 0);
        assertThatThrownBy(() -> new PrometheusHttpApi(source).queryRange("up", T, T, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.getMessage()).startsWith(message);
                    assertThat(e.retryable()).isEqualTo(retryable);
                    assertThat(e.status()).isEqualTo(status);
                });
    }

    @Test
    void a_slow_answer_is_a_retryable_timeout() throws IOException {
        PrometheusSource source = stub(200, "{}", 3000);
        assertThatThrownBy(() -> new PrometheusHttpApi(source).queryRange("up", T, T, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("source stub: timeout: no answer within PT0.5S");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void nobody_listening_is_a_retryable_unreachable() throws IOException {
        PrometheusSource source = stub(200, "{}", 0);
        server.stop(0);
        server = null;
        assertThatThrownBy(() -> new PrometheusHttpApi(source).queryRange("up", T, T, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("unreachable");
                    assertThat(e.retryable()).isTrue();
                });
    }
}
