package dev.plumbline.collectors.customers;

import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.sql.customer.Customer;
import java.util.List;

/**
 * An import, read and checked, before anything is written.
 *
 * @param header    the header cells (CSV) or the field keys (JSON)
 * @param preview   the first rows as written
 * @param customers the valid customers (complete only when there are no problems)
 * @param rows      how many rows or items were read
 * @param problems  every problem found; an import with any is refused
 */
public record ParsedCustomers(List<String> header, List<List<String>> preview, List<Customer> customers, int rows,
                              List<ImportProblem> problems) {

    public ParsedCustomers {
        header = List.copyOf(header);
        preview = List.copyOf(preview);
        customers = List.copyOf(customers);
        problems = List.copyOf(problems);
    }

    public boolean acceptable() {
        return problems.isEmpty();
    }
}
