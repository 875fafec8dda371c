package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How a notification whose destination fails is tried again: plumbline.notify.retry.* (environment
 * PLUMBLINE_NOTIFY_RETRY_INITIAL, _MULTIPLIER, _MAX_INTERVAL, _MAX_ATTEMPTS). The n-th failed attempt waits
 * initial x multiplier^(n-1), at most max-interval; after max-attempts attempts in all the notification is given up
 * (state failed, kept with its last error; the history page can retry it). The defaults (30 s, 2, 1 h, 10) keep trying
 * for about three hours.
 *
 * @param initial     the wait after the first failed attempt
 * @param multiplier  how much longer each next wait is
 * @param maxInterval the longest wait
 * @param maxAttempts attempts in all before giving up
 */
@ConfigurationProperties(RetryProperties.PREFIX)
public record RetryProperties(@Bindable(defaultValue = "30s") Duration initial,
                              @Bindable(defaultValue = "2") double multiplier,
                              @Bindable(defaultValue = "1h") Duration maxInterval,
                              @Bindable(defaultValue = "10") int maxAttempts) {

    public static final String PREFIX = "plumbline.notify.retry";

    public RetryProperties {
        if (initial.toMillis() < 1) {
            throw new IllegalArgumentException(PREFIX + ".initial: must be at least 1ms, was " + initial);
        }
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException(PREFIX + ".multiplier: must be at least 1, was " + multiplier);
        }
        if (maxInterval.compareTo(initial) < 0) {
            throw new IllegalArgumentException(PREFIX + ".max-interval: must be at least initial (" + initial + "), was " + maxInterval);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-attempts: must be at least 1, was " + maxAttempts);
        }
    }
}
