package dev.plumbline.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * How the store is laid out over servers: one node ({@link #NONE}), or a sharded store: the ClickHouse cluster that
 * the servers' {@code remote_servers} configuration defines, and the HTTP URL of each of its shards' servers.
 *
 * <p>In a sharded store every shard holds its part of each table in the local database ({@link #localDatabase},
 * {@code NAME_local}), and the application's database on every shard holds a {@code Distributed} table over it per
 * table (how a table is split: {@code migration/ShardingKeys}), and the views. Queries and inserts go to the
 * {@code Distributed} tables of any node, with {@link #sessionSettings()}. The schema's DDL is run by Plumbline on
 * each listed shard ({@code ON CLUSTER} is not used in this layout; README, "Clusters").
 *
 * @param cluster   the cluster's name in {@code remote_servers}; empty for one node
 * @param shardUrls the HTTP URL of each shard's server (one server per shard), in any order; empty for one node
 */
public record Sharding(String cluster, List<String> shardUrls) {

    public static final Sharding NONE = new Sharding("", List.of());
    /** What a shard's local database is called: the application's database with this suffix. */
    public static final String LOCAL_SUFFIX = "_local";

    public Sharding {
        cluster = cluster == null ? "" : cluster.strip();
        List<String> urls = new ArrayList<>();
        for (String url : shardUrls == null ? List.<String>of() : shardUrls) {
            if (url != null && !url.isBlank()) {
                urls.add(new ConnectionSpec(url, "default", null, null).httpUrl());   // validated, no trailing slash
            }
        }
        shardUrls = List.copyOf(urls);
        if (!shardUrls.isEmpty() && cluster.isEmpty()) {
            throw new IllegalArgumentException("shards are given but no cluster: name the cluster of the servers' "
                    + "remote_servers configuration that the Distributed tables read");
        }
        if (!cluster.isEmpty()) {
            ConnectionSpec.requireIdentifier("cluster", cluster);
            if (shardUrls.isEmpty()) {
                throw new IllegalArgumentException("cluster '" + cluster + "' has no shard URLs");
            }
        }
        if (new LinkedHashSet<>(shardUrls).size() != shardUrls.size()) {
            throw new IllegalArgumentException("a shard URL is listed twice: " + shardUrls);
        }
    }

    /** A sharded store of these shards. */
    public static Sharding of(String cluster, List<String> shardUrls) {
        return new Sharding(cluster, shardUrls);
    }

    public boolean sharded() {
        return !shardUrls.isEmpty();
    }

    /** The database that holds a shard's rows, beside the application's {@code database} on every shard. */
    public static String localDatabase(String database) {
        return ConnectionSpec.requireIdentifier("local database", database + LOCAL_SUFFIX);
    }

    /**
     * The settings every statement of the application runs with: in a sharded store, subqueries of {@code IN} and
     * {@code JOIN} over {@code Distributed} tables read the whole cluster once ({@code distributed_product_mode =
     * global}: without it ClickHouse refuses them), an insert returns once every shard has its rows
     * ({@code distributed_foreground_insert = 1}: an insert that succeeded is stored, as on one node, and a retry after
     * a failure writes the same rows again into replacing tables), and an {@code INSERT ... SELECT} between
     * {@code Distributed} tables selects over the whole cluster and sends each row to its shard
     * ({@code parallel_distributed_insert_select = 0}; ClickHouse 26's default 2 runs it on each shard over that
     * shard's rows only, which sums a service's minutes per shard instead of over every customer). None on one node.
     */
    public Map<String, String> sessionSettings() {
        return sharded() ? Map.of("distributed_product_mode", "global", "distributed_foreground_insert", "1",
                "parallel_distributed_insert_select", "0") : Map.of();
    }

    /** Where each shard is, for {@code app}'s database, user and password. */
    public List<ConnectionSpec> shards(ConnectionSpec app) {
        return shardUrls.stream().map(url -> new ConnectionSpec(url, app.database(), app.user(), app.password())).toList();
    }
}
