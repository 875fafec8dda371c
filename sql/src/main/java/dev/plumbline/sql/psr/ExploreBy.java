package dev.plumbline.sql.psr;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Explore page groups a period's slices by (psr/explore_groups.sql): a service, a customer attribute (as of the
 * period's last day) or the customer itself. All but {@link #SERVICE} are customer data (permission view-business).
 */
public enum ExploreBy {
    SERVICE("service", "Service"),
    SEGMENT("segment", "Segment"),
    REGION("region", "Region"),
    PLAN("plan", "Plan"),
    VOLUME_BAND("volume-band", "Data volume"),
    CUSTOMER("customer", "Customer");

    private final String id;
    private final String label;

    ExploreBy(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The key in URLs, the API and the SQL ({@code group_by}). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Whether the groups are customer data: who the customers are and how they are split. */
    public boolean business() {
        return this != SERVICE;
    }

    /** The grouping {@code id} names (case-insensitive, surrounding spaces ignored). */
    public static Optional<ExploreBy> of(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.id.equals(key)).findFirst();
    }
}
