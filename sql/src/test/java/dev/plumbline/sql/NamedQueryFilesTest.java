package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.ShardedDatabase;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every named query file is used by a store, binds values only through named parameters, and runs on the real schema
 * with its declared parameter types. (What each one returns is tested with its store.)
 */
@ExtendWith(ClickHouseExtension.class)
class NamedQueryFilesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path CLASSES = Path.of("target/classes");
    private static List<String> queryFiles;

    @BeforeAll
    static void loadEveryStoreClass() throws IOException, ClassNotFoundException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class.forName(name, true, NamedQueryFilesTest.class.getClassLoader());
            }
        }
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            queryFiles = files.map(p -> RESOURCES.relativize(p).toString())
                    .filter(f -> f.endsWith(".sql") && !f.endsWith(".up.sql") && !f.endsWith(".down.sql"))
                    .filter(f -> !f.startsWith(dev.plumbline.sql.migration.Views.FOLDER))   // definitions, not queries
                    .sorted().toList();
        }
    }

    @Test
    void every_query_file_is_loaded_by_some_class() {
        assertThat(queryFiles).isNotEmpty();
        assertThat(NamedQuery.loaded()).containsAll(queryFiles);
    }

    /** Files in a {@value #SHARDED} folder read a sharded store's cluster: they run on one only. */
    static final String SHARDED = "/sharded/";

    /**
     * Every statement runs on a freshly migrated database with a value of each declared type bound to each of its
     * parameters: a wrong table or column name, or a parameter compared with a column of another type, fails here.
     * Insert files name columns that exist; roll-ups insert nothing into empty tables.
     */
    /**
     * The spans queries read tables other systems create (the OpenTelemetry exporter's, SigNoz's), not Plumbline's
     * schema: collectors' SpansCollectionTest runs every one of them on those tables, created from their projects' DDL.
     */
    private static final String SPANS = "dev/plumbline/sql/spans/";

    @Test
    void every_query_file_runs_on_the_real_schema_with_its_declared_parameter_types(TestDatabase db) throws IOException {
        db.migrate();
        new dev.plumbline.sql.coordination.LeaseStore(db.clickHouse()).create();   // not a migration: needs a Keeper
        List<String> singleNode = queryFiles.stream().filter(f -> !f.contains(SHARDED)).filter(f -> !f.startsWith(SPANS)).toList();
        assertThat(runEvery(db.clickHouse(), singleNode, Map.of())).isEqualTo(singleNode.size()).isPositive();
    }

    /**
     * The same on a sharded store (two shards of a real cluster: {@code TestCluster}), through its {@code Distributed}
     * tables with its settings, and the files only a sharded store runs: a statement ClickHouse cannot send to the
     * shards fails here. Twice: with empty texts, and with texts that are not, so that no branch of a statement is
     * folded away before it reaches the shards ({@code segment != '' AND ...}). Not the replicas' leases
     * ({@code coordination/}): a KeeperMap table in the application's database, not a sharded one, whose statements
     * are those of one node; it needs a Keeper, which the test cluster's servers are not given.
     */
    @Test
    void every_query_file_runs_on_a_sharded_store() throws IOException {
        List<String> files = queryFiles.stream().filter(f -> !f.startsWith("dev/plumbline/sql/coordination/"))
                .filter(f -> !f.startsWith(SPANS)).toList();
        try (ShardedDatabase sharded = ShardedDatabase.create("namedqueryfilestest").migrate()) {
            for (String text : List.of("", "x")) {
                Map<String, Object> given = new java.util.HashMap<>(Map.of("cluster", sharded.sharding().cluster(),
                        "local_database", sharded.localName()));
                files.stream().map(NamedQueryFilesTest::readUnchecked)
                        .flatMap(q -> q.parameters().entrySet().stream())
                        .filter(p -> p.getValue().equals("String") && !given.containsKey(p.getKey()))
                        .forEach(p -> given.put(p.getKey(), text));
                assertThat(runEvery(sharded.clickHouse(), files, given)).as("texts '" + text + "'")
                        .isEqualTo(files.size()).isLessThan(queryFiles.size());
            }
        }
    }

    private static NamedQuery readUnchecked(String file) {
        try {
            return read(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Runs each file once ({@code given}: values for parameters of these names); returns how many ran, or fails
     * naming every file that did not.
     */
    private static int runEvery(ClickHouse clickHouse, List<String> files, Map<String, Object> given) throws IOException {
        int ran = 0;
        List<String> failed = new java.util.ArrayList<>();
        for (String file : files) {
            try {
                runOnce(clickHouse, file, given);
                ran++;
            } catch (dev.plumbline.sql.StoreException e) {
                failed.add(file + ": " + e.getMessage());
            }
        }
        assertThat(failed).as("files that failed on " + clickHouse.spec()).isEmpty();
        return ran;
    }

    private static void runOnce(ClickHouse clickHouse, String file, Map<String, Object> given) throws IOException {
        NamedQuery query = read(file);
        String sql = query.sql();
        if (sql.contains("{{")) {   // DDL with deployment placeholders: run rendered, as the migrator does
            clickHouse.executeScript(file, dev.plumbline.sql.migration.SchemaOptions.SINGLE_NODE.render(file, sql));
        } else if (query.insertTable().isPresent()) {
            assertThat(clickHouse.query(new NamedQuery(file, "SELECT " + String.join(", ", query.insertColumns())
                    + " FROM " + query.insertTable().orElseThrow() + " LIMIT 0"), r -> r)).as(file).isEmpty();
        } else if (sql.contains("FORMAT RowBinary")) {
            clickHouse.insertRowBinary(query, new byte[0], 0);
        } else if (sql.stripLeading().toUpperCase(java.util.Locale.ROOT).startsWith("INSERT")) {
            clickHouse.execute(query, sample(query, given));
        } else {
            clickHouse.query(query, sample(query, given), r -> r);
        }
    }

    @Test
    void every_instant_parameter_is_declared_in_utc() throws IOException {
        for (String file : queryFiles) {
            NamedQuery query = read(file);
            query.parameters().forEach((name, type) -> {
                if (type.startsWith("DateTime")) {
                    assertThat(type).as(file + ": " + name).contains("'UTC'");
                }
            });
        }
    }

    /** A value of each parameter's declared type (the statements run on empty tables; any value of the type will do). */
    private static Params sample(NamedQuery query, Map<String, Object> given) {
        Params out = Params.NONE;
        for (var p : query.parameters().entrySet()) {
            if (given.containsKey(p.getKey())) {
                out = out.and(p.getKey(), given.get(p.getKey()));
                continue;
            }
            String type = p.getValue().replaceAll("^(LowCardinality|Nullable)\\((.*)\\)$", "$2");
            Object value = type.startsWith("Array") ? List.of()
                    : type.startsWith("DateTime") ? java.time.Instant.parse("2026-01-01T00:00:00Z")
                    : type.startsWith("Date") ? java.time.LocalDate.of(2026, 1, 1)
                    : type.startsWith("Float") ? (Object) 1.0
                    : type.startsWith("Decimal") ? java.math.BigDecimal.ONE
                    : type.matches("U?Int\\d+") ? (Object) 1
                    : type.equals("Bool") ? (Object) false
                    : "";
            out = out.and(p.getKey(), value);
        }
        return out;
    }

    /** The file as its store reads it (not through NamedQuery.load, which would count it as used). */
    private static NamedQuery read(String file) throws IOException {
        return new NamedQuery(file, Files.readString(RESOURCES.resolve(file)).strip().replaceAll(";$", ""));
    }

    @Test
    void query_files_bind_values_only_through_named_parameters() throws IOException {
        for (String file : queryFiles) {
            String text = NamedQuery.withoutComments(Files.readString(RESOURCES.resolve(file)));
            assertThat(text).as(file).doesNotContain("%s", "${", "' +", "?");
        }
    }
}
