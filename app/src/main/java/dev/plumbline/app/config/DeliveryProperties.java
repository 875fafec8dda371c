package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The delivery worker that sends the outbox's due notifications: plumbline.notify.delivery.* (environment
 * PLUMBLINE_NOTIFY_DELIVERY_ENABLED, _INTERVAL, _BATCH, _TIMEOUT).
 *
 * @param enabled  whether this process sends (one worker per process; see README, "Notifications: destinations and
 *                 delivery", for several replicas)
 * @param interval the pause between two looks at the outbox
 * @param batch    at most this many notifications per look
 * @param timeout  how long one HTTP send may take (connect and answer)
 */
@ConfigurationProperties(DeliveryProperties.PREFIX)
public record DeliveryProperties(@Bindable(defaultValue = "true") boolean enabled,
                                 @Bindable(defaultValue = "10s") Duration interval,
                                 @Bindable(defaultValue = "50") int batch,
                                 @Bindable(defaultValue = "10s") Duration timeout) {

    public static final String PREFIX = "plumbline.notify.delivery";

    public DeliveryProperties {
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException(PREFIX + ".interval: must be at least 10ms, was " + interval);
        }
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException(PREFIX + ".batch: must be 1 to 1000, was " + batch);
        }
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException(PREFIX + ".timeout: must be positive, was " + timeout);
        }
    }
}
