package dev.plumbline.sql.testing;

import dev.plumbline.sql.Admission;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.Sharding;
import dev.plumbline.sql.migration.ShardedMigrator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A sharded store of its own on the {@link TestCluster} for one test class: the application's database and its local
 * database on every shard. {@link #close()} drops both everywhere.
 *
 * @param spec       the application's database, reached at the first shard (what an application is configured with)
 * @param sharding   the cluster and its shards
 * @param clickHouse a pool to the {@code Distributed} tables, with the sharded store's settings
 */
public record ShardedDatabase(ConnectionSpec spec, Sharding sharding, ClickHouse clickHouse) implements AutoCloseable {

    /** An empty database named {@code test_PREFIX_...} on the shared test cluster (nothing is created yet). */
    public static ShardedDatabase create(String prefix) {
        TestCluster cluster = TestCluster.shared();
        String name = "test_" + prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ConnectionSpec spec = new ConnectionSpec(cluster.sharding().shardUrls().getFirst(), name, cluster.user(),
                cluster.password());
        return new ShardedDatabase(spec, cluster.sharding(),
                ClickHouse.connect(spec, Admission.pool(4), QueryListener.NONE, cluster.sharding()));
    }

    /** Applies every migration on every shard ({@link TestDatabase#SCHEMA}); returns this for chaining. */
    public ShardedDatabase migrate() {
        new ShardedMigrator(spec, sharding, TestDatabase.SCHEMA, QueryListener.NONE).migrate();
        return this;
    }

    public String name() {
        return spec.database();
    }

    public String localName() {
        return Sharding.localDatabase(spec.database());
    }

    /** Each shard's application database, connected directly (no sharded settings): close them after use. */
    public List<ClickHouse> shards() {
        return sharding.shards(spec).stream().map(s -> ClickHouse.connect(s, 2, QueryListener.NONE)).toList();
    }

    /** Each shard's local database, where its rows are: close them after use. */
    public List<ClickHouse> locals() {
        return sharding.shards(spec).stream()
                .map(s -> ClickHouse.connect(s.withDatabase(localName()), 2, QueryListener.NONE)).toList();
    }

    @Override
    public void close() {
        clickHouse.close();
        for (ConnectionSpec shard : sharding.shards(spec)) {
            try (ClickHouse node = ClickHouse.connect(shard.withDatabase("default"), 1, QueryListener.NONE)) {
                node.execute(new NamedQuery("drop_test_database", "DROP DATABASE IF EXISTS " + name() + " SYNC"));
                node.execute(new NamedQuery("drop_test_database", "DROP DATABASE IF EXISTS " + localName() + " SYNC"));
            }
        }
    }
}
