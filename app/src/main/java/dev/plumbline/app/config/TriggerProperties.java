package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How often the triggers are evaluated: plumbline.triggers.* (PLUMBLINE_TRIGGERS_INTERVAL, ...).
 *
 * @param interval    between two evaluations of every enabled trigger (1 minute to 1 day); the first one an interval
 *                    after the start
 * @param maxSubjects the most customers (or services) one trigger's figures are read for (1 to 1,000,000)
 */
@ConfigurationProperties(TriggerProperties.PREFIX)
public record TriggerProperties(@Bindable(defaultValue = "5m") Duration interval,
                                @Bindable(defaultValue = "10000") int maxSubjects) {

    public static final String PREFIX = "plumbline.triggers";

    public TriggerProperties {
        if (interval.compareTo(Duration.ofMinutes(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(PREFIX + ".interval: from 1m to 1d, was " + interval);
        }
        if (maxSubjects < 1 || maxSubjects > 1_000_000) {
            throw new IllegalArgumentException(PREFIX + ".max-subjects: from 1 to 1000000, was " + maxSubjects);
        }
    }
}
