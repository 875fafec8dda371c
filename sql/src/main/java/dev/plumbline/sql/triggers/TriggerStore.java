package dev.plumbline.sql.triggers;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The triggers with every saved version: a save or a deletion adds a version (who, and when by the application's
 * clock); the current trigger is its latest version unless that one deleted it.
 */
public final class TriggerStore {

    private static final NamedQuery INSERT = NamedQuery.load(TriggerStore.class, "insert_trigger.sql");
    private static final NamedQuery VERSIONS = NamedQuery.load(TriggerStore.class, "trigger_versions.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public TriggerStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Saves {@code trigger} as the current version of its id; returns the version written. */
    public SavedTrigger save(Trigger trigger, String savedBy) {
        return write(trigger, savedBy, false);
    }

    /** Deletes the trigger {@code id} (a version that says so); empty when there is no such trigger. */
    public Optional<SavedTrigger> delete(String id, String deletedBy) {
        return find(id).map(current -> write(current.trigger(), deletedBy, true));
    }

    /** The current version of trigger {@code id}, unless it does not exist or was deleted. */
    public Optional<SavedTrigger> find(String id) {
        List<SavedTrigger> all = versions(id);
        return all.isEmpty() || all.getLast().deleted() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Every version of trigger {@code id}, oldest first (the deletion included). */
    public List<SavedTrigger> versions(String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id: required");
        }
        return read(id);
    }

    /** The current version of every trigger not deleted, by id. */
    public List<SavedTrigger> current() {
        Map<String, SavedTrigger> latest = new LinkedHashMap<>();
        read("").forEach(s -> latest.put(s.trigger().id(), s));
        return latest.values().stream().filter(s -> !s.deleted()).toList();
    }

    private SavedTrigger write(Trigger trigger, String by, boolean deleted) {
        Instant version = RowVersions.next(clock);
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);   // as stored
        clickHouse.insert(INSERT, List.of(trigger), (t, c) -> {
            Rule rule = t.rule();
            CustomerSet set = t.customers();
            c.set("id", t.id());
            c.set("row_version", version);
            c.set("saved_at", at);
            c.set("saved_by", by);
            c.set("is_deleted", deleted ? 1 : 0);
            c.set("name", t.name());
            c.set("figure", rule.figure().key());
            c.set("service", rule.service());
            c.set("window_minutes", rule.window().toMinutes());
            c.set("comparison", rule.comparison().key());
            c.set("threshold", rule.threshold());
            c.set("customer_ids", set.ids());
            c.set("segment", set.segment());
            c.set("arr_above", set.arrAbove() == null ? -1.0 : set.arrAbove());
            c.set("renewing_within_days", set.renewingWithinDays() == null ? -1 : set.renewingWithinDays());
            c.set("destination", t.destination());
            c.set("owner", t.owner());
            c.set("cooldown_minutes", t.cooldown().toMinutes());
            c.set("only_once", t.onlyOnce());
            c.set("enabled", t.enabled());
            c.set("include_money", t.includeMoney());
            c.set("label_names", List.copyOf(t.labels().keySet()));
            c.set("label_values", List.copyOf(t.labels().values()));
        });
        List<SavedTrigger> all = read(trigger.id());
        if (all.isEmpty() || !all.getLast().savedAt().equals(at)) {
            throw new IllegalStateException("trigger " + trigger.id() + ": the version saved at " + version
                    + " is not found again");
        }
        return all.getLast();
    }

    private List<SavedTrigger> read(String id) {
        return clickHouse.query(VERSIONS, Params.of("id", id), TriggerStore::saved);
    }

    private static java.util.SortedMap<String, String> labels(Row row) {
        List<String> names = row.getStrings("label_names");
        List<String> values = row.getStrings("label_values");
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            out.put(names.get(i), values.get(i));
        }
        return out;
    }

    private static SavedTrigger saved(Row row) {
        double arrAbove = row.getDouble("arr_above");
        int renewing = row.getInt("renewing_within_days");
        Rule rule = new Rule(Figure.fromKey(row.getString("figure")).orElseThrow(),
                row.getString("service"), Duration.ofMinutes(row.getLong("window_minutes")),
                Comparison.fromKey(row.getString("comparison")).orElseThrow(), row.getDouble("threshold"));
        CustomerSet set = new CustomerSet(row.getStrings("customer_ids"), row.getString("segment"),
                arrAbove < 0 ? null : arrAbove, renewing < 0 ? null : renewing);
        Trigger trigger = new Trigger(row.getString("id"), row.getString("name"), rule, set,
                row.getString("destination"), row.getString("owner"),
                Duration.ofMinutes(row.getLong("cooldown_minutes")), row.getBoolean("only_once"),
                row.getBoolean("enabled"), row.getBoolean("include_money"), labels(row));
        return new SavedTrigger(trigger, (int) row.getLong("version"), row.getString("saved_by"),
                row.getInstant("saved_at"), row.getBoolean("is_deleted"));
    }
}
