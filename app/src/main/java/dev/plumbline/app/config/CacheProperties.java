package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How many computed figures the engine keeps for as long as the data they read does not change
 * ({@code dev.plumbline.sql.psr.FigureCache}). Environment: PLUMBLINE_CACHE_ENTRIES.
 *
 * @param entries results kept, the least recently used dropped first (0 to 100,000; 0: none, every figure is
 *                computed when asked for)
 */
@ConfigurationProperties(CacheProperties.PREFIX)
public record CacheProperties(@Bindable(defaultValue = "500") int entries) {

    public static final String PREFIX = "plumbline.cache";

    public CacheProperties {
        if (entries < 0 || entries > 100_000) {
            throw new IllegalArgumentException(PREFIX + ".entries: must be from 0 to 100000, was " + entries);
        }
    }
}
