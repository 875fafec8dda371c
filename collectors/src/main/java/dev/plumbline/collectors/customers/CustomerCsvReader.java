package dev.plumbline.collectors.customers;

import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.collectors.imports.ImportRejected;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a customer CSV as CRM and billing exports write it, with Apache Commons CSV: a header row, then one customer
 * per row; ',' ';' or tab as delimiter (whichever the header uses); quoted fields with embedded delimiters, quotes
 * and newlines. Columns are found through the source's {@link ColumnMapping}, else by their usual names.
 */
public final class CustomerCsvReader {

    /** The most rows one import takes (one ClickHouse insert block, so an import is written all at once). */
    public static final int MAX_ROWS = 1_000_000;

    private CustomerCsvReader() {
    }

    /** The rows, or an {@link ImportRejected} when the file cannot be read as a table at all. */
    public static Table read(String text, ColumnMapping mapping) {
        char delimiter = delimiter(firstLine(text));
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        List<ImportProblem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportRejected(List.of(ImportProblem.ofInput("the file has no header row")));
            }
            List<String> header = records.next().toList().stream().map(String::strip).toList();
            Map<CustomerField, Integer> index = columns(header, mapping, problems);
            if (!problems.isEmpty()) {
                throw new ImportRejected(problems);
            }
            List<RawCustomer> rows = new ArrayList<>();
            List<List<String>> cells = new ArrayList<>();
            int row = 1;
            while (hasNext(records, row + 1)) {
                CSVRecord record = nextRecord(records, row + 1);
                row++;
                if (rows.size() >= MAX_ROWS) {
                    throw new ImportRejected(List.of(ImportProblem.ofInput(
                            "more than " + MAX_ROWS + " rows; split the file")));
                }
                if (record.size() != header.size()) {
                    problems.add(new ImportProblem(row, "", "has " + record.size() + " cells, the header has "
                            + header.size() + " (a missing delimiter or an unclosed quote?)"));
                    continue;
                }
                Map<CustomerField, String> values = new EnumMap<>(CustomerField.class);
                Map<CustomerField, String> names = new EnumMap<>(CustomerField.class);
                index.forEach((field, column) -> {
                    values.put(field, record.get(column));
                    names.put(field, header.get(column));
                });
                rows.add(new RawCustomer(row, values, names));
                if (cells.size() < Table.PREVIEW_ROWS) {
                    cells.add(record.toList());
                }
            }
            return new Table(header, cells, rows, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasNext(java.util.Iterator<CSVRecord> records, int row) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable(e, row);
        }
    }

    private static ImportRejected unreadable(UncheckedIOException e, int row) {
        String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return new ImportRejected(List.of(new ImportProblem(row, "", "cannot be read: " + reason
                + " (the file may be cut off, or a quote is not closed)")));
    }

    private static CSVRecord nextRecord(java.util.Iterator<CSVRecord> records, int row) {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw unreadable(e, row);
        }
    }

    private static Map<CustomerField, Integer> columns(List<String> header, ColumnMapping mapping,
                                                       List<ImportProblem> problems) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer earlier = byName.putIfAbsent(CustomerField.normalize(header.get(i)), i);
            if (earlier != null) {
                problems.add(new ImportProblem(1, header.get(i), "the column appears twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + ")"));
            }
        }
        Map<CustomerField, Integer> index = new LinkedHashMap<>();
        for (CustomerField field : CustomerField.values()) {
            String mapped = mapping.columns().get(field);
            if (mapped != null) {
                Integer i = byName.get(CustomerField.normalize(mapped));
                if (i == null) {
                    problems.add(new ImportProblem(1, mapped, "the mapping names this column for " + field.key()
                            + ", but the header has no such column; it has: " + String.join(", ", header)));
                } else {
                    index.put(field, i);
                }
                continue;
            }
            for (String alias : field.aliases()) {
                Integer i = byName.get(CustomerField.normalize(alias));
                if (i != null) {
                    index.put(field, i);
                    break;
                }
            }
            if (!index.containsKey(field) && field.required()) {
                problems.add(new ImportProblem(1, field.key(), "missing required column: no column named "
                        + String.join(" or ", field.aliases().stream().map(a -> "'" + a + "'").toList())
                        + " and no mapping for it"));
            }
        }
        return index;
    }

    /** The delimiter the header line uses most, outside quotes: ',' ';' or tab. */
    static char delimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * A read file.
     *
     * @param header   the header cells
     * @param preview  the first rows as written, for a preview
     * @param rows     every data row
     * @param problems rows that could not be read as customers at all
     */
    public record Table(List<String> header, List<List<String>> preview, List<RawCustomer> rows,
                        List<ImportProblem> problems) {

        public static final int PREVIEW_ROWS = 20;
    }
}
