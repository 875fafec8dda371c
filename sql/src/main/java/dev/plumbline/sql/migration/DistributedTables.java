package dev.plumbline.sql.migration;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On one node of a sharded store, makes the application's database stand for the local one: a {@code Distributed}
 * table over each local table ({@link ShardingKeys} gives its key), created again when the local table's columns
 * changed (a migration altered it) or it reads another cluster; one whose local table is gone is dropped. A
 * {@code Distributed} table holds no rows, so re-creating it costs nothing but a moment.
 */
final class DistributedTables {

    /** Each node's own bookkeeping of what was applied to it: never distributed. */
    static final Set<String> BOOKKEEPING = Set.of("schema_migrations", "schema_views");
    private static final NamedQuery TABLES = NamedQuery.load(DistributedTables.class, "list_tables.sql");
    private static final NamedQuery COLUMNS = NamedQuery.load(DistributedTables.class, "list_columns.sql");

    private DistributedTables() {
    }

    private record Table(String name, String engine, String engineFull) {
    }

    /**
     * Brings {@code node}'s database (the application's) in line with {@code localDatabase} on the same server;
     * returns the tables created or created again.
     */
    static List<String> sync(ClickHouse node, String localDatabase, String cluster) {
        String database = node.spec().database();
        Map<String, Table> local = tables(node, localDatabase);
        Map<String, Table> app = tables(node, database);
        Map<String, List<String>> localColumns = columns(node, localDatabase);
        Map<String, List<String>> appColumns = columns(node, database);
        List<String> done = new ArrayList<>();
        for (Table t : local.values()) {
            if (BOOKKEEPING.contains(t.name()) || t.engine().equals("View")) {
                continue;   // views are created in the application's database from their definitions (Views)
            }
            if (!t.engine().endsWith("MergeTree")) {
                throw new IllegalStateException(localDatabase + "." + t.name() + " has engine " + t.engine()
                        + ", which a sharded store has no rule for (only MergeTree tables are distributed: "
                        + DistributedTables.class.getName() + ")");
            }
            String engine = "Distributed('" + cluster + "', '" + localDatabase + "', '" + t.name() + "', "
                    + ShardingKeys.expression(t.name()) + ")";
            Table existing = app.get(t.name());
            if (existing != null && !existing.engine().equals("Distributed")) {
                throw new IllegalStateException(database + "." + t.name() + " is a " + existing.engine()
                        + " table, not a Distributed one: a database that holds rows cannot become a sharded store's "
                        + "in place (README, \"Clusters\")");
            }
            if (existing != null && existing.engineFull().equals(engine)
                    && localColumns.get(t.name()).equals(appColumns.get(t.name()))) {
                continue;
            }
            node.executeScript("create_distributed_table", "CREATE OR REPLACE TABLE " + database + "." + t.name()
                    + " AS " + localDatabase + "." + t.name() + " ENGINE = " + engine);
            done.add(t.name());
        }
        for (Table t : app.values()) {
            if (t.engine().equals("Distributed") && !local.containsKey(t.name())
                    && t.engineFull().contains("'" + localDatabase + "'")) {
                node.executeScript("drop_distributed_table", "DROP TABLE IF EXISTS " + database + "." + t.name() + " SYNC");
            }
        }
        return done;
    }

    private static Map<String, Table> tables(ClickHouse node, String database) {
        Map<String, Table> out = new LinkedHashMap<>();
        for (Table t : node.query(TABLES, Params.of("database", database), row -> new Table(row.getString("name"),
                row.getString("engine"), row.getString("engine_full")))) {
            out.put(t.name(), t);
        }
        return out;
    }

    /** Per table, its columns as "name type default_kind default_expression", in order. */
    private static Map<String, List<String>> columns(ClickHouse node, String database) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String[] c : node.query(COLUMNS, Params.of("database", database), row -> new String[] {
                row.getString("table"), row.getString("name") + " " + row.getString("type") + " "
                + row.getString("default_kind") + " " + row.getString("default_expression")})) {
            out.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c[1]);
        }
        return out;
    }
}
