package dev.plumbline.sql.alerts;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alert policy saved for each objective of a service, with every version before it: a save adds a version
 * (who and when kept: when by the application's clock), the current one is the latest saved (by row version, so two
 * saves within one instant of the clock are two versions in order).
 */
public final class AlertPolicyStore {

    private static final NamedQuery INSERT = NamedQuery.load(AlertPolicyStore.class, "insert_alert_policy.sql");
    private static final NamedQuery VERSIONS = NamedQuery.load(AlertPolicyStore.class, "alert_policy_versions.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public AlertPolicyStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Saves {@code policy} as the current one of {@code service}'s {@code objective}; returns the version written. */
    public SavedPolicy save(String service, String objective, AlertPolicy policy, String savedBy) {
        Instant version = RowVersions.next(clock);
        Instant at = clock.instant();
        List<BurnRule> rules = policy.rules();
        clickHouse.insert(INSERT, List.of(policy), (p, c) -> {
            c.set("service", service);
            c.set("objective", objective);
            c.set("row_version", version);
            c.set("saved_at", at);
            c.set("saved_by", savedBy);
            c.set("name", p.name());
            c.set("description", p.description());
            c.set("rule_names", rules.stream().map(BurnRule::name).toList());
            c.set("severities", rules.stream().map(r -> r.severity().label()).toList());
            c.set("long_window_minutes", rules.stream().map(r -> r.longWindow().toMinutes()).toList());
            c.set("short_window_minutes", rules.stream()
                    .map(r -> r.shortWindow() == null ? 0L : r.shortWindow().toMinutes()).toList());
            c.set("factors", rules.stream().map(BurnRule::factor).toList());
            c.set("for_minutes", rules.stream().map(r -> r.forDuration().toMinutes()).toList());
            c.set("keep_firing_minutes", rules.stream().map(r -> r.keepFiringFor().toMinutes()).toList());
            c.set("min_requests", rules.stream().map(BurnRule::minRequests).toList());
        });
        return read(service, objective).stream().filter(s -> s.rowVersion().equals(version)).map(Stored::policy)
                .findFirst().orElseThrow(() -> new IllegalStateException("the saved policy of " + service + "/"
                        + objective + " (row version " + version + ") is not found again"));
    }

    /** The current policy of {@code service}'s {@code objective}, if one was saved. */
    public Optional<SavedPolicy> current(String service, String objective) {
        List<SavedPolicy> all = versions(service, objective);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Every version of {@code service}'s {@code objective}'s policy, oldest first. */
    public List<SavedPolicy> versions(String service, String objective) {
        if (objective.isEmpty()) {
            throw new IllegalArgumentException("objective: required");
        }
        return read(service, objective).stream().map(Stored::policy).toList();
    }

    /** The current policy of each objective of {@code service} that has one, by objective name. */
    public List<SavedPolicy> currentOf(String service) {
        Map<String, SavedPolicy> latest = new LinkedHashMap<>();
        read(service, "").forEach(s -> latest.put(s.policy().objective(), s.policy()));
        return List.copyOf(latest.values());
    }

    /** A version as stored: its row version orders the versions. */
    private record Stored(Instant rowVersion, SavedPolicy policy) {
    }

    private List<Stored> read(String service, String objective) {
        return clickHouse.query(VERSIONS, Params.of("service", service).and("objective", objective),
                AlertPolicyStore::stored);
    }

    private static Stored stored(Row row) {
        List<String> names = row.getStrings("rule_names");
        List<String> severities = row.getStrings("severities");
        List<Double> longWindows = row.getDoubles("long_window_minutes");
        List<Double> shortWindows = row.getDoubles("short_window_minutes");
        List<Double> factors = row.getDoubles("factors");
        List<Double> forMinutes = row.getDoubles("for_minutes");
        List<Double> keepMinutes = row.getDoubles("keep_firing_minutes");
        List<Double> minRequests = row.getDoubles("min_requests");
        List<BurnRule> rules = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rules.add(new BurnRule(names.get(i), BurnRule.Severity.valueOf(severities.get(i).toUpperCase(java.util.Locale.ROOT)),
                    minutes(longWindows.get(i)), shortWindows.get(i) == 0 ? null : minutes(shortWindows.get(i)),
                    factors.get(i), minutes(forMinutes.get(i)), minutes(keepMinutes.get(i)),
                    minRequests.get(i).longValue()));
        }
        return new Stored(row.getInstant("row_version"), new SavedPolicy(row.getString("service"),
                row.getString("objective"), (int) row.getLong("version"),
                new AlertPolicy(row.getString("name"), row.getString("description"), rules),
                row.getString("saved_by"), row.getInstant("saved_at")));
    }

    private static Duration minutes(double m) {
        return Duration.ofMinutes((long) m);
    }
}
