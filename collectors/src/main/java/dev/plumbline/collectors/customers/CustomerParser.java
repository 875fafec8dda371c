package dev.plumbline.collectors.customers;

import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.collectors.imports.ImportRejected;
import dev.plumbline.collectors.imports.TextInput;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * From uploaded bytes to checked customers, collecting every problem: the file as a whole (encoding, header), each
 * row (each cell), and across rows (the same customer twice). Pure: nothing is read from or written to the store.
 */
public final class CustomerParser {

    /** At most this many problems are reported; the count says how many there were. */
    public static final int MAX_PROBLEMS = 1000;

    private final CurrencyRates currencies;

    public CustomerParser(CurrencyRates currencies) {
        this.currencies = currencies;
    }

    public ParsedCustomers csv(byte[] bytes, ColumnMapping mapping, LocalDate today) {
        try {
            CustomerCsvReader.Table table = CustomerCsvReader.read(TextInput.decode(bytes), mapping);
            return check(table.header(), table.preview(), table.rows(), table.problems(), mapping, today);
        } catch (ImportRejected e) {
            return new ParsedCustomers(List.of(), List.of(), List.of(), 0, e.problems());
        }
    }

    public ParsedCustomers json(byte[] bytes, LocalDate today) {
        try {
            List<RawCustomer> rows = CustomerJsonReader.read(TextInput.decode(bytes));
            List<String> keys = java.util.Arrays.stream(CustomerField.values()).map(CustomerField::key).toList();
            List<List<String>> preview = rows.stream().limit(CustomerCsvReader.Table.PREVIEW_ROWS)
                    .map(r -> java.util.Arrays.stream(CustomerField.values()).map(r::value).toList()).toList();
            return check(keys, preview, rows, List.of(), ColumnMapping.DEFAULT, today);
        } catch (ImportRejected e) {
            return new ParsedCustomers(List.of(), List.of(), List.of(), 0, e.problems());
        }
    }

    private ParsedCustomers check(List<String> header, List<List<String>> preview, List<RawCustomer> rows,
                                  List<ImportProblem> readProblems, ColumnMapping mapping, LocalDate today) {
        List<ImportProblem> problems = new ArrayList<>(readProblems);
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.ofInput("no customers: the input has a header but no rows"));
        }
        CustomerValidator validator = new CustomerValidator(currencies, mapping.defaultCurrency(), today);
        List<Customer> customers = new ArrayList<>(rows.size());
        Map<String, Integer> firstRow = new HashMap<>();
        for (RawCustomer raw : rows) {
            Customer c = validator.validate(raw, problems);
            String key = raw.value(CustomerField.ID) + "\u0000" + raw.value(CustomerField.EFFECTIVE_FROM);
            Integer earlier = raw.value(CustomerField.ID).isEmpty() ? null : firstRow.putIfAbsent(key, raw.row());
            if (earlier != null) {
                problems.add(new ImportProblem(raw.row(), raw.column(CustomerField.ID),
                        "duplicate id '" + raw.value(CustomerField.ID) + "': also in row " + earlier));
            }
            if (c != null) {
                customers.add(c);
            }
        }
        int total = problems.size();
        if (total > MAX_PROBLEMS) {
            problems = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
            problems.add(ImportProblem.ofInput((total - MAX_PROBLEMS) + " more problems not listed"));
        }
        return new ParsedCustomers(header, preview, customers, rows.size(), problems);
    }
}
