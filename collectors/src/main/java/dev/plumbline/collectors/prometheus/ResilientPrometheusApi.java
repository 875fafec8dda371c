package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.Resilience;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A Prometheus API behind {@link Resilience}: retries with backoff and jitter, a circuit breaker per source. */
public final class ResilientPrometheusApi implements PrometheusApi {

    private final PrometheusApi api;
    private final Resilience resilience;

    public ResilientPrometheusApi(String source, PrometheusApi api, int attempts, Duration firstBackoff,
                                  Duration openFor) {
        this.api = api;
        this.resilience = new Resilience(source, attempts, firstBackoff, openFor);
    }

    /** Defaults: 4 attempts from 1 s backoff, circuit open for 60 s. */
    public static ResilientPrometheusApi of(String source, PrometheusApi api) {
        return new ResilientPrometheusApi(source, api, 4, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    @Override
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
        return resilience.call(() -> api.queryRange(promql, start, end, step));
    }

    /** CLOSED, OPEN or HALF_OPEN. */
    public String circuitState() {
        return resilience.circuitState();
    }
}
