package dev.plumbline.collectors.customers;

import dev.plumbline.sql.customer.Customer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.time.LocalDate;

/**
 * What an import changes, against what is stored: a customer row is written only when it differs from the row in
 * effect on its date, so importing the same file twice writes nothing the second time. Pure.
 *
 * @param toWrite   rows to insert (new customers, changed values, or history that was not there)
 * @param added     customers not stored before
 * @param changed   customers whose values change from their effective date
 * @param unchanged rows equal to what is in effect already
 */
public record ImportPlan(List<Customer> toWrite, int added, int changed, int unchanged) {

    public static ImportPlan of(List<Customer> incoming, List<Customer> stored) {
        Map<String, NavigableMap<LocalDate, Customer>> history = new HashMap<>();
        for (Customer c : stored) {
            history.computeIfAbsent(c.id(), k -> new TreeMap<>()).put(c.effectiveFrom(), c);
        }
        List<Customer> write = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (Customer c : incoming) {
            NavigableMap<LocalDate, Customer> rows = history.get(c.id());
            var inEffect = rows == null ? null : rows.floorEntry(c.effectiveFrom());
            if (inEffect != null && sameValues(inEffect.getValue(), c)) {
                unchanged++;
                continue;
            }
            write.add(c);
            if (rows == null) {
                added++;
            } else {
                changed++;
            }
        }
        return new ImportPlan(List.copyOf(write), added, changed, unchanged);
    }

    static boolean sameValues(Customer a, Customer b) {
        return a.name().equals(b.name()) && a.segment().equals(b.segment()) && a.region().equals(b.region())
                && a.plan().equals(b.plan()) && a.arr().compareTo(b.arr()) == 0 && a.currency().equals(b.currency())
                && java.util.Objects.equals(a.seats(), b.seats())
                && java.util.Objects.equals(a.activeUsers(), b.activeUsers())
                && java.util.Objects.equals(a.renewalDate(), b.renewalDate())
                && java.util.Objects.equals(a.dataVolumeGb(), b.dataVolumeGb());
    }
}
