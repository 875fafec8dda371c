package dev.plumbline.sql.migration;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.RowVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema: applies the migrations it has not seen, in order, and records each in
 * {@code schema_migrations}. Refuses to run when an applied migration's file has changed since.
 *
 * <p>ClickHouse has no transactional DDL. Every statement is written to be safe to repeat ({@code IF NOT EXISTS},
 * {@code IF EXISTS}), and a migration is recorded only after all its statements succeeded, so a run cut off half-way
 * is completed by the next one.
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final NamedQuery CREATE_HISTORY = NamedQuery.load(Migrator.class, "create_schema_migrations.sql");
    private static final NamedQuery APPLIED = NamedQuery.load(Migrator.class, "list_applied_migrations.sql");
    private static final NamedQuery RECORD = NamedQuery.load(Migrator.class, "record_migration.sql");

    private final ClickHouse clickHouse;
    private final SchemaOptions options;
    private final List<Migration> migrations;

    public Migrator(ClickHouse clickHouse, SchemaOptions options) {
        this(clickHouse, options, Migrations.all());
    }

    Migrator(ClickHouse clickHouse, SchemaOptions options, List<Migration> migrations) {
        this.clickHouse = clickHouse;
        this.options = options;
        this.migrations = migrations;
    }

    /** Applies what is pending and returns the ids applied now (empty when the schema was current). */
    public List<String> migrate() {
        Map<Integer, AppliedMigration> applied = applied();
        List<String> done = new ArrayList<>();
        for (Migration m : migrations) {
            AppliedMigration before = applied.get(m.version());
            if (before != null) {
                if (!before.checksum().equals(m.checksum())) {
                    throw new IllegalStateException("migration " + m.id()
                            + " was changed after it was applied to " + clickHouse.spec().database()
                            + " (checksum " + m.checksum() + ", applied " + before.checksum()
                            + "); add a new migration instead of editing an applied one");
                }
                continue;
            }
            run(m.id() + ".up.sql", m.up());
            clickHouse.execute(RECORD, m.version(), m.name(), m.checksum(), "up", RowVersions.next(java.time.Clock.systemUTC()));
            LOG.info("applied migration {} to database {}", m.id(), clickHouse.spec().database());
            done.add(m.id());
        }
        return done;
    }

    /** Undoes applied migrations newer than {@code version}, newest first; returns the ids undone. */
    public List<String> rollbackTo(int version) {
        Map<Integer, AppliedMigration> applied = applied();
        List<String> done = new ArrayList<>();
        for (Migration m : migrations.reversed()) {
            if (m.version() > version && applied.containsKey(m.version())) {
                run(m.id() + ".down.sql", m.down());
                clickHouse.execute(RECORD, m.version(), m.name(), m.checksum(), "down", RowVersions.next(java.time.Clock.systemUTC()));
                LOG.info("rolled back migration {} in database {}", m.id(), clickHouse.spec().database());
                done.add(m.id());
            }
        }
        return done;
    }

    /** The migrations in effect now, by version. */
    public Map<Integer, AppliedMigration> applied() {
        clickHouse.executeScript(CREATE_HISTORY.shortName(), options.render(CREATE_HISTORY.name(), CREATE_HISTORY.sql()));
        Map<Integer, AppliedMigration> out = new LinkedHashMap<>();
        for (AppliedMigration a : clickHouse.query(APPLIED, row -> new AppliedMigration(
                row.getInt("version"), row.getString("last_name"), row.getString("last_checksum"),
                row.getTimestamp("last_applied_at").toInstant()))) {
            out.put(a.version(), a);
        }
        return out;
    }

    private void run(String file, String script) {
        for (String statement : SqlScript.statements(options.render(file, script))) {
            clickHouse.executeScript(file, statement);
        }
    }

    /** A row of {@code schema_migrations} whose latest direction is up. */
    public record AppliedMigration(int version, String name, String checksum, Instant appliedAt) {
    }
}
