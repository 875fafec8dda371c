package dev.plumbline.sql.triggers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures a trigger can watch, each one the definitions catalog defines ({@link #definition}), computed over the
 * trigger's window (the last N hours) by the engine.
 */
public enum Figure {
    /** A customer's technical health (0-100) over the window; subjects are customers. */
    HEALTH("health", Subject.CUSTOMER, false),
    /** The burn rate of the worst objective of a service's slice for a customer; subjects are customers. */
    SLICE_BURN_RATE("burn-rate", Subject.CUSTOMER, false),
    /** The error budget consumed by the worst objective of a service's slice for a customer; subjects are customers. */
    SLICE_BUDGET_CONSUMED("budget-consumed", Subject.CUSTOMER, false),
    /** A service's revenue at risk over the set's customers, in the reporting currency; subjects are services. */
    SERVICE_REVENUE_AT_RISK("revenue-at-risk", Subject.SERVICE, true);

    /** What a trigger's subjects are: one state and one crossing per subject. */
    public enum Subject { CUSTOMER, SERVICE }

    private final String definition;
    private final Subject subject;
    private final boolean money;

    Figure(String definition, Subject subject, boolean money) {
        this.definition = definition;
        this.subject = subject;
        this.money = money;
    }

    /** The id of its entry in the definitions catalog. */
    public String definition() {
        return definition;
    }

    public Subject subject() {
        return subject;
    }

    /** Whether the figure is an amount of money (only sent where the destination's audience may see money). */
    public boolean money() {
        return money;
    }

    /** Whether the figure is of a service's slice, so the rule must name the service. */
    public boolean needsService() {
        return this == SLICE_BURN_RATE || this == SLICE_BUDGET_CONSUMED;
    }

    /** The name used in the API and the store: health, slice-burn-rate, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Figure> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
