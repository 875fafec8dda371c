package dev.plumbline.app.api;

import dev.plumbline.collectors.imports.Cells;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Tables as CSV (RFC 4180). Numbers are written in full (no exponent), missing values as empty cells, and text a
 * spreadsheet would run as a formula gets a leading apostrophe.
 */
final class Csv {

    /** A column: its header and how to get a row's value. */
    record Column<T>(String header, Function<T, Object> value) {
    }

    private Csv() {
    }

    static <T> Column<T> column(String header, Function<T, Object> value) {
        return new Column<>(header, value);
    }

    static <T> String write(List<Column<T>> columns, List<T> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(columns.stream().map(Column::header).toList());
            for (T row : rows) {
                printer.printRecord(columns.stream().map(c -> cell(c.value().apply(row))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static HttpResponse<String> attachment(String body, String filename) {
        return HttpResponse.ok(body).contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Double d when d.isNaN() || d.isInfinite() -> "";
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f -> cell(f.doubleValue());
            case BigDecimal b -> b.toPlainString();
            case String s -> Cells.safeForSpreadsheet(s);
            default -> value.toString();
        };
    }
}
