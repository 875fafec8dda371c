package dev.plumbline.collectors.customers;

import java.util.Map;

/**
 * One customer as read from a file or JSON, before checking: field to text as it was written.
 *
 * @param row     spreadsheet row (header is row 1) or JSON item number (from 1)
 * @param values  the cells present, by field
 * @param columns the column or JSON field name each field came from, for messages
 */
public record RawCustomer(int row, Map<CustomerField, String> values, Map<CustomerField, String> columns) {

    public RawCustomer {
        values = Map.copyOf(values);
        columns = Map.copyOf(columns);
    }

    public String value(CustomerField field) {
        String v = values.get(field);
        return v == null ? "" : v.strip();
    }

    public String column(CustomerField field) {
        return columns.getOrDefault(field, field.key());
    }
}
