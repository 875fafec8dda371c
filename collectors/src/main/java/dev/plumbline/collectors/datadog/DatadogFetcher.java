package dev.plumbline.collectors.datadog;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Datadog source's chunks: two count queries (requests, errors) at a 1-minute interval, grouped by the service and
 * customer tags. Datadog gives latency as percentiles, which cannot be merged, so no histogram is stored and the minutes
 * are marked not mergeable: requests, errors, error rate and availability are exact for Datadog sources; the engine
 * shows no percentile for them and says why.
 */
public final class DatadogFetcher implements ChunkFetcher {

    private static final Duration STEP = Duration.ofMinutes(1);

    private final DatadogSource source;
    private final DatadogApi api;
    private final Resilience resilience;

    public DatadogFetcher(DatadogSource source, DatadogApi api, Resilience resilience) {
        this.source = source;
        this.api = api;
        this.resilience = resilience;
    }

    @Override
    public Settings settings() {
        return new Settings(source.name(), source.url().toString(), source.chunk(), source.delay());
    }

    public Resilience resilience() {
        return resilience;
    }

    @Override
    public Fetched fetch(Instant from, Instant to) {
        Map<List<String>, TreeMap<Long, Double>> requests = counts(source.countQuery(source.requestsMetric()), from, to);
        Map<List<String>, TreeMap<Long, Double>> errors = counts(source.countQuery(source.errorsMetric()), from, to);
        List<TelemetryMinute> out = new ArrayList<>();
        for (var slice : requests.entrySet()) {
            for (var point : slice.getValue().entrySet()) {
                Instant minute = Instant.ofEpochMilli(point.getKey());
                double n = point.getValue();
                double e = errors.getOrDefault(slice.getKey(), new TreeMap<>()).getOrDefault(point.getKey(), 0.0);
                if (n > 0 && !minute.isBefore(from) && minute.isBefore(to)) {
                    out.add(new TelemetryMinute(slice.getKey().get(0), slice.getKey().get(1), source.name(), minute, n,
                            Math.min(e, n), List.of(), List.of(), false));
                }
            }
        }
        return new Fetched(out, 2);
    }

    /** (service, customer) to minute start (epoch ms) to count; null points (no data) and untagged series skipped. */
    private Map<List<String>, TreeMap<Long, Double>> counts(String query, Instant from, Instant to) {
        List<DatadogSeries> series = resilience.call(() -> api.timeseries(query, from, to, STEP));
        Map<List<String>, TreeMap<Long, Double>> out = new HashMap<>();
        for (DatadogSeries s : series) {
            String service = s.tags().get(source.serviceTag());
            String customer = s.tags().get(source.customerTag());
            if (service == null || customer == null) {
                continue;
            }
            TreeMap<Long, Double> byMinute = out.computeIfAbsent(List.of(service, customer), k -> new TreeMap<>());
            for (int i = 0; i < s.timesMillis().size(); i++) {
                Double v = s.values().get(i);
                if (v != null && Double.isFinite(v) && v >= 0) {
                    long minute = s.timesMillis().get(i) / 60_000 * 60_000;
                    byMinute.merge(minute, v, Double::sum);
                }
            }
        }
        return out;
    }
}
