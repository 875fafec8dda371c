package dev.plumbline.collectors.customers;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which column of a source's export holds which field, saved per source ("salesforce", "stripe", ...). Fields not
 * named here are found by their usual header names ({@link CustomerField#aliases()}).
 *
 * @param columns         field to the exact header of its column
 * @param defaultCurrency currency of amounts that carry none (no currency column, no symbol); null to require one
 */
public record ColumnMapping(Map<CustomerField, String> columns, String defaultCurrency) {

    public static final ColumnMapping DEFAULT = new ColumnMapping(Map.of(), null);

    public ColumnMapping {
        columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
        if (defaultCurrency != null && !defaultCurrency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("default currency must be an ISO 4217 code like USD, was '" + defaultCurrency + "'");
        }
    }

    /** The mapping as saved: one {@code field=column} per line, and {@code default_currency=XXX}. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        columns.forEach((f, c) -> out.append(f.key()).append('=').append(c).append('\n'));
        if (defaultCurrency != null) {
            out.append("default_currency=").append(defaultCurrency).append('\n');
        }
        return out.toString();
    }

    public static ColumnMapping parse(String text) {
        Map<CustomerField, String> columns = new LinkedHashMap<>();
        String currency = null;
        int line = 0;
        for (String raw : text.split("\n")) {
            line++;
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mapping line " + line + ": '" + entry + "' is not field=column");
            }
            String key = entry.substring(0, eq).strip();
            String value = entry.substring(eq + 1).strip();
            if (key.equals("default_currency")) {
                currency = value;
            } else {
                columns.put(CustomerField.ofKey(key), value);
            }
        }
        return new ColumnMapping(columns.isEmpty() ? Map.of() : new EnumMap<>(columns), currency);
    }
}
