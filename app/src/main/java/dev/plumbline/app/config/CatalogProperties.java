package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The service catalog kept as OpenSLO files. Environment: PLUMBLINE_CATALOG_FOLDER, PLUMBLINE_CATALOG_POLL_INTERVAL.
 *
 * @param folder       a folder of {@code .yaml}/{@code .yml} OpenSLO files that is the whole catalog (re-read on
 *                     change; services not in it are deleted); empty to manage the catalog through the API only
 * @param pollInterval how often the folder is checked for changes
 */
@ConfigurationProperties(CatalogProperties.PREFIX)
public record CatalogProperties(@Nullable String folder, @Bindable(defaultValue = "10s") Duration pollInterval) {

    public static final String PREFIX = "plumbline.catalog";

    public CatalogProperties {
        folder = folder == null || folder.isBlank() ? null : folder.strip();
        if (folder != null && !Files.isDirectory(Path.of(folder))) {
            throw new IllegalArgumentException(PREFIX + ".folder: '" + folder + "' is not a folder");
        }
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".poll-interval: must be at least 1s, was " + pollInterval);
        }
    }
}
