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
 * Every named query file is used by a store and is valid ClickHouse SQL. (What each one returns is tested with its
 * store.)
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
                    .sorted().toList();
        }
    }

    @Test
    void every_query_file_is_loaded_by_some_class() {
        assertThat(queryFiles).isNotEmpty();
        assertThat(NamedQuery.loaded()).containsAll(queryFiles);
    }

    @Test
    void every_query_file_parses_on_the_server(TestDatabase db) throws IOException {
        for (String file : queryFiles) {
            String sql = Files.readString(RESOURCES.resolve(file)).strip().replaceAll(";$", "")
                    .replace("{{ON_CLUSTER}}", "").replace("{{REPLICATED}}", "")
                    .replace("?", "NULL");
            List<String> ast = db.clickHouse().query(new NamedQuery(file, "EXPLAIN AST " + sql), row -> row.getString(1));
            assertThat(ast).as(file).isNotEmpty();
        }
    }

    @Test
    void query_files_bind_values_only_through_placeholders() throws IOException {
        for (String file : queryFiles) {
            assertThat(Files.readString(RESOURCES.resolve(file))).as(file).doesNotContain("%s", "${", "' +");
        }
    }
}
