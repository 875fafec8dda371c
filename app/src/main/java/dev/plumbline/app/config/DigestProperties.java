package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The digest scheduler (README, "Digests"). Environment: PLUMBLINE_DIGESTS_ENABLED, PLUMBLINE_DIGESTS_INTERVAL.
 *
 * @param enabled  false: no digest is enqueued on schedule (send-now and the preview still work)
 * @param interval how often the subscriptions are checked for due runs (1s to 1h); a run is enqueued at the first
 *                 check at or after its scheduled minute
 */
@ConfigurationProperties(DigestProperties.PREFIX)
public record DigestProperties(@Bindable(defaultValue = "true") boolean enabled,
                               @Bindable(defaultValue = "1m") Duration interval) {

    public static final String PREFIX = "plumbline.digests";

    public DigestProperties {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(PREFIX + ".interval: must be 1s to 1h, was " + interval);
        }
    }
}
