package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the schema is managed. Environment variables: PLUMBLINE_SCHEMA_MIGRATE_ON_START, PLUMBLINE_SCHEMA_RAW_TTL_DAYS,
 * PLUMBLINE_SCHEMA_SERVICE_MINUTE_TTL_DAYS.
 *
 * @param migrateOnStart       apply pending migrations when the application starts
 * @param rawTtlDays           days of raw one-minute telemetry to keep
 * @param serviceMinuteTtlDays days of per-service minutes (all customers summed) to keep for alert backtests; at least
 *                             as long as the raw minutes, from which they are computed
 */
@ConfigurationProperties(SchemaProperties.PREFIX)
public record SchemaProperties(
        @Bindable(defaultValue = "true") boolean migrateOnStart,
        @Bindable(defaultValue = "35") int rawTtlDays,
        @Bindable(defaultValue = "400") int serviceMinuteTtlDays) {

    public static final String PREFIX = "plumbline.schema";

    public SchemaProperties {
        if (rawTtlDays < 1 || rawTtlDays > 3650) {
            throw new IllegalArgumentException(PREFIX + ".raw-ttl-days: must be between 1 and 3650, was " + rawTtlDays);
        }
        if (serviceMinuteTtlDays < rawTtlDays || serviceMinuteTtlDays > 3650) {
            throw new IllegalArgumentException(PREFIX + ".service-minute-ttl-days: must be between "
                    + PREFIX + ".raw-ttl-days (" + rawTtlDays + ") and 3650, was " + serviceMinuteTtlDays);
        }
    }
}
