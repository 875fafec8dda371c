package dev.plumbline.sql.testing;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;

/**
 * A database of its own for one test class, on the shared test server. Dropped after the class.
 *
 * @param spec       how to reach it (also what an application under test is configured with)
 * @param clickHouse a pool to it
 * @param server     the server it lives on
 */
public record TestDatabase(ConnectionSpec spec, ClickHouse clickHouse, TestServer server) {

    /**
     * The schema tests use: one node, raw minutes kept {@value #RAW_TTL_DAYS} days. The raw TTL counts from the
     * server's clock, which is the machine's; tests plant minutes at instants of their own choosing, which must not
     * expire because the machine's date moved on. The per-service minutes are kept as long, for the same reason.
     */
    public static final int RAW_TTL_DAYS = 3650;
    public static final SchemaOptions SCHEMA = new SchemaOptions("", RAW_TTL_DAYS, RAW_TTL_DAYS);

    /** Applies every migration ({@link #SCHEMA}), on every shard of a sharded store; returns this for chaining. */
    public TestDatabase migrate() {
        if (clickHouse.sharding().sharded()) {
            new dev.plumbline.sql.migration.ShardedMigrator(spec, clickHouse.sharding(), SCHEMA,
                    dev.plumbline.sql.QueryListener.NONE).migrate();
        } else {
            new Migrator(clickHouse, SCHEMA).migrate();
        }
        return this;
    }

    public String name() {
        return spec.database();
    }
}
