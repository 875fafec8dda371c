package dev.plumbline.collectors.customers;

import java.util.List;
import java.util.Locale;

/** The fields a customer import reads, with the column names a CRM or billing export usually gives them. */
public enum CustomerField {
    ID(true, "id", "customer id", "customer_id", "account id", "account_id", "accountid"),
    NAME(true, "name", "customer name", "customer", "account name", "account_name", "company"),
    SEGMENT(false, "segment", "customer segment", "tier"),
    REGION(false, "region", "geo", "billing region"),
    PLAN(false, "plan", "product", "subscription plan", "edition"),
    ARR(true, "arr", "annual recurring revenue", "arr (usd)", "arr_usd", "annual revenue"),
    CURRENCY(false, "currency", "arr currency", "currency code"),
    SEATS(false, "seats", "licenses", "licences", "seat count"),
    ACTIVE_USERS(false, "active users", "active_users", "mau", "monthly active users"),
    RENEWAL_DATE(false, "renewal date", "renewal_date", "renewal", "contract end", "contract end date"),
    DATA_VOLUME_GB(false, "data volume gb", "data_volume_gb", "data volume (gb)", "data volume", "storage gb"),
    EFFECTIVE_FROM(false, "effective from", "effective_from", "as of", "as_of", "snapshot date");

    private final boolean required;
    private final List<String> aliases;

    CustomerField(boolean required, String... aliases) {
        this.required = required;
        this.aliases = List.of(aliases);
    }

    public boolean required() {
        return required;
    }

    /** The name used in mappings and in JSON: lower case with underscores, e.g. {@code active_users}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Header names recognised without a mapping (compared case-insensitively, spaces and '_' alike). */
    public List<String> aliases() {
        return aliases;
    }

    public static CustomerField ofKey(String key) {
        for (CustomerField f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown customer field '" + key + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(CustomerField::key).toList()));
    }

    static String normalize(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }
}
