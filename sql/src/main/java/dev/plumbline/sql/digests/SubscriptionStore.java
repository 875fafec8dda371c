package dev.plumbline.sql.digests;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.RowVersions;
import dev.plumbline.sql.digests.Subscription.Address;
import dev.plumbline.sql.digests.Subscription.Audience;
import dev.plumbline.sql.digests.Subscription.Recipients;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Digest subscriptions and the last run the scheduler enqueued of each. A change or a deletion is a new row version
 * of the same id (RowVersions: the later write wins even within one millisecond of the clock).
 */
public final class SubscriptionStore {

    private static final NamedQuery INSERT = NamedQuery.load(SubscriptionStore.class, "insert_subscription.sql");
    private static final NamedQuery LIST = NamedQuery.load(SubscriptionStore.class, "subscriptions.sql");
    private static final NamedQuery ONE = NamedQuery.load(SubscriptionStore.class, "subscription.sql");
    private static final NamedQuery INSERT_RUN = NamedQuery.load(SubscriptionStore.class, "insert_run.sql");
    private static final NamedQuery LAST_RUNS = NamedQuery.load(SubscriptionStore.class, "last_runs.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public SubscriptionStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Creates a subscription (a new id, created now by {@code createdBy}). */
    public Subscription create(DigestKind kind, Schedule schedule, java.time.ZoneId zone, Recipients recipients,
                               String createdBy, boolean enabled) {
        Subscription created = new Subscription("sub-" + UUID.randomUUID(), kind, schedule, zone, recipients,
                createdBy, clock.instant(), enabled);
        write(created, false);
        return created;
    }

    /** Saves {@code changed} as the current version of its id (its creator and creation time kept as given). */
    public Subscription update(Subscription changed) {
        write(changed, false);
        return changed;
    }

    /** Deletes {@code subscription}: it is no longer listed, found or scheduled. */
    public void delete(Subscription subscription) {
        write(subscription, true);
    }

    /** The subscription {@code id}, unless it does not exist or was deleted. */
    public Optional<Subscription> find(String id) {
        return clickHouse.queryOne(ONE, Params.of("id", id), SubscriptionStore::subscription);
    }

    /** Every subscription, oldest first. */
    public List<Subscription> all() {
        return clickHouse.query(LIST, Params.of("username", ""), SubscriptionStore::subscription);
    }

    /** The subscriptions {@code username} made for themselves, oldest first. */
    public List<Subscription> ofUser(String username) {
        return clickHouse.query(LIST, Params.of("username", username), SubscriptionStore::subscription);
    }

    /** The last run enqueued of each subscription that has one, by subscription id. */
    public Map<String, Instant> lastRuns() {
        Map<String, Instant> runs = new HashMap<>();
        clickHouse.query(LAST_RUNS, row -> Map.entry(row.getString("subscription_id"), row.getInstant("last_run")))
                .forEach(e -> runs.put(e.getKey(), e.getValue()));
        return runs;
    }

    /** Records {@code run} of {@code subscriptionId} as its last one, enqueued under {@code notificationId}. */
    public void recordRun(String subscriptionId, Instant run, String notificationId) {
        Instant version = RowVersions.next(clock);
        clickHouse.insert(INSERT_RUN, List.of(run), (r, c) -> {
            c.set("subscription_id", subscriptionId);
            c.set("row_version", version);
            c.set("last_run", r);
            c.set("notification_id", notificationId);
        });
    }

    private void write(Subscription s, boolean deleted) {
        Instant version = RowVersions.next(clock);
        clickHouse.insert(INSERT, List.of(s), (x, c) -> {
            Recipients r = x.recipients();
            c.set("id", x.id());
            c.set("row_version", version);
            c.set("kind", x.kind().label());
            c.set("schedule", x.schedule().text());
            c.set("zone", x.zone().getId());
            c.set("audience", r.audience().label());
            c.set("username", r.username());
            c.set("role", r.role());
            c.set("addresses", r.emails());
            c.set("address_roles", r.addresses().stream().map(Address::role).toList());
            c.set("created_by", x.createdBy());
            c.set("created_at", x.createdAt());
            c.set("enabled", x.enabled());
            c.set("deleted", deleted);
        });
    }

    private static Subscription subscription(Row row) {
        List<String> emails = row.getStrings("addresses");
        List<String> roles = row.getStrings("address_roles");
        List<Address> addresses = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            addresses.add(new Address(emails.get(i), roles.get(i)));
        }
        Recipients recipients = new Recipients(Audience.valueOf(row.getString("audience").toUpperCase(Locale.ROOT)),
                row.getString("username"), row.getString("role"), addresses);
        return new Subscription(row.getString("id"), DigestKind.parse("kind", row.getString("kind")),
                Schedule.parse(row.getString("schedule")), Subscription.zone(row.getString("zone")), recipients,
                row.getString("created_by"), row.getInstant("created_at"), row.getBoolean("enabled"));
    }
}
