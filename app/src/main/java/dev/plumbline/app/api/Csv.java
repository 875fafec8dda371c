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
 * Tables as CSV (RFC 4180). A column's unit is in its header ("p95 (ms)", "error rate (%)", "revenue at risk (USD)"),
 * and its values are rounded as the pages show them ({@link #share}, {@link #ms}, {@link #number}, {@link #money}):
 * a spreadsheet gets 99.386, not 0.9938610432180505. Numbers are written without exponent, missing values as empty
 * cells, and text a spreadsheet would run as a formula gets a leading apostrophe.
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

    /** A share (0-1) as a percent with {@code decimals}, as the pages write it: header "NAME (%)". */
    static <T> Column<T> share(String name, Function<T, Double> share, int decimals) {
        return new Column<>(name + " (%)", row -> dev.plumbline.sql.psr.PercentText.percent(share.apply(row), decimals));
    }

    /** Seconds as whole milliseconds, as the pages write them: header "NAME (ms)". */
    static <T> Column<T> ms(String name, Function<T, Double> seconds) {
        return new Column<>(name + " (ms)", row -> {
            Double s = seconds.apply(row);
            return s == null ? null : rounded(1000 * s, 0);
        });
    }

    /** A number in {@code unit} ("req/s", "x", "weeks") with {@code decimals}: header "NAME (UNIT)". */
    static <T> Column<T> number(String name, String unit, Function<T, ? extends Number> value, int decimals) {
        return new Column<>(name + " (" + unit + ")", row -> {
            Number n = value.apply(row);
            return n == null ? null : rounded(n.doubleValue(), decimals);
        });
    }

    /** An amount computed in floating point (revenue at risk, ROI) in whole units of {@code currency}, as the pages show it. */
    static <T> Column<T> money(String name, String currency, Function<T, ? extends Number> amount) {
        return number(name, currency, amount, 0);
    }

    /** Half up on the value's shortest decimal form (as PercentText rounds); null for NaN and infinities. */
    static BigDecimal rounded(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return null;
        }
        BigDecimal r = BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP);
        return r.signum() == 0 ? BigDecimal.ZERO.setScale(decimals) : r;
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
