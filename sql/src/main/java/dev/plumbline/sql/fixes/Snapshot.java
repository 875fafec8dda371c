package dev.plumbline.sql.fixes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The figures of a fix's affected customers on its service when it was tracked, over the whole UTC days
 * [from, toExclusive) before that day ({@link FixEffects#snapshot}).
 *
 * @param requests      their requests to the service
 * @param value         the hypothesis' figure over those days (null when it cannot be computed: no requests, or no
 *                      mergeable histogram for a p95)
 * @param revenueAtRisk their revenue at risk on the service (the ROI model, reporting currency)
 */
public record Snapshot(LocalDate from, LocalDate toExclusive, double requests, Double value, double revenueAtRisk) {

    public Snapshot {
        Objects.requireNonNull(from, "snapshot.from");
        Objects.requireNonNull(toExclusive, "snapshot.to");
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("snapshot: from " + from + " must be before to " + toExclusive);
        }
    }
}
