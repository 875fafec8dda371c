package dev.plumbline.collectors.prometheus;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's API behind Resilience4j: retries with exponential backoff and jitter for failures that may pass
 * (5xx, 429, timeouts, unreachable; never 400 or 422), and a circuit breaker per source that stops calling a source
 * that keeps failing, so one bad source costs the others nothing. Each HTTP request is bounded by the source's timeout.
 */
public final class ResilientPrometheusApi implements PrometheusApi {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientPrometheusApi.class);

    private final String source;
    private final PrometheusApi api;
    private final Retry retry;
    private final CircuitBreaker breaker;

    /**
     * @param attempts     calls per query at most (1 = no retry)
     * @param firstBackoff wait before the first retry; doubles each time, with 50% jitter
     * @param openFor      how long the circuit stays open after failing half of the last 10 calls
     */
    public ResilientPrometheusApi(String source, PrometheusApi api, int attempts, Duration firstBackoff,
                                  Duration openFor) {
        this.source = source;
        this.api = api;
        this.retry = Retry.of("source-" + source, RetryConfig.custom().maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(firstBackoff, 2.0, 0.5))
                .retryOnException(e -> e instanceof SourceException s && s.retryable())
                .failAfterMaxAttempts(false).build());
        this.breaker = CircuitBreaker.of("source-" + source, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(openFor).permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof SourceException s && s.retryable()).build());
        retry.getEventPublisher().onRetry(e -> LOG.warn("source {}: attempt {} failed, retrying in {} ms: {}", source,
                e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(), e.getLastThrowable().getMessage()));
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("source {}: circuit {}", source,
                e.getStateTransition()));
    }

    /** Defaults: 4 attempts from 1 s backoff, circuit open for 60 s. */
    public static ResilientPrometheusApi of(String source, PrometheusApi api) {
        return new ResilientPrometheusApi(source, api, 4, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    @Override
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                    () -> api.queryRange(promql, start, end, step))).get();
        } catch (CallNotPermittedException e) {
            throw new SourceException(source, 0, "circuit-open", "too many recent failures; not called until "
                    + breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + " ms pass",
                    true, e);
        }
    }

    /** CLOSED, OPEN or HALF_OPEN. */
    public String circuitState() {
        return breaker.getState().name();
    }
}
