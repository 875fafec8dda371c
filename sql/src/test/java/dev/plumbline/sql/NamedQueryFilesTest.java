package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Every statement runs on a freshly migrated database with a value of each declared type bound to each of its
     * parameters: a wrong table or column name, or a parameter compared with a column of another type, fails here.
     * Insert files name columns that exist; roll-ups insert nothing into empty tables.
     */
    @Test
    void every_query_file_runs_on_the_real_schema_with_its_declared_parameter_types(TestDatabase db) throws IOException {
        db.migrate();
        new dev.plumbline.sql.coordination.LeaseStore(db.clickHouse()).create();   // not a migration: needs a Keeper
        int ran = 0;
        for (String file : queryFiles) {
            NamedQuery query = read(file);
            String sql = query.sql();
            if (sql.contains("{{")) {   // DDL with deployment placeholders: run rendered, as the migrator does
                db.clickHouse().executeScript(file, dev.plumbline.sql.migration.SchemaOptions.SINGLE_NODE.render(file, sql));
            } else if (query.insertTable().isPresent()) {
                assertThat(db.clickHouse().query(new NamedQuery(file, "SELECT " + String.join(", ", query.insertColumns())
                        + " FROM " + query.insertTable().orElseThrow() + " LIMIT 0"), r -> r)).as(file).isEmpty();
            } else if (sql.contains("FORMAT RowBinary")) {
                db.clickHouse().insertRowBinary(query, new byte[0], 0);
            } else if (sql.stripLeading().toUpperCase(java.util.Locale.ROOT).startsWith("INSERT")) {
                db.clickHouse().execute(query, sample(query));
            } else {
                db.clickHouse().query(query, sample(query), r -> r);
            }
            ran++;
        }
        assertThat(ran).isEqualTo(queryFiles.size());
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
    private static Params sample(NamedQuery query) {
        Params out = Params.NONE;
        for (var p : query.parameters().entrySet()) {
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
