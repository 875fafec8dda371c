package dev.plumbline.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.catalog.CatalogImporter;
import dev.plumbline.collectors.catalog.CatalogProblem;
import dev.plumbline.collectors.catalog.CatalogRejected;
import dev.plumbline.collectors.catalog.OpenSloReader;
import dev.plumbline.collectors.customers.CustomerImporter;
import dev.plumbline.collectors.customers.CustomerParser;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.collectors.imports.ImportRejected;
import dev.plumbline.collectors.imports.TextInput;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.imports.MappingStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed inputs (src/test/resources/malformed, listed in expected.tsv with a fragment of the error
 * each must produce): every one is refused through the real importers, the message says what is wrong, and the
 * store is unchanged afterwards.
 */
@ExtendWith(ClickHouseExtension.class)
class MalformedInputsTest {

    record Case(String file, String expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static CustomerStore customers;
    private static ServiceCatalogStore catalog;
    private static CustomerImporter customerImporter;
    private static CatalogImporter catalogImporter;

    @BeforeAll
    static void setUp(TestDatabase db) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        customers = new CustomerStore(db.migrate().clickHouse(), clock);
        catalog = new ServiceCatalogStore(db.clickHouse(), clock);
        customerImporter = new CustomerImporter(new CustomerParser(CurrencyRates.of("USD", List.of("EUR=1.08", "GBP=1.27"))), customers,
                new MappingStore(db.clickHouse(), clock), clock);
        catalogImporter = new CatalogImporter(catalog, new AlertPolicyStore(db.clickHouse(), clock));
        // Something to stay untouched: one customer and one service.
        customerImporter.importCsv("id,name,arr,currency\nkeep,Keep Co,100,USD\n".getBytes(StandardCharsets.UTF_8), null);
        catalogImporter.importCatalog(List.of(new OpenSloReader.Source("keep.yaml",
                "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: keep\n")), false, "test");
    }

    static Stream<Case> corpus() throws IOException {
        try (InputStream in = MalformedInputsTest.class.getResourceAsStream("/malformed/expected.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> new Case(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)))
                    .toList().stream();
        }
    }

    @Test
    void the_corpus_has_at_least_fifty_inputs_of_every_kind() throws IOException {
        List<Case> all = corpus().toList();

        assertThat(all).hasSizeGreaterThanOrEqualTo(50);
        assertThat(all).anyMatch(c -> c.file().startsWith("customers-csv/"))
                .anyMatch(c -> c.file().startsWith("customers-json/"))
                .anyMatch(c -> c.file().startsWith("openslo/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void every_malformed_input_is_refused_with_a_clear_error_and_nothing_is_written(Case c) throws IOException {
        byte[] bytes;
        try (InputStream in = MalformedInputsTest.class.getResourceAsStream("/malformed/" + c.file())) {
            bytes = in.readAllBytes();
        }
        int customerRows = customers.allRows().size();
        var services = catalog.all();

        List<String> messages = refuse(c.file(), bytes);

        assertThat(messages).as(c.file()).isNotEmpty().anySatisfy(m -> assertThat(m).contains(c.expected()));
        assertThat(customers.allRows()).hasSize(customerRows);
        assertThat(catalog.all()).isEqualTo(services);
    }

    private static List<String> refuse(String file, byte[] bytes) {
        try {
            if (file.startsWith("customers-csv/")) {
                customerImporter.importCsv(bytes, null);
            } else if (file.startsWith("customers-json/")) {
                customerImporter.importJson(bytes);
            } else {
                catalogImporter.importCatalog(List.of(new OpenSloReader.Source(file, TextInput.decode(bytes))), false, "test");
            }
        } catch (ImportRejected e) {
            return e.problems().stream().map(ImportProblem::toString).toList();
        } catch (CatalogRejected e) {
            return e.problems().stream().map(CatalogProblem::toString).toList();
        }
        return List.of();
    }
}
