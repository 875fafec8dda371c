package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV cells: units in headers, values rounded as the pages show them, formulas defused. */
class CsvTest {

    record Row(Double share, Double seconds, Double rps, Double amount) {
    }

    @Test
    void each_kind_of_column_puts_its_unit_in_the_header_and_rounds_as_the_pages_do() {
        List<Csv.Column<Row>> columns = List.of(Csv.share("error rate", Row::share, 3), Csv.ms("p95", Row::seconds),
                Csv.number("average rps", "req/s", Row::rps, 2), Csv.money("revenue at risk", "USD", Row::amount));
        // value -> cell, per column: half up on the shortest decimal form; nothing for a missing value (a record that
        // is all empty starts with "" so it still has its four cells, RFC 4180); no "-0"
        Map<Row, String> table = Map.of(
                new Row(0.0061389567819494, 0.2414999999, 0.03456, 381165.4999), "0.614,241,0.03,381165",
                new Row(0.0000004, 1.0145, 26.885, 0.5), "0.000,1015,26.89,1",
                new Row(-0.0000004, -0.0004, -0.004, -0.4), "0.000,0,0.00,0",
                new Row(null, null, null, null), "\"\",,,",
                new Row(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY), "\"\",,,");
        table.forEach((row, cells) -> assertThat(Csv.write(columns, List.of(row)))
                .as("%s", row).isEqualTo("error rate (%),p95 (ms),average rps (req/s),revenue at risk (USD)\n" + cells + "\n"));
    }

    @Test
    void text_a_spreadsheet_would_run_is_defused_and_numbers_never_use_an_exponent() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).startsWith("'");
        assertThat(Csv.cell(1.0e-9)).isEqualTo("0.000000001");
        assertThat(Csv.cell(12_345_678_901.0)).isEqualTo("12345678901");
    }
}
