package dev.plumbline.collectors.datadog;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.ApiResponse;
import com.datadog.api.client.v2.api.MetricsApi;
import com.datadog.api.client.v2.model.MetricsDataSource;
import com.datadog.api.client.v2.model.MetricsTimeseriesQuery;
import com.datadog.api.client.v2.model.QueryFormula;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestAttributes;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestType;
import com.datadog.api.client.v2.model.TimeseriesQuery;
import com.datadog.api.client.v2.model.TimeseriesResponseAttributes;
import com.datadog.api.client.v2.model.TimeseriesResponseSeries;
import dev.plumbline.collectors.telemetry.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DatadogApi} through Datadog's official Java client (its base path set to the source's URL). Honours the
 * rate limit: a 429 becomes a retryable failure carrying X-RateLimit-Reset as the wait, and when an answer says no
 * call is left in the period (X-RateLimit-Remaining: 0) the next call waits for the reset.
 */
public final class DatadogClientApi implements DatadogApi {

    private static final Logger LOG = LoggerFactory.getLogger(DatadogClientApi.class);

    private final DatadogSource source;
    private final MetricsApi api;
    private final Clock clock;
    private Instant notBefore = Instant.EPOCH;

    public DatadogClientApi(DatadogSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
        ApiClient client = new ApiClient();
        client.setBasePath(source.url().toString().replaceAll("/+$", ""));
        client.configureApiKeys(Map.of("apiKeyAuth", source.apiKey(), "appKeyAuth", source.appKey()));
        client.setConnectTimeout((int) source.timeout().toMillis());
        client.setReadTimeout((int) source.timeout().toMillis());
        client.enableRetry(false);
        client.setUnstableOperationEnabled("v2.queryTimeseriesData", true);
        // NaN and Infinity are not JSON, but an answer that carries them (a proxy, a formula) is read, so that
        // DatadogCounts refuses those points and says so instead of the whole chunk failing again at every attempt.
        client.getJSON().getMapper().configure(
                com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature(), true);
        this.api = new MetricsApi(client);
    }

    @Override
    public synchronized List<DatadogSeries> timeseries(String query, Instant from, Instant to, Duration interval) {
        waitForRateLimit();
        TimeseriesFormulaQueryRequest request = new TimeseriesFormulaQueryRequest().data(new TimeseriesFormulaRequest()
                .type(TimeseriesFormulaRequestType.TIMESERIES_REQUEST)
                .attributes(new TimeseriesFormulaRequestAttributes().from(from.toEpochMilli()).to(to.toEpochMilli())
                        .interval(interval.toMillis())
                        .queries(List.of(new TimeseriesQuery(new MetricsTimeseriesQuery()
                                .dataSource(MetricsDataSource.METRICS).query(query).name("a"))))
                        .formulas(List.of(new QueryFormula().formula("a")))));
        ApiResponse<TimeseriesFormulaQueryResponse> response;
        try {
            response = api.queryTimeseriesDataWithHttpInfo(request);
        } catch (ApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.SocketTimeoutException) {
                    throw new SourceException(source.name(), 0, "timeout", "no answer within " + source.timeout(), true, e);
                }
                if (t instanceof java.io.IOException && !(t instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
                    throw new SourceException(source.name(), 0, "unreachable", t.toString(), true, e);
                }
            }
            throw new SourceException(source.name(), 0, "malformed", "the answer could not be read: " + e.getMessage(),
                    false, e);
        }
        rememberRateLimit(response.getHeaders());
        TimeseriesFormulaQueryResponse body = response.getData();
        if (body == null || body.getData() == null || body.getData().getAttributes() == null) {
            throw new SourceException(source.name(), response.getStatusCode(), "malformed", "no data.attributes in the "
                    + "answer", false, null);
        }
        return series(body.getData().getAttributes());
    }

    private List<DatadogSeries> series(TimeseriesResponseAttributes attributes) {
        List<Long> times = attributes.getTimes() == null ? List.of() : attributes.getTimes();
        List<TimeseriesResponseSeries> series = attributes.getSeries() == null ? List.of() : attributes.getSeries();
        List<List<Double>> values = attributes.getValues() == null ? List.of() : attributes.getValues();
        if (values.size() != series.size()) {
            throw new SourceException(source.name(), 200, "malformed", series.size() + " series but " + values.size()
                    + " value lists", false, null);
        }
        List<DatadogSeries> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (String tag : series.get(i).getGroupTags() == null ? List.<String>of() : series.get(i).getGroupTags()) {
                int colon = tag.indexOf(':');
                if (colon > 0) {
                    tags.put(tag.substring(0, colon), tag.substring(colon + 1));
                }
            }
            List<Double> v = values.get(i) == null ? List.of() : values.get(i);
            if (v.size() != times.size()) {
                throw new SourceException(source.name(), 200, "malformed", "a series has " + v.size() + " values for "
                        + times.size() + " times", false, null);
            }
            out.add(new DatadogSeries(tags, times, v));
        }
        return out;
    }

    private SourceException failure(ApiException e) {
        int code = e.getCode();
        Map<String, List<String>> headers = e.getResponseHeaders() == null ? Map.of() : e.getResponseHeaders();
        if (code == 429) {
            Duration reset = Duration.ofSeconds(header(headers, "X-RateLimit-Reset").orElse(10L));
            notBefore = clock.instant().plus(reset);
            return new SourceException(source.name(), 429, "rate-limited", "rate limit "
                    + header(headers, "X-RateLimit-Limit").map(String::valueOf).orElse("?") + " per "
                    + header(headers, "X-RateLimit-Period").map(String::valueOf).orElse("?") + " s reached; reset in "
                    + reset.toSeconds() + " s", true, reset, e);
        }
        if (code == 0) {
            return new SourceException(source.name(), 0, "unreachable", String.valueOf(e.getMessage()), true, e);
        }
        String body = e.getResponseBody() == null ? "" : e.getResponseBody().strip();
        return new SourceException(source.name(), code, code >= 500 ? "server-error" : "refused",
                body.isEmpty() ? String.valueOf(e.getMessage()) : body.length() > 300 ? body.substring(0, 300) : body,
                code >= 500 || code == 408, e);
    }

    private void rememberRateLimit(Map<String, List<String>> headers) {
        if (headers != null && header(headers, "X-RateLimit-Remaining").orElse(1L) <= 0) {
            notBefore = clock.instant().plusSeconds(header(headers, "X-RateLimit-Reset").orElse(1L));
        }
    }

    private void waitForRateLimit() {
        Duration wait = Duration.between(clock.instant(), notBefore);
        if (!wait.isNegative() && !wait.isZero()) {
            LOG.info("source {}: waiting {} s for Datadog's rate limit to reset", source.name(), wait.toSeconds());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(source.name(), 0, "interrupted", "interrupted while waiting for the rate limit",
                        true, e);
            }
        }
    }

    private static java.util.Optional<Long> header(Map<String, List<String>> headers, String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                try {
                    return java.util.Optional.of(Long.parseLong(e.getValue().getFirst().strip()));
                } catch (NumberFormatException ignored) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }
}
