package dev.plumbline.collectors.customers;

import dev.plumbline.collectors.imports.Cells;
import dev.plumbline.sql.customer.Customer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Customers as CSV that {@link CustomerCsvReader} reads back. Text cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) get a leading apostrophe. Without money, ARR and currency are left
 * out (the columns, not just the values). An unknown seat count, active users, renewal date or data volume is an
 * empty cell, never 0.
 */
public final class CustomerCsvWriter {

    private CustomerCsvWriter() {
    }

    public static String write(List<Customer> customers, boolean money) {
        List<String> header = new ArrayList<>(List.of("id", "name", "segment", "region", "plan"));
        if (money) {
            header.addAll(List.of("arr", "currency"));
        }
        header.addAll(List.of("seats", "active users", "renewal date", "data volume gb", "effective from"));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            for (Customer c : customers) {
                List<Object> row = new ArrayList<>(List.of(safe(c.id()), safe(c.name()), safe(c.segment()),
                        safe(c.region()), safe(c.plan())));
                if (money) {
                    row.add(c.arr().toPlainString());
                    row.add(c.currency());
                }
                row.add(orEmpty(c.seats()));
                row.add(orEmpty(c.activeUsers()));
                row.add(orEmpty(c.renewalDate()));
                row.add(orEmpty(c.dataVolumeGb()));
                row.add(c.effectiveFrom().toString());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String safe(String text) {
        return Cells.safeForSpreadsheet(text);
    }
}
