package dev.plumbline.sql.coordination;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Leases in a linearizable store: ClickHouse's {@code KeeperMap} engine, which keeps each row as a node in the
 * cluster's ZooKeeper or ClickHouse Keeper. Taking a lease is a compare-and-set (strict mode); a writer knows it won by
 * reading its own token back. Every ClickHouse server of the cluster that has the table sees the same leases.
 */
public final class LeaseStore {

    private static final NamedQuery CREATE = NamedQuery.load(LeaseStore.class, "create_leases.sql");
    private static final NamedQuery LIST = NamedQuery.load(LeaseStore.class, "list_leases.sql");
    private static final NamedQuery INSERT = NamedQuery.load(LeaseStore.class, "insert_lease.sql");
    private static final NamedQuery TAKE = NamedQuery.load(LeaseStore.class, "take_lease.sql");
    private static final NamedQuery RELEASE = NamedQuery.load(LeaseStore.class, "release_lease.sql");

    private final ClickHouse clickHouse;

    public LeaseStore(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * Creates the lease table when missing. Fails with a message that says what is missing when the ClickHouse server
     * has no ZooKeeper or Keeper configured.
     */
    public void create() {
        try {
            clickHouse.execute(CREATE);
        } catch (StoreException e) {
            throw new IllegalStateException("replicas need leases in ClickHouse's KeeperMap, and ClickHouse at "
                    + clickHouse.spec().httpUrl() + " could not create the table (does its server config have a "
                    + "<zookeeper> section and <keeper_map_path_prefix>?): " + e.getMessage(), e);
        }
    }

    /**
     * Every lease, by name. When Keeper does not answer, a StoreException that says so (ClickHouse's own message often
     * does not reach the client: "Unreadable error message").
     */
    public Map<String, Lease> all() {
        try {
            return clickHouse.query(LIST, row -> new Lease(row.getString("lease"), row.getString("holder"),
                            row.getString("token"), Instant.ofEpochMilli(row.getLong("expires_ms"))))
                    .stream().collect(Collectors.toMap(Lease::name, Function.identity(), (a, b) -> a,
                            java.util.LinkedHashMap::new));
        } catch (StoreException e) {
            if (e.code() != KEEPER_EXCEPTION) {
                throw e;
            }
            throw new StoreException(e.query(), e.code(), true, "the leases cannot be read: ClickHouse at "
                    + clickHouse.spec().httpUrl() + " gets no answer from its Keeper (ZooKeeper or ClickHouse Keeper, "
                    + "its <zookeeper> config): " + e.getMessage(), e);
        }
    }

    /**
     * Tries to take or renew {@code name} for {@code holder} until {@code until}, writing {@code token}: creates the
     * lease when {@code known} is empty (nobody had it), else changes it if {@code holder} holds it or it is free at
     * {@code now}. Whether the write won shows in {@link #all()} (the token); a write that lost to another replica's
     * at the same moment is not an error.
     */
    public void tryTake(String name, String holder, String token, Instant until, Instant now, Optional<Lease> known) {
        Params p = Params.of("lease", name).and("holder", holder).and("token", token)
                .and("expires_ms", until.toEpochMilli());
        try {
            if (known.isEmpty()) {
                clickHouse.execute(INSERT, p);
            } else {
                clickHouse.execute(TAKE, p.and("now_ms", now.toEpochMilli()));
            }
        } catch (StoreException e) {
            if (!lostRace(e)) {
                throw e;
            }
        }
    }

    /** Gives {@code name} up if {@code holder} still holds it. */
    public void release(String name, String holder) {
        try {
            clickHouse.execute(RELEASE, Params.of("lease", name).and("holder", holder));
        } catch (StoreException e) {
            if (!lostRace(e)) {
                throw e;
            }
        }
    }

    /**
     * Keeper refused the write (KEEPER_EXCEPTION): another replica created or changed the row first (node exists, bad
     * version). The server's message does not always reach the client, so the caller reads back whether it won; when
     * the Keeper itself is gone, that read fails and says so.
     */
    private static boolean lostRace(StoreException e) {
        return e.code() == KEEPER_EXCEPTION;
    }

    private static final int KEEPER_EXCEPTION = 999;

    /** The leases {@code holder} won with {@code token}, among {@code leases}. */
    public static List<String> wonWith(Map<String, Lease> leases, String holder, String token) {
        return leases.values().stream().filter(l -> l.holder().equals(holder) && l.token().equals(token))
                .map(Lease::name).toList();
    }
}
