package dev.plumbline.sql.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class CustomerStoreTest {

    private static CustomerStore store;
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    /** After every other row's date, so the lists as of OCT and NOV stay the same. */
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);
    private static final Customer ACME_OCT = customer("acme", "1200000.00", 400, LocalDate.of(2027, 1, 15), OCT);
    private static final Customer ACME_NOV = customer("acme", "1350000.50", 450, null, NOV);
    private static final Customer GLOBEX = customer("globex", "85000.00", 20, LocalDate.of(2027, 6, 30), OCT);

    @BeforeAll
    static void setUp(TestDatabase db) {
        store = new CustomerStore(db.migrate().clickHouse(), Clock.fixed(java.time.Instant.parse("2026-11-05T08:00:00Z"), java.time.ZoneOffset.UTC));
        store.upsert(List.of(ACME_OCT, ACME_NOV, GLOBEX));
    }

    @Test
    void search_finds_by_name_or_id_in_any_case_ids_that_start_with_it_first_and_as_of_the_date() {
        assertThat(store.search(NOV, "ACM", 10)).containsExactly(ACME_NOV);
        assertThat(store.search(LocalDate.of(2026, 10, 20), "acme", 10)).containsExactly(ACME_OCT);
        assertThat(store.search(NOV, "o", 10)).extracting(Customer::id).containsExactly("globex");
        assertThat(store.search(NOV, "e", 10)).extracting(Customer::id).containsExactly("acme", "globex");
        assertThat(store.search(NOV, "nobody", 10)).isEmpty();
        assertThat(store.search(NOV, "e", 1)).hasSize(1);
    }

    @Test
    void find_gives_exactly_that_id_as_of_the_date() {
        assertThat(store.find("acme", NOV)).contains(ACME_NOV);
        assertThat(store.find("acme", LocalDate.of(2026, 10, 20))).contains(ACME_OCT);
        assertThat(store.find("acme", LocalDate.of(2026, 9, 30))).isEmpty();
        assertThat(store.find("acm", NOV)).isEmpty();
    }

    @Test
    void seats_active_users_and_data_volume_nobody_gave_are_read_back_unknown_not_zero() {
        Customer unknown = new Customer("initech", "Initech", "", "", "", new BigDecimal("1.00"), "USD", null, null, null, null,
                DEC);
        Customer zero = new Customer("hooli", "Hooli", "", "", "", new BigDecimal("1.00"), "USD", 0, 0, null, 0.0, DEC);
        store.upsert(List.of(unknown, zero));

        assertThat(store.history("initech")).containsExactly(unknown);
        assertThat(store.history("hooli")).containsExactly(zero);
    }

    @Test
    void a_past_date_gives_the_rows_in_effect_then() {
        assertThat(store.page(LocalDate.of(2026, 10, 20), 0, 10)).containsExactly(ACME_OCT, GLOBEX);
    }

    @Test
    void the_newest_row_wins_from_its_effective_date_including_a_cleared_renewal_date() {
        assertThat(store.page(NOV, 0, 10)).containsExactly(ACME_NOV, GLOBEX);
    }

    @Test
    void nobody_is_known_before_the_first_effective_date() {
        assertThat(store.count(LocalDate.of(2026, 9, 30))).isZero();
        assertThat(store.count(NOV)).isEqualTo(2);
    }

    @Test
    void importing_the_same_rows_again_changes_nothing() {
        store.upsert(List.of(ACME_OCT, ACME_NOV, GLOBEX));

        assertThat(store.count(NOV)).isEqualTo(2);
        assertThat(store.page(NOV, 0, 10)).containsExactly(ACME_NOV, GLOBEX);
    }

    @Test
    void arr_is_exact_to_the_cent() {
        assertThat(store.page(NOV, 0, 1).getFirst().arr()).isEqualByComparingTo("1350000.50");
    }

    @Test
    void negative_arr_and_unknown_currency_shapes_are_refused() {
        assertThatThrownBy(() -> customer("x", "-1.00", 1, null, NOV))
                .hasMessage("customer x: ARR must not be negative, was -1.00");
        assertThatThrownBy(() -> new Customer("x", "X", "", "", "", BigDecimal.ONE, "usd", 1, 1, null, 0.0, NOV))
                .hasMessage("customer x: currency must be an ISO 4217 code like USD, was 'usd'");
    }

    private static Customer customer(String id, String arr, int seats, LocalDate renewal, LocalDate from) {
        return new Customer(id, id.toUpperCase(), "enterprise", "eu-west", "premium", new BigDecimal(arr), "USD",
                seats, seats / 2, renewal, 1234.5, from);
    }
}
