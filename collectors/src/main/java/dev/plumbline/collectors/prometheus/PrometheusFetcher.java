package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Prometheus-compatible source's chunks: three range queries (buckets, requests, errors; see {@link PromQl}) at a
 * 1-minute step, assembled into minutes by {@link MinuteAssembler}. A point at t is the increase over (t - 1m, t],
 * so the minutes [from, to) are the points from + 1m .. to.
 */
public final class PrometheusFetcher implements ChunkFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusFetcher.class);
    private static final Duration STEP = Duration.ofMinutes(1);

    private final PrometheusSource source;
    private final PrometheusApi api;

    public PrometheusFetcher(PrometheusSource source, PrometheusApi api) {
        this.source = source;
        this.api = api;
    }

    @Override
    public Settings settings() {
        return new Settings(source.name(), source.url().toString(), source.chunk(), source.delay(), "query_range");
    }

    @Override
    public Fetched fetch(Instant from, Instant to) {
        Instant start = from.plus(STEP);
        MetricNames names = source.names();
        List<Series> buckets = api.queryRange(PromQl.buckets(names), start, to, STEP);
        List<Series> requests = api.queryRange(PromQl.requests(names), start, to, STEP);
        List<Series> errors = api.queryRange(PromQl.errors(names), start, to, STEP);
        MinuteAssembler.Assembled assembled = MinuteAssembler.assemble(source.name(), names, buckets, requests, errors);
        if (assembled.anomalies().any()) {
            LOG.warn("source {}: {} .. {}: {}", source.name(), from, to, assembled.anomalies());
        }
        return new Fetched(assembled.minutes(), 3);
    }
}
