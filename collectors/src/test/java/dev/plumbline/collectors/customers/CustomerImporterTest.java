package dev.plumbline.collectors.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.collectors.imports.ImportRejected;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.imports.MappingStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class CustomerImporterTest {

    private static final String CSV = """
            id,name,segment,arr,currency,seats
            acme,Acme,enterprise,"1,200,000",USD,400
            globex,Globex,smb,9500,EUR,12
            """;

    private final CustomerStore customers;
    private final MappingStore mappings;

    CustomerImporterTest(TestDatabase db) {
        customers = new CustomerStore(db.migrate().clickHouse(), Clock.systemUTC());
        mappings = new MappingStore(db.clickHouse(), Clock.systemUTC());
    }

    private CustomerImporter on(String day) {
        Clock clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
        return new CustomerImporter(new CustomerParser(CustomerParserTest.RATES), customers, mappings, clock);
    }

    @Test
    void importing_the_same_file_twice_changes_nothing_and_a_new_arr_starts_a_new_history_row() {
        CustomerImporter.Outcome first = on("2026-10-05").importCsv(bytes(CSV), null);
        CustomerImporter.Outcome again = on("2026-10-20").importCsv(bytes(CSV), null);
        CustomerImporter.Outcome raised = on("2026-11-02").importCsv(bytes(CSV.replace("\"1,200,000\"", "1500000")), null);

        assertThat(first).isEqualTo(new CustomerImporter.Outcome(2, 2, 0, 0));
        assertThat(again).isEqualTo(new CustomerImporter.Outcome(2, 0, 0, 2));
        assertThat(raised).isEqualTo(new CustomerImporter.Outcome(2, 0, 1, 1));
        assertThat(customers.history("acme")).extracting(c -> c.arr().toPlainString() + "@" + c.effectiveFrom())
                .containsExactly("1200000.00@2026-10-05", "1500000.00@2026-11-02");
        assertThat(customers.page(LocalDate.of(2026, 10, 31), 0, 10).getFirst().arr()).isEqualByComparingTo("1200000");
    }

    @Test
    void one_bad_row_writes_nothing_at_all() {
        long before = customers.allRows().size();
        String bad = CSV + "initech,Initech,smb,100,USD,-1\n";

        assertThatThrownBy(() -> on("2026-11-23").importCsv(bytes(bad.replace("acme", "acme2")), null))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("row 4, column 'seats': must not be negative: '-1'");
        assertThat(customers.allRows()).hasSize((int) before);
    }

    @Test
    void a_saved_mapping_is_used_for_its_source() {
        CustomerImporter importer = on("2026-11-23");
        importer.saveMapping("billing-export", new ColumnMapping(Map.of(CustomerField.ID, "Kunde",
                CustomerField.NAME, "Firma", CustomerField.ARR, "Umsatz"), "EUR"));

        importer.importCsv(bytes("Kunde;Firma;Umsatz\nk-1;Müller;12.500,00\n"), "billing-export");

        assertThat(customers.history("k-1")).singleElement().satisfies(c -> {
            assertThat(c.arr()).isEqualByComparingTo("12500");
            assertThat(c.currency()).isEqualTo("EUR");
        });
        assertThat(importer.mapping("billing-export").defaultCurrency()).isEqualTo("EUR");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
