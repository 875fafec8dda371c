package dev.plumbline.app.notify;

import dev.plumbline.app.config.RetryProperties;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * When a failed notification is tried next: Resilience4j's exponential interval function over
 * {@code plumbline.notify.retry}, and whether it is tried at all.
 */
public final class Backoff {

    private final IntervalFunction intervals;
    private final int maxAttempts;

    public Backoff(RetryProperties retry) {
        this.intervals = IntervalFunction.ofExponentialBackoff(retry.initial(), retry.multiplier(), retry.maxInterval());
        this.maxAttempts = retry.maxAttempts();
    }

    /**
     * The wait after {@code failedAttempts} failed attempts (1 for the first), at least {@code retryAfter} when the
     * destination asked for one.
     */
    public Duration after(int failedAttempts, Duration retryAfter) {
        Duration wait = Duration.ofMillis(intervals.apply(failedAttempts));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    /** Whether a notification that failed {@code failedAttempts} times is given up. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
