package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How telemetry collection runs (the sources themselves are under plumbline.collectors.prometheus.NAME). Environment:
 * PLUMBLINE_COLLECTORS_INTERVAL, PLUMBLINE_COLLECTORS_FIRST_LOOKBACK, PLUMBLINE_COLLECTORS_SPOOL_FOLDER,
 * PLUMBLINE_COLLECTORS_SPOOL_MAX_BYTES.
 *
 * @param interval      how often each source is collected
 * @param firstLookback where a source's first collection starts: this long before now (later: its watermark)
 * @param spoolFolder   where batches wait while ClickHouse cannot take them (default: the system's temporary folder;
 *                      in production a persistent volume)
 * @param spoolMaxBytes the spool's bound; when full, collection waits and the sources keep the data
 */
@ConfigurationProperties(CollectorProperties.PREFIX)
public record CollectorProperties(@Bindable(defaultValue = "1m") Duration interval,
                                  @Bindable(defaultValue = "1h") Duration firstLookback,
                                  @Nullable String spoolFolder,
                                  @Bindable(defaultValue = "1073741824") long spoolMaxBytes) {

    public static final String PREFIX = "plumbline.collectors";

    public CollectorProperties {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".interval: must be at least 1s, was " + interval);
        }
        if (firstLookback.isNegative()) {
            throw new IllegalArgumentException(PREFIX + ".first-lookback: must not be negative, was " + firstLookback);
        }
        if (spoolMaxBytes < 1 << 20) {
            throw new IllegalArgumentException(PREFIX + ".spool-max-bytes: must be at least 1048576, was " + spoolMaxBytes);
        }
        spoolFolder = spoolFolder == null || spoolFolder.isBlank() ? null : spoolFolder.strip();
    }

    public Path spool() {
        return spoolFolder != null ? Path.of(spoolFolder)
                : Path.of(System.getProperty("java.io.tmpdir"), "plumbline-spool");
    }
}
