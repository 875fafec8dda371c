package dev.plumbline.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final Path FOLDER = Path.of("src/main/resources", Migrations.FOLDER);

    @Test
    void the_index_lists_exactly_the_migration_files_in_the_folder() throws IOException {
        List<String> indexed = Migrations.all().stream().map(Migration::id).toList();
        List<String> ups;
        List<String> downs;
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            ups = names.stream().filter(n -> n.endsWith(".up.sql")).map(n -> n.replace(".up.sql", "")).sorted().toList();
            downs = names.stream().filter(n -> n.endsWith(".down.sql")).map(n -> n.replace(".down.sql", "")).sorted().toList();
        }
        assertThat(indexed).isEqualTo(ups).isEqualTo(downs).isNotEmpty();
    }

    @Test
    void versions_ascend_without_gaps_from_one() {
        List<Integer> versions = Migrations.all().stream().map(Migration::version).toList();
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void checksums_identify_the_up_file() {
        Migration first = Migrations.all().getFirst();
        assertThat(first.checksum()).hasSize(64).isNotEqualTo(Migrations.all().get(1).checksum());
    }
}
