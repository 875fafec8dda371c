package dev.plumbline.app.config;

import dev.plumbline.sql.customer.CurrencyRates;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Money: the currency everything is reported in, and the rates of the others (entries {@code CODE=rate}: what one
 * unit is worth in the reporting currency). Environment: PLUMBLINE_CURRENCY_REPORTING, PLUMBLINE_CURRENCY_RATES
 * (comma separated).
 */
@ConfigurationProperties(CurrencyProperties.PREFIX)
public record CurrencyProperties(@Bindable(defaultValue = "USD") String reporting, List<String> rates) {

    public static final String PREFIX = "plumbline.currency";

    public CurrencyProperties {
        rates = rates == null ? List.of() : List.copyOf(rates);
        try {
            CurrencyRates.of(reporting, rates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + ": " + e.getMessage());
        }
    }

    public CurrencyRates toRates() {
        return CurrencyRates.of(reporting, rates);
    }
}
