package dev.plumbline.sql.fixes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A fix being tracked, as its latest version stands ({@link FixStore}).
 *
 * @param problem          the name of the service's availability or latency objective the fix addresses
 * @param customers        the affected customer ids (at least one)
 * @param snapshot         the figures of those customers when it was tracked
 * @param state            as recorded: {@link FixState#PLANNED} or {@link FixState#SHIPPED} (the measured states are
 *                         computed from the data, {@link Effects})
 * @param shippedAt        when it shipped, null while planned
 * @param deployAnnotation the deploy annotation it shipped with, null when it was only marked shipped
 * @param version          1 for the first version, counting every change
 */
public record TrackedFix(UUID id, String title, String service, String problem, List<String> customers,
                         Snapshot snapshot, String owner, LocalDate targetDate, Hypothesis hypothesis, FixState state,
                         Instant shippedAt, UUID deployAnnotation, String createdBy, Instant createdAt,
                         String updatedBy, Instant updatedAt, int version) {

    public TrackedFix {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(targetDate, "target_date");
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(state, "state");
        title = title == null ? "" : title;
        required("service", service);
        required("problem", problem);
        required("owner", owner);
        customers = List.copyOf(customers);
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("customers: at least one affected customer id is required");
        }
        customers.forEach(c -> required("customers", c));
        if (state != FixState.PLANNED && state != FixState.SHIPPED) {
            throw new IllegalArgumentException("state: recorded as planned or shipped only, was " + state.label());
        }
        if ((state == FixState.SHIPPED) != (shippedAt != null)) {
            throw new IllegalArgumentException("shipped_at: set exactly when the fix is shipped");
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }

    /** The UTC day it shipped on (left out of both windows), null while planned. */
    public LocalDate shipDay() {
        return shippedAt == null ? null : LocalDate.ofInstant(shippedAt, java.time.ZoneOffset.UTC);
    }
}
