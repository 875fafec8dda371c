package dev.plumbline.app.config;

import dev.plumbline.collectors.prometheus.MetricNames;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The Prometheus remote-write receiver, {@code POST /api/v1/write} (README, "Remote write"):
 * plumbline.collectors.remote-write.* (environment PLUMBLINE_COLLECTORS_REMOTE_WRITE_ENABLED and so on). Off unless
 * enabled. Metric names as a Prometheus source has them (a preset, each overridable).
 *
 * @param source          the source name the pushed telemetry is stored and shown under
 * @param replicaLabels   labels that tell the servers of an HA pair apart (their pushes then count once)
 * @param flush           how often the minutes that changed are summed into telemetry minutes
 * @param stateWindow     after a restart, how far back each series' last sample is looked for
 * @param maxRequestBytes the largest decompressed push taken (larger: 400)
 */
@ConfigurationProperties(RemoteWriteProperties.PREFIX)
public record RemoteWriteProperties(@Bindable(defaultValue = "false") boolean enabled,
                                    @Bindable(defaultValue = "remote-write") String source,
                                    @Bindable(defaultValue = "plumbline") String preset,
                                    @Nullable String histogram,
                                    @Nullable String errorCounter,
                                    @Nullable String serviceLabel,
                                    @Nullable String customerLabel,
                                    @Nullable String statusLabel,
                                    @Nullable String errorStatus,
                                    @Bindable(defaultValue = "__replica__,prometheus_replica") List<String> replicaLabels,
                                    @Bindable(defaultValue = "10s") Duration flush,
                                    @Bindable(defaultValue = "1d") Duration stateWindow,
                                    @Bindable(defaultValue = "33554432") int maxRequestBytes) {

    public static final String PREFIX = "plumbline.collectors.remote-write";

    public RemoteWriteProperties {
        if (source == null || !source.strip().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException(PREFIX + ".source: '" + source
                    + "' is not a source name (lower-case letters, digits and -, at most 63)");
        }
        source = source.strip();
        if (flush.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".flush: must be at least 1s, was " + flush);
        }
        if (stateWindow.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".state-window: must be at least 5m, was " + stateWindow);
        }
        if (maxRequestBytes < 1 << 16) {
            throw new IllegalArgumentException(PREFIX + ".max-request-bytes: must be at least 65536, was " + maxRequestBytes);
        }
        replicaLabels = replicaLabels == null ? List.of() : replicaLabels.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** The metric names, validated; a message begins with the full key of what is wrong. */
    public MetricNames names() {
        try {
            return MetricNames.of(preset, histogram, errorCounter, serviceLabel, customerLabel, statusLabel, errorStatus);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "." + e.getMessage());
        }
    }
}
