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
    private static final NamedQuery CREATE_VIEW_HISTORY = NamedQuery.load(Migrator.class, "create_schema_views.sql");
    private static final NamedQuery APPLIED_VIEWS = NamedQuery.load(Migrator.class, "list_applied_views.sql");
    private static final NamedQuery RECORD_VIEW = NamedQuery.load(Migrator.class, "record_view.sql");

    private final ClickHouse clickHouse;
    private final SchemaOptions options;
    private final List<Migration> migrations;
    private final List<Views.View> views;

    public Migrator(ClickHouse clickHouse, SchemaOptions options) {
        this(clickHouse, options, Migrations.all(), Views.all());
    }

    Migrator(ClickHouse clickHouse, SchemaOptions options, List<Migration> migrations) {
        this(clickHouse, options, migrations, Views.all());
    }

    Migrator(ClickHouse clickHouse, SchemaOptions options, List<Migration> migrations, List<Views.View> views) {
        this.clickHouse = clickHouse;
        this.options = options;
        this.migrations = migrations;
        this.views = views;
    }

    /**
     * Applies the pending migrations, then creates again every view whose definition changed or is missing; returns
     * the migration ids applied now (empty when the tables were current).
     */
    public List<String> migrate() {
        List<String> done = migrateTables();
        applyViews();
        return done;
    }

    /**
     * Creates, in their listed order, the views whose text differs from the one this database last created, or that
     * do not exist (a rollback dropped them); returns their names.
     */
    public List<String> applyViews() {
        clickHouse.executeScript(CREATE_VIEW_HISTORY.shortName(),
                options.render(CREATE_VIEW_HISTORY.name(), CREATE_VIEW_HISTORY.sql()));
        Map<String, String> current = new LinkedHashMap<>();
        clickHouse.query(APPLIED_VIEWS, row -> current.put(row.getString("name"), row.getString("checksum")));
        List<String> done = new ArrayList<>();
        for (Views.View v : views) {
            if (v.checksum().equals(current.get(v.name()))) {
                continue;
            }
            clickHouse.executeScript(v.file(), options.render(v.file(), v.sql()));
            var at = RowVersions.next(java.time.Clock.systemUTC());
            clickHouse.insert(RECORD_VIEW, List.of(v), (view, c) -> {
                c.set("name", view.name());
                c.set("checksum", view.checksum());
                c.set("applied_at", at);
            });
            LOG.info("created view {} in database {}", v.name(), clickHouse.spec().database());
            done.add(v.name());
        }
        return done;
    }

    private List<String> migrateTables() {
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
            record(m, "up");
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
                record(m, "down");
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
                (int) row.getLong("version"), row.getString("last_name"), row.getString("last_checksum"),
                row.getInstant("last_applied_at")))) {
            out.put(a.version(), a);
        }
        return out;
    }

    private void record(Migration m, String direction) {
        var at = RowVersions.next(java.time.Clock.systemUTC());
        clickHouse.insert(RECORD, List.of(m), (migration, c) -> {
            c.set("version", migration.version());
            c.set("name", migration.name());
            c.set("checksum", migration.checksum());
            c.set("direction", direction);
            c.set("applied_at", at);
        });
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
