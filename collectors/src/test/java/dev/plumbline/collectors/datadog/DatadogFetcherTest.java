package dev.plumbline.collectors.datadog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.collectors.telemetry.SourceException;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Datadog fetcher through the official client against a local stub serving the shapes of Datadog's published
 * reference for POST /api/v2/query/timeseries: success with null points, empty series, 429 with X-RateLimit-*
 * headers, 5xx, 403 and malformed JSON.
 */
class DatadogFetcherTest {

    private static final String PATH = "/api/v2/query/timeseries";
    private static final Instant FROM = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant TO = FROM.plusSeconds(180);
    private static final long T0 = FROM.toEpochMilli();
    private WireMockServer stub;
    private DatadogSource source;

    @BeforeEach
    void start() {
        stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
        source = DatadogSource.of("dd", URI.create("http://127.0.0.1:" + stub.port()), "api-key-123", "app-key-456");
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    private DatadogFetcher fetcher(int attempts) {
        return new DatadogFetcher(source, new DatadogClientApi(source, Clock.systemUTC()),
                new Resilience("dd", attempts, Duration.ofMillis(10), Duration.ofSeconds(60)));
    }

    private static String answer(String metricSeries) {
        return """
                {"data":{"type":"timeseries_response","attributes":{
                  "series":[%s],
                  "times":[%d,%d,%d],
                  "values":%s}}}""".formatted(metricSeries.split("\\|")[0], T0, T0 + 60_000, T0 + 120_000,
                metricSeries.split("\\|")[1]);
    }

    private void respond(String metric, String body) {
        stub.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing(metric))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void counts_per_minute_and_slice_with_null_points_skipped_and_marked_not_mergeable() {
        String unit = "\"unit\":[{\"family\":\"general\",\"name\":\"hit\",\"plural\":\"hits\",\"scale_factor\":1.0,\"short_name\":null},null]";
        respond("hits", answer("{\"group_tags\":[\"service:search\",\"customer:acme\"],\"query_index\":0," + unit + "},"
                + "{\"group_tags\":[\"service:search\",\"customer:globex\"],\"query_index\":0," + unit + "}"
                + "|[[120.0,null,80.0],[5.0,7.0,null]]"));
        respond("errors", answer("{\"group_tags\":[\"service:search\",\"customer:acme\"],\"query_index\":0," + unit + "}"
                + "|[[3.0,null,null]]"));

        ChunkFetcher.Fetched fetched = fetcher(1).fetch(FROM, TO);

        assertThat(fetched.queries()).isEqualTo(2);
        assertThat(fetched.minutes()).containsExactlyInAnyOrder(
                new TelemetryMinute("search", "acme", "dd", FROM, 120, 3, List.of(), List.of(), false),
                new TelemetryMinute("search", "acme", "dd", FROM.plusSeconds(120), 80, 0, List.of(), List.of(), false),
                new TelemetryMinute("search", "globex", "dd", FROM, 5, 0, List.of(), List.of(), false),
                new TelemetryMinute("search", "globex", "dd", FROM.plusSeconds(60), 7, 0, List.of(), List.of(), false));
        stub.verify(2, postRequestedFor(urlEqualTo(PATH)).withHeader("DD-API-KEY", equalTo("api-key-123"))
                .withHeader("DD-APPLICATION-KEY", equalTo("app-key-456"))
                .withRequestBody(matchingJsonPath("$.data.attributes.interval", equalTo("60000")))
                .withRequestBody(matchingJsonPath("$.data.attributes.from", equalTo(Long.toString(T0)))));
        stub.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.data.attributes.queries[0].query",
                equalTo("sum:trace.http.request.hits{*} by {service,customer}.as_count()"))));
    }

    @Test
    void an_empty_answer_gives_no_minutes() {
        respond("trace", "{\"data\":{\"type\":\"timeseries_response\",\"attributes\":{\"series\":[],\"times\":[],\"values\":[]}}}");
        assertThat(fetcher(1).fetch(FROM, TO).minutes()).isEmpty();
    }

    @Test
    void a_rate_limit_waits_for_the_reset_it_names_and_then_goes_on() {
        stub.stubFor(post(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "100").withHeader("X-RateLimit-Period", "10")
                        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "1")
                        .withHeader("X-RateLimit-Name", "query_timeseries").withBody("{\"errors\":[\"Too many requests\"]}"))
                .willSetStateTo("reset"));
        stub.stubFor(post(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(answer("{\"group_tags\":[\"service:s\",\"customer:c\"],\"query_index\":0}|[[1.0,2.0,3.0]]"))));

        DatadogClientApi api = new DatadogClientApi(source, Clock.systemUTC());
        assertThatThrownBy(() -> api.timeseries("q", FROM, TO, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(e.getMessage()).isEqualTo("source dd: HTTP 429 rate-limited: rate limit 100 per 10 s reached; reset in 1 s");
                });
        stub.resetScenarios();

        ChunkFetcher.Fetched fetched = fetcher(3).fetch(FROM, TO);   // first call limited, retried after the reset
        assertThat(fetched.minutes()).hasSize(3);
        // the direct call, then the fetcher's: requests limited, requests again after the reset, errors
        stub.verify(4, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a_server_error_is_retried_then_reported() {
        stub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"errors\":[\"Service Unavailable\"]}")));
        assertThatThrownBy(() -> fetcher(2).fetch(FROM, TO)).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).isEqualTo("source dd: HTTP 503 server-error: {\"errors\":[\"Service Unavailable\"]}");
        });
        stub.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void forbidden_is_not_retried_and_the_keys_appear_nowhere() {
        stub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"errors\":[\"Forbidden\"]}")));
        assertThatThrownBy(() -> fetcher(3).fetch(FROM, TO)).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("source dd: HTTP 403 refused: {\"errors\":[\"Forbidden\"]}")
                    .doesNotContain("api-key-123").doesNotContain("app-key-456");
        });
        stub.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(source.toString()).doesNotContain("api-key-123").doesNotContain("app-key-456");
    }

    @Test
    void malformed_json_is_a_clear_failure() {
        stub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"attributes\":{\"series\":[")));
        assertThatThrownBy(() -> fetcher(1).fetch(FROM, TO)).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.errorType()).isEqualTo("malformed");
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void nobody_listening_is_retryable_and_a_slow_answer_is_a_timeout() {
        DatadogSource nowhere = DatadogSource.of("dd", URI.create("http://127.0.0.1:9"), "k", "a");
        assertThatThrownBy(() -> new DatadogClientApi(nowhere, Clock.systemUTC()).timeseries("q", FROM, TO, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("unreachable");
                    assertThat(e.retryable()).isTrue();
                });
        stub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFixedDelay(3000).withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        DatadogSource impatient = new DatadogSource("dd", source.url(), "k", "a", "m", "e", "service", "customer", "*",
                Duration.ofHours(1), Duration.ofMillis(500), Duration.ofMinutes(3), 1e9);
        assertThatThrownBy(() -> new DatadogClientApi(impatient, Clock.systemUTC()).timeseries("q", FROM, TO, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("timeout");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void configuration_errors_name_the_key() {
        assertThatThrownBy(() -> new DatadogSource("dd", URI.create("https://api.datadoghq.com"), "", "k", "m", "e", "service",
                "customer", "*", Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(3), 1e9))
                .hasMessage("source dd: api-key and app-key are required");
        assertThatThrownBy(() -> new DatadogSource("dd", URI.create("https://api.datadoghq.com"), "a", "k", "m", "e", "service",
                "customer", "env:prod} by {x", Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(3), 1e9))
                .hasMessage("source dd: filter: a Datadog scope such as env:prod or *, was 'env:prod} by {x'");
        assertThatThrownBy(() -> new DatadogSource("dd", URI.create("https://api.datadoghq.com"), "a", "k", "m", "e", "service",
                "customer", "*", Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(3), Double.NaN))
                .hasMessage("source dd: max-per-minute: must be a finite count of at least 1, was NaN");
    }
}
