package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ClickHouseExtension.class)
class CatalogImporterTest {

    /** A clock that stands still: each import must replace the one before all the same (RowVersions). */
    private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-05T08:00:00Z"), java.time.ZoneOffset.UTC);
    private final ServiceCatalogStore store;
    private final CatalogImporter importer;

    CatalogImporterTest(TestDatabase db) {
        store = new ServiceCatalogStore(db.migrate().clickHouse(), CLOCK);
        importer = new CatalogImporter(store);
    }

    @BeforeEach
    void empty() {
        List<CatalogEntry> all = store.all();
        store.remove(all.stream().map(CatalogEntry::service).toList(),
                all.stream().flatMap(e -> e.objectives().stream()).toList());
    }

    @Test
    void an_import_writes_the_catalog_and_its_export_imports_back_unchanged() throws Exception {
        importer.importCatalog(OpenSloReaderTest.samples(), false);
        List<CatalogEntry> first = store.all();
        String exported = importer.export();

        importer.importCatalog(List.of(new OpenSloReader.Source("export.yaml", exported)), true);

        assertThat(store.all()).isEqualTo(first);
        assertThat(importer.export()).isEqualTo(exported);
        assertThat(first).extracting(e -> e.service().name()).containsExactly("billing", "search");
    }

    @Test
    void an_import_gives_back_the_alert_policies_its_slos_name_with_the_objectives_it_wrote() {
        var sre = dev.plumbline.sql.alerts.Presets.sreWorkbook(OpenSloAlertsTest.AVAILABILITY.window());

        CatalogImporter.Outcome outcome = importer.importCatalog(List.of(
                new OpenSloReader.Source("search.yaml", OpenSloAlertsTest.SEARCH),
                new OpenSloReader.Source("alerts.yaml", OpenSloAlertWriter.write(OpenSloAlertsTest.AVAILABILITY, sre))),
                false);

        assertThat(outcome.objectives()).isEqualTo(1);
        assertThat(outcome.alertPolicies()).singleElement().satisfies(p -> {
            assertThat(p.objective()).isEqualTo("availability");
            assertThat(p.policy().rules()).isEqualTo(sre.rules());
        });
        assertThat(store.find("search").orElseThrow().objectives()).containsExactly(OpenSloAlertsTest.AVAILABILITY);
    }

    @Test
    void one_bad_file_among_good_ones_writes_nothing() throws Exception {
        var bad = new OpenSloReader.Source("bad.yaml", "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: BAD\n");

        assertThatThrownBy(() -> importer.importCatalog(List.of(OpenSloReaderTest.source("search.yaml"), bad), false))
                .isInstanceOf(CatalogRejected.class)
                .hasMessageContaining("bad.yaml: $[0].metadata.name");
        assertThat(store.countServices()).isZero();
    }

    @Test
    void a_service_imported_again_keeps_only_its_listed_objectives_and_others_stay() throws Exception {
        importer.importCatalog(OpenSloReaderTest.samples(), false);
        String searchOnlyAvailability = OpenSloReaderTest.source("search.yaml").text();
        searchOnlyAvailability = searchOnlyAvailability.substring(0, searchOnlyAvailability.lastIndexOf("---"));

        importer.importCatalog(List.of(new OpenSloReader.Source("search.yaml", searchOnlyAvailability)), false);

        assertThat(store.find("search").orElseThrow().objectives()).extracting(o -> o.name()).containsExactly("availability");
        assertThat(store.find("billing")).isPresent();
    }

    @Test
    void replace_all_deletes_services_that_are_no_longer_listed() throws Exception {
        importer.importCatalog(OpenSloReaderTest.samples(), false);

        CatalogImporter.Outcome outcome = importer.importCatalog(List.of(OpenSloReaderTest.source("billing.yml")), true);

        assertThat(outcome.servicesDeleted()).isEqualTo(1);
        assertThat(store.all()).extracting(e -> e.service().name()).containsExactly("billing");
    }

    @Test
    void a_folder_is_loaded_when_it_changes_and_an_invalid_change_keeps_the_catalog(@TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("search.yaml"), OpenSloReaderTest.source("search.yaml").text());
        Files.writeString(folder.resolve("notes.txt"), "not a catalog file");
        CatalogFolder watched = new CatalogFolder(folder, importer, CLOCK);

        assertThat(watched.poll()).isTrue();
        assertThat(watched.poll()).as("nothing changed").isFalse();
        assertThat(store.all()).extracting(e -> e.service().name()).containsExactly("search");

        Files.writeString(folder.resolve("broken.yml"), "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: x}\n");
        assertThat(watched.poll()).isFalse();
        assertThat(watched.status().problems()).isNotEmpty().first().asString().startsWith("broken.yml: $[0].spec");
        assertThat(store.all()).extracting(e -> e.service().name()).containsExactly("search");

        Files.delete(folder.resolve("broken.yml"));
        Files.writeString(folder.resolve("billing.yml"), OpenSloReaderTest.source("billing.yml").text());
        assertThat(watched.poll()).isTrue();
        assertThat(watched.status().problems()).isEmpty();
        assertThat(watched.status().files()).containsExactly("billing.yml", "search.yaml");
        assertThat(store.all()).extracting(e -> e.service().name()).containsExactly("billing", "search");
    }

}
