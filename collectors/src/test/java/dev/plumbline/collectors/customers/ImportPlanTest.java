package dev.plumbline.collectors.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.customer.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Test
    void the_same_rows_again_write_nothing() {
        List<Customer> stored = List.of(c("a", "100", OCT));

        ImportPlan plan = ImportPlan.of(List.of(c("a", "100.00", NOV)), stored);

        assertThat(plan.toWrite()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void a_changed_arr_is_a_new_row_from_its_date_and_a_new_customer_is_added() {
        List<Customer> stored = List.of(c("a", "100", OCT));

        ImportPlan plan = ImportPlan.of(List.of(c("a", "150", NOV), c("b", "5", NOV)), stored);

        assertThat(plan.toWrite()).containsExactly(c("a", "150", NOV), c("b", "5", NOV));
        assertThat(plan.changed()).isEqualTo(1);
        assertThat(plan.added()).isEqualTo(1);
    }

    @Test
    void history_before_the_first_stored_row_is_written() {
        ImportPlan plan = ImportPlan.of(List.of(c("a", "100", LocalDate.of(2026, 9, 1))), List.of(c("a", "100", OCT)));

        assertThat(plan.toWrite()).hasSize(1);
    }

    private static Customer c(String id, String arr, LocalDate from) {
        return new Customer(id, id, "smb", "eu", "starter", new BigDecimal(arr), "USD", 1, 1, null, 0.0, from);
    }
}
