package dev.plumbline.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrations;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The migrations on the official ClickHouse image through Testcontainers. Needs a Docker engine; skipped (and
 * reported as skipped) without one. The same migrations run against the local server in {@code MigratorTest}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ClickHouseContainerTest {

    @Test
    void every_migration_applies_on_the_official_image() {
        TestServer server = TestServer.container();
        ConnectionSpec spec = new ConnectionSpec(server.httpUrl(), "plumbline", server.user(), server.password());
        ClickHouse.createDatabase(spec, "");
        try (ClickHouse clickHouse = ClickHouse.connect(spec, 2, QueryListener.NONE)) {
            assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate()).hasSize(Migrations.all().size());
        }
    }
}
