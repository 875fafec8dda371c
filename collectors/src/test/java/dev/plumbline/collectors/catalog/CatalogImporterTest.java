package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.alerts.SavedPolicy;
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
    private final AlertPolicyStore policies;
    private final CatalogImporter importer;

    CatalogImporterTest(TestDatabase db) {
        store = new ServiceCatalogStore(db.migrate().clickHouse(), CLOCK);
        policies = new AlertPolicyStore(db.clickHouse(), CLOCK);
        importer = new CatalogImporter(store, policies);
    }

    @BeforeEach
    void empty() {
        List<CatalogEntry> all = store.all();
        store.remove(all.stream().map(CatalogEntry::service).toList(),
                all.stream().flatMap(e -> e.objectives().stream()).toList());
    }

    @Test
    void an_import_writes_the_catalog_and_its_export_imports_back_unchanged() throws Exception {
        importer.importCatalog(OpenSloReaderTest.samples(), false, "importer");
        List<CatalogEntry> first = store.all();
        String exported = importer.export();

        importer.importCatalog(List.of(new OpenSloReader.Source("export.yaml", exported)), true, "importer");

        assertThat(store.all()).isEqualTo(first);
        assertThat(importer.export()).isEqualTo(exported);
        assertThat(first).extracting(e -> e.service().name()).containsExactly("billing", "search");
    }

    @Test
    void an_import_saves_the_alert_policies_its_slos_name_as_a_new_version_only_when_they_change() {
        var sre = dev.plumbline.sql.alerts.Presets.sreWorkbook(OpenSloAlertsTest.AVAILABILITY.window());
        var pyrra = dev.plumbline.sql.alerts.Presets.pyrra(OpenSloAlertsTest.AVAILABILITY.window());

        CatalogImporter.Outcome outcome = importer.importCatalog(catalogWith(sre), false, "ada");
        CatalogImporter.Outcome again = importer.importCatalog(catalogWith(sre), false, "bob");
        CatalogImporter.Outcome changed = importer.importCatalog(catalogWith(pyrra), false, "cy");

        assertThat(outcome.objectives()).isEqualTo(1);
        assertThat(outcome.alertPolicies()).singleElement().satisfies(p -> {
            assertThat(p.objective()).isEqualTo("availability");
            assertThat(p.policy().rules()).isEqualTo(sre.rules());
        });
        assertThat(store.find("search").orElseThrow().objectives()).containsExactly(OpenSloAlertsTest.AVAILABILITY);
        assertThat(List.of(outcome.policiesSaved(), again.policiesSaved(), changed.policiesSaved()))
                .as("the second import gives the policy already current").containsExactly(1, 0, 1);
        List<SavedPolicy> versions = policies.versions("search", "availability");
        assertThat(versions).extracting(SavedPolicy::savedBy).containsExactly("ada", "cy");
        assertThat(versions).extracting(SavedPolicy::version).containsExactly(1, 2);
        assertThat(versions.get(0).policy().rules()).isEqualTo(sre.rules());
        assertThat(versions.get(1).policy().rules()).isEqualTo(pyrra.rules());
    }

    @Test
    void the_export_carries_the_saved_alert_policies_and_imports_back_without_a_new_version() {
        var sre = dev.plumbline.sql.alerts.Presets.sreWorkbook(OpenSloAlertsTest.AVAILABILITY.window());
        importer.importCatalog(catalogWith(sre), false, "ada");
        List<CatalogEntry> first = store.all();

        String exported = importer.export();
        CatalogImporter.Outcome back = importer.importCatalog(List.of(new OpenSloReader.Source("export.yaml", exported)),
                true, "bob");

        assertThat(exported).contains("kind: AlertPolicy", "kind: AlertCondition", "kind: AlertNotificationTarget");
        assertThat(back.alertPolicies()).singleElement().satisfies(p -> assertThat(p.policy()).isEqualTo(sre));
        assertThat(back.policiesSaved()).isZero();
        assertThat(store.all()).isEqualTo(first);
        assertThat(importer.export()).isEqualTo(exported);
    }

    private static List<OpenSloReader.Source> catalogWith(AlertPolicy policy) {
        return List.of(new OpenSloReader.Source("search.yaml", OpenSloAlertsTest.SEARCH),
                new OpenSloReader.Source("alerts.yaml", OpenSloAlertWriter.write(OpenSloAlertsTest.AVAILABILITY, policy)));
    }

    @Test
    void one_bad_file_among_good_ones_writes_nothing() throws Exception {
        var bad = new OpenSloReader.Source("bad.yaml", "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: BAD\n");

        assertThatThrownBy(() -> importer.importCatalog(List.of(OpenSloReaderTest.source("search.yaml"), bad), false, "importer"))
                .isInstanceOf(CatalogRejected.class)
                .hasMessageContaining("bad.yaml: $[0].metadata.name");
        assertThat(store.countServices()).isZero();
    }

    @Test
    void a_service_imported_again_keeps_only_its_listed_objectives_and_others_stay() throws Exception {
        importer.importCatalog(OpenSloReaderTest.samples(), false, "importer");
        String searchOnlyAvailability = OpenSloReaderTest.source("search.yaml").text();
        searchOnlyAvailability = searchOnlyAvailability.substring(0, searchOnlyAvailability.lastIndexOf("---"));

        importer.importCatalog(List.of(new OpenSloReader.Source("search.yaml", searchOnlyAvailability)), false, "importer");

        assertThat(store.find("search").orElseThrow().objectives()).extracting(o -> o.name()).containsExactly("availability");
        assertThat(store.find("billing")).isPresent();
    }

    @Test
    void replace_all_deletes_services_that_are_no_longer_listed() throws Exception {
        importer.importCatalog(OpenSloReaderTest.samples(), false, "importer");

        CatalogImporter.Outcome outcome = importer.importCatalog(List.of(OpenSloReaderTest.source("billing.yml")), true, "importer");

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
