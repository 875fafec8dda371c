package dev.plumbline.sql.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer as the CRM or billing system gives it, effective from a date (customers are kept as history).
 *
 * @param arr          annual recurring revenue in {@code currency}, exact
 * @param seats        seats bought, or null when the source did not say (unknown, not 0)
 * @param activeUsers  active users, or null when unknown
 * @param renewalDate  next renewal, or null when unknown
 * @param dataVolumeGb how much data the customer keeps with the platform (drives the data-volume bands), or null
 *                     when unknown (the bands then count it as 0)
 */
public record Customer(String id, String name, String segment, String region, String plan, BigDecimal arr,
                       String currency, Integer seats, Integer activeUsers, LocalDate renewalDate, Double dataVolumeGb,
                       LocalDate effectiveFrom) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arr, "arr");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        segment = segment == null ? "" : segment;
        region = region == null ? "" : region;
        plan = plan == null ? "" : plan;
        String where = "customer " + id;
        if (id.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank");
        }
        if (arr.signum() < 0) {
            throw new IllegalArgumentException(where + ": ARR must not be negative, was " + arr);
        }
        if (arr.scale() > 2) {
            throw new IllegalArgumentException(where + ": ARR has more than 2 decimals: " + arr);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(where + ": currency must be an ISO 4217 code like USD, was '" + currency + "'");
        }
        if (seats != null && seats < 0 || activeUsers != null && activeUsers < 0) {
            throw new IllegalArgumentException(where + ": seats and active users must not be negative");
        }
        if (dataVolumeGb != null && (dataVolumeGb < 0 || Double.isNaN(dataVolumeGb) || Double.isInfinite(dataVolumeGb))) {
            throw new IllegalArgumentException(where + ": data volume must be a non-negative number of GB, was " + dataVolumeGb);
        }
    }
}
