package dev.plumbline.app.config;

import dev.plumbline.sql.Admission;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.Sharding;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * Where Plumbline's ClickHouse is. Environment variables: PLUMBLINE_CLICKHOUSE_URL, _DATABASE, _USER, _PASSWORD,
 * _CLUSTER, _SHARDS (comma separated), _POOL_SIZE, _QUEUE, _QUEUE_WAIT. Validated at start; a message begins with the
 * key at fault.
 *
 * @param url      the URL of ClickHouse's HTTP interface, e.g. {@code http://127.0.0.1:8123}
 * @param database the database Plumbline owns (created when missing)
 * @param user     ClickHouse user
 * @param password ClickHouse password (never logged)
 * @param cluster  ClickHouse cluster name: without {@code shards}, for ON CLUSTER DDL and Replicated tables; with
 *                 them, the cluster (of the servers' remote_servers) the Distributed tables read; empty on a single node
 * @param shards   a sharded store: the HTTP URL of each shard's server, where Plumbline runs the DDL itself (README,
 *                 "Clusters"); empty otherwise
 * @param poolSize  statements run at once, one HTTP connection each (and 2 more for the statements that gate every
 *                  request: {@code Admission.LIGHT})
 * @param queue     statements that may wait for a turn beyond those; more are refused at once (503, Retry-After)
 * @param queueWait how long a waiting statement waits for its turn before it is refused (503, Retry-After)
 */
@ConfigurationProperties(ClickHouseProperties.PREFIX)
public record ClickHouseProperties(
        @Bindable(defaultValue = "http://127.0.0.1:8123") String url,
        @Bindable(defaultValue = "plumbline") String database,
        @Bindable(defaultValue = "default") String user,
        @Nullable String password,
        @Nullable String cluster,
        @Nullable List<String> shards,
        @Bindable(defaultValue = "8") int poolSize,
        @Bindable(defaultValue = "64") int queue,
        @Bindable(defaultValue = "5s") Duration queueWait) {

    public static final String PREFIX = "plumbline.clickhouse";

    public ClickHouseProperties {
        password = password == null ? "" : password;
        cluster = cluster == null ? "" : cluster.strip();
        check("url", () -> new ConnectionSpec(url, "default", null, null));
        check("database", () -> ConnectionSpec.requireIdentifier("database", database));
        if (!cluster.isEmpty()) {
            String name = cluster;
            check("cluster", () -> ConnectionSpec.requireIdentifier("cluster", name));
        }
        shards = shards == null ? List.of() : shards.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
        if (!shards.isEmpty()) {
            if (cluster.isEmpty()) {
                throw new IllegalArgumentException(PREFIX + ".shards: needs " + PREFIX + ".cluster, the name of the "
                        + "cluster in the servers' remote_servers configuration that the Distributed tables read");
            }
            List<String> urls = shards;
            String name = cluster;
            check("shards", () -> new Sharding(name, urls));
            check("database", () -> Sharding.localDatabase(database));
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException(PREFIX + ".pool-size: must be between 1 and 200, was " + poolSize);
        }
        if (queue < 0 || queue > 10_000) {
            throw new IllegalArgumentException(PREFIX + ".queue: must be between 0 and 10000, was " + queue);
        }
        if (queueWait.isNegative() || queueWait.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException(PREFIX + ".queue-wait: must be between 0 and 60 seconds, was " + queueWait);
        }
    }

    /** The admission control these settings describe. */
    public Admission admission() {
        return new Admission(poolSize, queue, queueWait);
    }

    public ConnectionSpec spec() {
        return new ConnectionSpec(url, database, user, password);
    }

    /** The sharded store these settings describe, or {@link Sharding#NONE}. */
    public Sharding sharding() {
        return shards.isEmpty() ? Sharding.NONE : new Sharding(cluster, shards);
    }

    /** The cluster DDL runs {@code ON CLUSTER} of: the cluster, but not in a sharded store (each shard is migrated). */
    public String ddlCluster() {
        return shards.isEmpty() ? cluster : "";
    }

    private static void check(String key, Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "." + key + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ClickHouseProperties[url=" + url + ", database=" + database + ", user=" + user + ", cluster=" + cluster
                + ", shards=" + shards + ", poolSize=" + poolSize + ", queue=" + queue + ", queueWait=" + queueWait + "]";
    }
}
