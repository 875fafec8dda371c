package dev.plumbline.sql.triggers;

import java.time.Duration;
import java.util.Objects;

/**
 * A rule on a figure for a set of customers, sent to a configured destination when a subject crosses it (firing) and
 * when it recovers (resolved).
 *
 * @param id           stable key (the API's path, the idempotency ids of its notifications)
 * @param destination  the name of a configured destination (plumbline.notify.destinations.NAME)
 * @param owner        the person who must act when it fires; carried in every message
 * @param cooldown     a subject that fired is not sent firing again within this long of that firing (zero: none)
 * @param onlyOnce     a subject that fired once never fires again for this trigger
 * @param includeMoney whether messages may carry money (ARR, revenue at risk): false unless the destination's audience
 *                     may see money
 * @param labels       the trigger's own Alertmanager labels on every message (severity, team, ...), by name; checked
 *                     by {@link TriggerLabels}
 */
public record Trigger(String id, String name, Rule rule, CustomerSet customers, String destination, String owner,
                      Duration cooldown, boolean onlyOnce, boolean enabled, boolean includeMoney,
                      java.util.SortedMap<String, String> labels) {

    /** A trigger without labels of its own. */
    public Trigger(String id, String name, Rule rule, CustomerSet customers, String destination, String owner,
                   Duration cooldown, boolean onlyOnce, boolean enabled, boolean includeMoney) {
        this(id, name, rule, customers, destination, owner, cooldown, onlyOnce, enabled, includeMoney,
                new java.util.TreeMap<>());
    }

    public Trigger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        customers = Objects.requireNonNullElse(customers, CustomerSet.ALL);
        name = Objects.requireNonNullElse(name, "");
        destination = Objects.requireNonNullElse(destination, "");
        owner = Objects.requireNonNullElse(owner, "");
        cooldown = Objects.requireNonNullElse(cooldown, Duration.ZERO);
        labels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(
                Objects.requireNonNullElse(labels, new java.util.TreeMap<>())));
    }

    /** This trigger under another id (a new trigger saved from a form or a request body). */
    public Trigger withId(String newId) {
        return new Trigger(newId, name, rule, customers, destination, owner, cooldown, onlyOnce, enabled, includeMoney,
                labels);
    }
}
