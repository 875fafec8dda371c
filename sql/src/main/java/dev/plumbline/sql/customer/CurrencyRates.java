package dev.plumbline.sql.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reporting currency and what one unit of each other currency is worth in it. Amounts stay in their own currency
 * in the store and are converted when reported, exactly (decimal arithmetic, rounded half-even to cents).
 *
 * @param reporting ISO 4217 code everything is reported in, e.g. USD
 * @param rates     currency to the value of one unit of it in the reporting currency, e.g. EUR to 1.08
 */
public record CurrencyRates(String reporting, Map<String, BigDecimal> rates) {

    public CurrencyRates {
        if (reporting == null || !reporting.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("reporting currency must be an ISO 4217 code like USD, was '" + reporting + "'");
        }
        TreeMap<String, BigDecimal> copy = new TreeMap<>(rates);
        copy.forEach((code, rate) -> {
            if (!code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 code like EUR");
            }
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("rate of " + code + " must be positive, was " + rate);
            }
        });
        copy.put(reporting, BigDecimal.ONE);
        rates = Map.copyOf(copy);
    }

    /** Parses entries like {@code EUR=1.08}; the message names the entry at fault. */
    public static CurrencyRates of(String reporting, Iterable<String> entries) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not CURRENCY=rate, e.g. EUR=1.08");
            }
            try {
                rates.put(entry.substring(0, eq).strip(), new BigDecimal(entry.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "': the rate is not a number");
            }
        }
        return new CurrencyRates(reporting, rates);
    }

    public Set<String> known() {
        return new TreeSet<>(rates.keySet());
    }

    public boolean knows(String currency) {
        return rates.containsKey(currency);
    }

    /** {@code amount} in {@code currency}, in the reporting currency, to the cent. */
    public BigDecimal toReporting(BigDecimal amount, String currency) {
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no rate for currency " + currency + "; known: " + String.join(", ", known()));
        }
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }
}
