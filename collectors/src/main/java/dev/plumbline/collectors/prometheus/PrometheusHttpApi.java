package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.SourceException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PrometheusApi} over HTTP: POSTs the query form (no URL length limit), reads the JSON answer as a stream.
 * Errors become {@link SourceException}s naming the HTTP status and Prometheus' errorType (bad_data, execution, ...).
 */
public final class PrometheusHttpApi implements PrometheusApi {

    private static final JsonFactory JSON = new JsonFactory();

    private final PrometheusSource source;
    private final HttpClient http;

    public PrometheusHttpApi(PrometheusSource source) {
        this.source = source;
        this.http = HttpClient.newBuilder().connectTimeout(source.timeout()).build();
    }

    @Override
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
        String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start=" + start.getEpochSecond()
                + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds() + "s";
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint()).timeout(source.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        source.authorization().ifPresent(a -> request.header("Authorization", a));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SourceException(source.name(), 0, "timeout", "no answer within " + source.timeout(), true, e);
        } catch (IOException e) {
            throw new SourceException(source.name(), 0, "unreachable", e.getMessage() == null
                    ? "no connection to " + source.url() + " (" + e.getClass().getSimpleName() + ")" : e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source.name(), 0, "interrupted", "the query was interrupted", true, e);
        }
        try (InputStream body = response.body()) {
            return parse(response.statusCode(), body);
        } catch (IOException e) {
            throw new SourceException(source.name(), response.statusCode(), "malformed", "the answer is not the "
                    + "Prometheus JSON format: " + e.getMessage(), response.statusCode() >= 500, e);
        }
    }

    private URI endpoint() {
        String base = source.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/query_range");
    }

    private List<Series> parse(int status, InputStream body) throws IOException {
        String apiStatus = null;
        String errorType = null;
        String error = null;
        List<Series> result = null;
        String resultType = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw fail(status, "malformed", "the answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "status" -> apiStatus = p.getValueAsString();
                    case "errorType" -> errorType = p.getValueAsString();
                    case "error" -> error = p.getValueAsString();
                    case "data" -> {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            if (f.equals("resultType")) {
                                resultType = p.getValueAsString();
                            } else if (f.equals("result") && p.currentToken() == JsonToken.START_ARRAY) {
                                result = matrix(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw fail(status, "malformed", "the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if ("error".equals(apiStatus) || status >= 400) {
            boolean retryable = status >= 500 || status == 429 || status == 0 || "timeout".equals(errorType);
            throw fail(status, errorType == null ? "http" : errorType, error == null ? "no error message" : error,
                    retryable);
        }
        if (!"success".equals(apiStatus)) {
            throw fail(status, "malformed", "status is '" + apiStatus + "', expected success or error");
        }
        if (result == null) {
            throw fail(status, "malformed", "no data.result in the answer");
        }
        if (resultType != null && !resultType.equals("matrix")) {
            throw fail(status, "malformed", "resultType is '" + resultType + "', a range query gives matrix");
        }
        return result;
    }

    private List<Series> matrix(JsonParser p) throws IOException {
        List<Series> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> labels = new HashMap<>();
            long[] times = new long[64];
            double[] values = new double[64];
            int n = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("metric")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        labels.put(key, p.getValueAsString());
                    }
                } else if (field.equals("values")) {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        p.nextToken();
                        double t = p.getValueAsDouble();
                        p.nextToken();
                        String v = p.getValueAsString();
                        if (p.nextToken() != JsonToken.END_ARRAY) {
                            throw new IOException("a point is not [time, \"value\"]");
                        }
                        if (n == times.length) {
                            times = java.util.Arrays.copyOf(times, n * 2);
                            values = java.util.Arrays.copyOf(values, n * 2);
                        }
                        times[n] = Math.round(t);
                        values[n] = value(v);
                        n++;
                    }
                } else {
                    p.skipChildren();
                }
            }
            out.add(new Series(labels, java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n)));
        }
        return out;
    }

    private static double value(String v) throws IOException {
        if (v == null) {
            throw new IOException("a point has no value");
        }
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IOException("'" + v + "' is not a number");
                }
            }
        };
    }

    private SourceException fail(int status, String type, String message) {
        return fail(status, type, message, status >= 500);
    }

    private SourceException fail(int status, String type, String message, boolean retryable) {
        return new SourceException(source.name(), status, type, message, retryable, null);
    }
}
