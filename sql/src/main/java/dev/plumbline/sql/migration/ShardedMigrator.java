package dev.plumbline.sql.migration;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.Sharding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a sharded store to the newest schema (README, "Clusters"), on every shard in turn, from the same migration
 * files as one node:
 * <ol>
 *   <li>checks that the shard URLs are the cluster's shards, one server each, as every server's
 *   {@code remote_servers} says, before it changes anything;</li>
 *   <li>applies the pending migrations to each shard's local database ({@link Sharding#localDatabase}), with its own
 *   history there ({@link Migrator});</li>
 *   <li>creates in each shard's application database a {@code Distributed} table over each local table, again where
 *   a migration changed it ({@link DistributedTables}, keys from {@link ShardingKeys});</li>
 *   <li>creates the views ({@link Views}) in each application database, over the {@code Distributed} tables.</li>
 * </ol>
 * Every step is safe to repeat, so a run cut off half-way is completed by the next one.
 */
public final class ShardedMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(ShardedMigrator.class);
    private static final NamedQuery SHARDS = NamedQuery.load(ShardedMigrator.class, "cluster_shards.sql");

    private final ConnectionSpec app;
    private final Sharding sharding;
    private final SchemaOptions options;
    private final QueryListener listener;

    /**
     * @param app      the application's database (its name, user and password; the URL is not used: DDL goes to
     *                 every shard)
     * @param options  the schema's placeholders; without {@code ON CLUSTER} (this layout runs DDL on each shard)
     */
    public ShardedMigrator(ConnectionSpec app, Sharding sharding, SchemaOptions options, QueryListener listener) {
        if (!sharding.sharded()) {
            throw new IllegalArgumentException("a sharded migration needs shard URLs");
        }
        if (options.clustered()) {
            throw new IllegalArgumentException("a sharded store runs its DDL on each shard, not ON CLUSTER "
                    + options.cluster() + " with replicated tables (README, \"Clusters\")");
        }
        this.app = app;
        this.sharding = sharding;
        this.options = options;
        this.listener = listener;
    }

    /** Migrates every shard; returns the migration ids applied now on any of them. */
    public List<String> migrate() {
        List<ConnectionSpec> shards = sharding.shards(app);
        String local = Sharding.localDatabase(app.database());
        checkShards(shards);
        Set<String> applied = new LinkedHashSet<>();
        for (ConnectionSpec shard : shards) {
            ClickHouse.createDatabase(shard, "");
            ClickHouse.createDatabase(shard.withDatabase(local), "");
            try (ClickHouse node = ClickHouse.connect(shard.withDatabase(local), 1, listener)) {
                applied.addAll(new Migrator(node, options, Migrations.all(), List.of()).migrate());
            }
        }
        for (ConnectionSpec shard : shards) {
            try (ClickHouse node = ClickHouse.connect(shard, 1, listener)) {
                List<String> created = DistributedTables.sync(node, local, sharding.cluster());
                if (!created.isEmpty()) {
                    LOG.info("{} at {}: Distributed tables (re)created over {}: {}", app.database(), shard.httpUrl(),
                            local, created);
                }
            }
        }
        for (ConnectionSpec shard : shards) {
            try (ClickHouse node = ClickHouse.connect(shard, 1, listener)) {
                new Migrator(node, options, List.of(), Views.all()).applyViews();
            }
        }
        return List.copyOf(applied);
    }

    /**
     * Every shard URL answers as one of the cluster's shards, each shard is listed once, and each has one server:
     * replicas of a shard need replicated tables and {@code ON CLUSTER} DDL, which this layout does not run.
     */
    private void checkShards(List<ConnectionSpec> shards) {
        TreeMap<Long, String> seen = new TreeMap<>();
        for (ConnectionSpec shard : shards) {
            List<long[]> rows;
            try (ClickHouse node = ClickHouse.connect(shard.withDatabase("default"), 1, listener)) {
                rows = node.query(SHARDS, Params.of("cluster", sharding.cluster()), row -> new long[] {
                        row.getLong("shard_num"), row.getLong("replicas"), row.getLong("here")});
            }
            String where = "sharded store: the server at " + shard.httpUrl();
            if (rows.isEmpty()) {
                throw new IllegalStateException(where + " has no cluster '" + sharding.cluster()
                        + "' in its remote_servers configuration");
            }
            if (rows.size() != shards.size()) {
                throw new IllegalStateException(where + " lists " + rows.size() + " shard(s) in cluster '"
                        + sharding.cluster() + "', but " + shards.size() + " shard URL(s) are configured: "
                        + sharding.shardUrls());
            }
            List<Long> here = new ArrayList<>();
            for (long[] r : rows) {
                if (r[1] != 1) {
                    throw new IllegalStateException(where + ": shard " + r[0] + " of cluster '" + sharding.cluster()
                            + "' has " + r[1] + " replicas; a sharded store runs one server per shard (replicas "
                            + "need replicated tables and ON CLUSTER DDL: README, \"Clusters\")");
                }
                if (r[2] == 1) {
                    here.add(r[0]);
                }
            }
            if (here.size() != 1) {
                throw new IllegalStateException(where + " is not one of the shards of cluster '" + sharding.cluster()
                        + "' (its remote_servers entry for the cluster names no host and port of this server)");
            }
            String before = seen.put(here.getFirst(), shard.httpUrl());
            if (before != null) {
                throw new IllegalStateException(where + " and the one at " + before + " are both shard "
                        + here.getFirst() + " of cluster '" + sharding.cluster() + "'");
            }
        }
    }
}
