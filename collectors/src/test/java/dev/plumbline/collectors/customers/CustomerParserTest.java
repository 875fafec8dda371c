package dev.plumbline.collectors.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final CurrencyRates RATES = CurrencyRates.of("USD", List.of("EUR=1.08", "GBP=1.27"));
    private final CustomerParser parser = new CustomerParser(RATES);

    @Test
    void a_crm_export_with_quotes_embedded_newlines_and_symbols_reads_exactly() {
        String csv = """
                Account ID,Account Name,Segment,Region,Plan,ARR,Seats,Active Users,Renewal Date,Data Volume GB
                a-1,"Acme, Inc.",enterprise,eu-west,premium,"$1,200,000.50","1,200",800,2027-01-15,1234.5
                a-2,"Globex ""the"" Corp
                (second line)",smb,us-east,starter,EUR 9.500,12,3,,0
                """;

        ParsedCustomers parsed = parser.csv(csv.getBytes(StandardCharsets.UTF_8), ColumnMapping.DEFAULT, TODAY);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.customers()).containsExactly(
                new Customer("a-1", "Acme, Inc.", "enterprise", "eu-west", "premium", new BigDecimal("1200000.50"), "USD",
                        1200, 800, LocalDate.of(2027, 1, 15), 1234.5, TODAY),
                new Customer("a-2", "Globex \"the\" Corp\n(second line)", "smb", "us-east", "starter",
                        new BigDecimal("9500.00"), "EUR", 12, 3, null, 0.0, TODAY));
        assertThat(parsed.preview()).hasSize(2);
    }

    @Test
    void a_semicolon_export_with_decimal_commas_and_a_mapping_reads_the_same() {
        String csv = "\uFEFFKundennr;Firma;ARR;Währung;Stand\nk7;Müller GmbH;1.234.567,89;EUR;2026-10-01\n";
        ColumnMapping mapping = new ColumnMapping(Map.of(CustomerField.ID, "Kundennr", CustomerField.NAME, "Firma",
                CustomerField.CURRENCY, "Währung", CustomerField.EFFECTIVE_FROM, "Stand"), null);

        ParsedCustomers parsed = parser.csv(csv.getBytes(StandardCharsets.UTF_8), mapping, TODAY);

        assertThat(parsed.problems()).isEmpty();
        Customer c = parsed.customers().getFirst();
        assertThat(c.arr()).isEqualByComparingTo("1234567.89");
        assertThat(c.currency()).isEqualTo("EUR");
        assertThat(c.effectiveFrom()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void every_problem_is_reported_with_row_column_and_reason_and_no_customer_is_accepted() {
        String csv = """
                id,name,arr,currency,seats,renewal date
                c1,Ok,100,USD,1,2027-01-01
                c2,Bad seats,100,USD,-3,
                c3,Bad arr,12x,USD,1,
                c4,Bad currency,100,XYZ,1,
                c1,Duplicate,100,USD,1,
                c5,Bad date,100,USD,1,2027-02-30
                c6,=HYPERLINK("http://evil"),100,USD,1,
                """;

        ParsedCustomers parsed = parser.csv(csv.getBytes(StandardCharsets.UTF_8), ColumnMapping.DEFAULT, TODAY);

        assertThat(parsed.acceptable()).isFalse();
        assertThat(parsed.problems()).extracting(ImportProblem::toString).containsExactly(
                "row 3, column 'seats': must not be negative: '-3'",
                "row 4, column 'arr': not an amount: '12x'",
                "row 5, column 'currency': unknown currency 'XYZ'; known: EUR, GBP, USD",
                "row 6, column 'id': duplicate id 'c1': also in row 2",
                "row 7, column 'renewal date': impossible date: '2027-02-30'",
                "row 8, column 'name': starts with '=', which a spreadsheet runs as a formula; remove it or put text before it");
    }

    @Test
    void a_missing_required_column_is_named_with_the_names_looked_for() {
        ParsedCustomers parsed = parser.csv("id,name\n1,A\n".getBytes(StandardCharsets.UTF_8), ColumnMapping.DEFAULT, TODAY);

        assertThat(parsed.problems()).singleElement().asString()
                .startsWith("row 1, column 'arr': missing required column: no column named 'arr' or ");
    }

    @Test
    void an_amount_without_currency_needs_a_default_from_the_mapping() {
        byte[] csv = "id,name,arr\n1,A,100\n".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.csv(csv, ColumnMapping.DEFAULT, TODAY).problems()).singleElement().asString()
                .contains("column 'currency': missing; give a currency column");
        assertThat(parser.csv(csv, new ColumnMapping(Map.of(), "GBP"), TODAY).customers().getFirst().currency())
                .isEqualTo("GBP");
    }

    @Test
    void json_reads_like_csv_and_names_item_and_field() {
        String json = "[{\"id\":\"j1\",\"name\":\"Json Co\",\"arr\":1200.5,\"currency\":\"USD\",\"seats\":10},"
                + "{\"id\":\"j2\",\"name\":\"Bad\",\"arr\":\"100\",\"currency\":\"USD\",\"seats\":\"many\"}]";

        ParsedCustomers parsed = parser.json(json.getBytes(StandardCharsets.UTF_8), TODAY);

        assertThat(parsed.problems()).extracting(ImportProblem::toString)
                .containsExactly("row 2, column 'seats': not a number: 'many'");
    }

    @Test
    void json_with_a_duplicate_key_is_refused() {
        String json = "[{\"id\":\"j1\",\"id\":\"j2\",\"name\":\"x\",\"arr\":1,\"currency\":\"USD\"}]";

        assertThat(parser.json(json.getBytes(StandardCharsets.UTF_8), TODAY).problems()).singleElement().asString()
                .contains("Duplicate field 'id'");
    }
}
