package dev.plumbline.sql.triggers;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The customers a trigger is about; every condition given must hold (an empty set is every customer).
 *
 * @param ids                the customers' ids, or empty for any
 * @param segment            the customers' segment, or "" for any
 * @param arrAbove           ARR (in the reporting currency) strictly above this amount, or null for any
 * @param renewingWithinDays a renewal date from today to today + N days (both included), or null for any
 */
public record CustomerSet(List<String> ids, String segment, Double arrAbove, Integer renewingWithinDays) {

    public static final CustomerSet ALL = new CustomerSet(List.of(), "", null, null);

    public CustomerSet {
        ids = List.copyOf(ids);
        segment = Objects.requireNonNullElse(segment, "").strip();
    }

    public boolean isAll() {
        return ids.isEmpty() && segment.isEmpty() && arrAbove == null && renewingWithinDays == null;
    }

    /** Whether a customer with these attributes belongs to the set on {@code today}. Pure. */
    public boolean contains(String id, String segmentOf, double arr, LocalDate renewal, LocalDate today) {
        return (ids.isEmpty() || ids.contains(id))
                && (segment.isEmpty() || segment.equals(segmentOf))
                && (arrAbove == null || arr > arrAbove)
                && (renewingWithinDays == null || renewal != null && !renewal.isBefore(today)
                        && !renewal.isAfter(today.plusDays(renewingWithinDays)));
    }
}
