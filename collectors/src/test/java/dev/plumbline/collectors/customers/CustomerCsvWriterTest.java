package dev.plumbline.collectors.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.customer.Customer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerCsvWriterTest {

    private static final Customer ACME = new Customer("a-1", "Acme, \"The\" Co\nEU", "enterprise", "eu-west", "premium",
            new BigDecimal("1200000.50"), "EUR", 400, 300, LocalDate.of(2027, 1, 15), 12.5, CustomerParserTest.TODAY);

    @Test
    void an_export_reads_back_to_the_same_customers() {
        String csv = CustomerCsvWriter.write(List.of(ACME), true);

        ParsedCustomers parsed = new CustomerParser(CustomerParserTest.RATES)
                .csv(csv.getBytes(StandardCharsets.UTF_8), ColumnMapping.DEFAULT, CustomerParserTest.TODAY);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.customers()).containsExactly(ACME);
    }

    @Test
    void unknown_seats_active_users_renewal_and_data_volume_are_empty_cells_and_read_back_unknown() {
        Customer unknown = new Customer("u-1", "Unknowns", "", "", "", new BigDecimal("10.00"), "USD", null, null, null, null,
                CustomerParserTest.TODAY);

        String csv = CustomerCsvWriter.write(List.of(unknown), true);

        assertThat(csv.lines().toList().get(1)).isEqualTo("u-1,Unknowns,,,,10.00,USD,,,,," + CustomerParserTest.TODAY);
        assertThat(new CustomerParser(CustomerParserTest.RATES).csv(csv.getBytes(StandardCharsets.UTF_8),
                ColumnMapping.DEFAULT, CustomerParserTest.TODAY).customers()).containsExactly(unknown);
    }

    @Test
    void cells_that_would_run_as_formulas_are_escaped() {
        Customer nasty = new Customer("=1+1", "@SUM(A1)", "-x", "+y", "plan", BigDecimal.ONE, "USD", 0, 0, null, 0.0,
                CustomerParserTest.TODAY);

        String row = CustomerCsvWriter.write(List.of(nasty), true).lines().toList().get(1);

        assertThat(row).startsWith("'=1+1,'@SUM(A1),'-x,'+y,plan,");
    }

    @Test
    void without_money_the_arr_and_currency_columns_are_absent() {
        String csv = CustomerCsvWriter.write(List.of(ACME), false);

        assertThat(csv.lines().findFirst().orElseThrow()).doesNotContain("arr", "currency");
        assertThat(csv).doesNotContain("1200000");
    }
}
