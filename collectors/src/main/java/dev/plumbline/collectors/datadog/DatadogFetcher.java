package dev.plumbline.collectors.datadog;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.Rejections;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Datadog source's chunks: two count queries (requests, errors) at a 1-minute interval, grouped by the service and
 * customer tags. Datadog gives latency as percentiles, which cannot be merged, so no histogram is stored and the minutes
 * are marked not mergeable: requests, errors, error rate and availability are exact for Datadog sources; the engine
 * shows no percentile for them and says why. What cannot be stored is dropped and reported, never stored or hidden:
 * see {@link DatadogCounts}.
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
        return new Settings(source.name(), source.url().toString(), source.chunk(), source.delay(), "Datadog timeseries API");
    }

    public Resilience resilience() {
        return resilience;
    }

    @Override
    public Fetched fetch(Instant from, Instant to) {
        DatadogCounts requests = counts(source.countQuery(source.requestsMetric()), from, to);
        DatadogCounts errors = counts(source.countQuery(source.errorsMetric()), from, to);
        List<TelemetryMinute> out = new ArrayList<>();
        for (var slice : requests.counts().entrySet()) {
            Set<Long> refused = new HashSet<>(requests.refused().getOrDefault(slice.getKey(), Set.of()));
            refused.addAll(errors.refused().getOrDefault(slice.getKey(), Set.of()));
            for (var point : slice.getValue().entrySet()) {
                double n = point.getValue();
                double e = errors.counts().getOrDefault(slice.getKey(), new TreeMap<>()).getOrDefault(point.getKey(), 0.0);
                if (n > 0 && !refused.contains(point.getKey())) {
                    out.add(new TelemetryMinute(slice.getKey().get(0), slice.getKey().get(1), source.name(),
                            Instant.ofEpochMilli(point.getKey()), n, Math.min(e, n), List.of(), List.of(), false));
                }
            }
        }
        Set<Instant> notCovered = new TreeSet<>();
        requests.notCovered().forEach(m -> notCovered.add(Instant.ofEpochMilli(m)));
        errors.notCovered().forEach(m -> notCovered.add(Instant.ofEpochMilli(m)));
        Rejections rejected = requests.rejected().plus(errors.rejected()).withMinutesNotCovered(notCovered.size());
        return new Fetched(out, 2, rejected, notCovered);
    }

    private DatadogCounts counts(String query, Instant from, Instant to) {
        List<DatadogSeries> series = resilience.call(() -> api.timeseries(query, from, to, STEP));
        return DatadogCounts.read(series, source.serviceTag(), source.customerTag(), source.maxPerMinute(), from, to);
    }
}
