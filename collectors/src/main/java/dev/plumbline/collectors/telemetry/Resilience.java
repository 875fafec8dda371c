package dev.plumbline.collectors.telemetry;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resilience4j around one source's calls: retries with exponential backoff and jitter for failures that may pass
 * ({@link SourceException#retryable()}), waiting what the source asked for when it said (a rate limit's reset), and a
 * circuit breaker that stops calling a source that keeps failing, so one bad source costs the others nothing.
 */
public final class Resilience {

    private static final Logger LOG = LoggerFactory.getLogger(Resilience.class);

    private final String source;
    private final Retry retry;
    private final CircuitBreaker breaker;

    /**
     * @param attempts     calls per request at most (1 = no retry)
     * @param firstBackoff wait before the first retry; doubles each time, with 50% jitter
     * @param openFor      how long the circuit stays open after half of the last 10 calls (at least 4) failed
     */
    public Resilience(String source, int attempts, Duration firstBackoff, Duration openFor) {
        this.source = source;
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(firstBackoff, 2.0, 0.5);
        this.retry = Retry.of("source-" + source, RetryConfig.custom().maxAttempts(attempts)
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft()
                        && outcome.getLeft() instanceof SourceException s && s.retryAfter() != null
                        ? Math.max(0, s.retryAfter().toMillis()) : backoff.apply(attempt))
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
    public static Resilience of(String source) {
        return new Resilience(source, 4, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    public <T> T call(Supplier<T> call) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call::get)).get();
        } catch (CallNotPermittedException e) {
            throw new SourceException(source, 0, "circuit-open", "too many recent failures; not called for "
                    + breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + " ms",
                    true, e);
        }
    }

    /** CLOSED, OPEN or HALF_OPEN. */
    public String circuitState() {
        return breaker.getState().name();
    }
}
