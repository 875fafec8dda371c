package dev.plumbline.app.store;

import dev.plumbline.app.config.SchemaProperties;
import dev.plumbline.sql.ClickHouse;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * Brings the schema up to date at start, before the server listens (by creating the {@link ClickHouse} bean, which
 * migrates), so that a schema problem stops the start instead of failing the first request.
 */
@Context
@Requires(property = SchemaProperties.PREFIX + ".migrate-on-start", value = "true", defaultValue = "true")
public class SchemaAtStart {

    public SchemaAtStart(ClickHouse clickHouse) {
        // creating the pool did the work
    }
}
