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

    /** Applies every migration; returns this for chaining. */
    public TestDatabase migrate() {
        new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate();
        return this;
    }

    public String name() {
        return spec.database();
    }
}
