package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The largest request body each kind of API write takes; a larger one is answered 413 before it is read.
 * Environment: PLUMBLINE_LIMITS_MAX_BODY_BYTES, PLUMBLINE_LIMITS_MAX_CUSTOMER_IMPORT_BYTES,
 * PLUMBLINE_LIMITS_MAX_CATALOG_BYTES.
 *
 * @param maxBodyBytes           any write not named below (users, tokens, annotations, mappings, backfills)
 * @param maxCustomerImportBytes a customer import, CSV or JSON ({@code POST /api/v1/customers/import},
 *                               {@code POST /api/v1/customers})
 * @param maxCatalogBytes        an OpenSLO catalog ({@code POST /api/v1/catalog/openslo})
 */
@ConfigurationProperties(RequestLimitsProperties.PREFIX)
public record RequestLimitsProperties(@Bindable(defaultValue = "1048576") long maxBodyBytes,
                                      @Bindable(defaultValue = "33554432") long maxCustomerImportBytes,
                                      @Bindable(defaultValue = "4194304") long maxCatalogBytes) {

    public static final String PREFIX = "plumbline.limits";
    private static final long LEAST = 1024;
    private static final long MOST = 1L << 30;

    public RequestLimitsProperties {
        check("max-body-bytes", maxBodyBytes);
        check("max-customer-import-bytes", maxCustomerImportBytes);
        check("max-catalog-bytes", maxCatalogBytes);
    }

    private static void check(String key, long value) {
        if (value < LEAST || value > MOST) {
            throw new IllegalArgumentException(PREFIX + "." + key + ": must be between " + LEAST + " and " + MOST
                    + " bytes, was " + value);
        }
    }
}
