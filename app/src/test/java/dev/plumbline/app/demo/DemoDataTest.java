package dev.plumbline.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.customer.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<Customer> CUSTOMERS = DemoData.customers(7, 200, TODAY.minusYears(1), TODAY);

    @Test
    void about_fifteen_services_each_with_an_availability_and_a_latency_objective() {
        assertThat(DemoData.services()).hasSize(15);
        assertThat(DemoData.objectives()).hasSize(30);
        assertThat(DemoData.objectives().stream().map(o -> o.service()).distinct())
                .containsExactlyInAnyOrderElementsOf(DemoData.services().stream().map(s -> s.name()).toList());
    }

    @Test
    void the_same_seed_gives_the_same_customers() {
        assertThat(DemoData.customers(7, 200, TODAY.minusYears(1), TODAY)).isEqualTo(CUSTOMERS);
        assertThat(DemoData.customers(8, 200, TODAY.minusYears(1), TODAY)).isNotEqualTo(CUSTOMERS);
    }

    @Test
    void ids_are_unique_and_renewals_fall_within_the_next_year() {
        assertThat(CUSTOMERS.stream().map(Customer::id).distinct()).hasSize(200);
        assertThat(CUSTOMERS).allSatisfy(c ->
                assertThat(c.renewalDate()).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusDays(365)));
    }

    @Test
    void enterprise_accounts_are_few_but_carry_most_of_the_revenue() {
        Map<String, List<Customer>> bySegment = CUSTOMERS.stream().collect(Collectors.groupingBy(Customer::segment));
        BigDecimal total = sum(CUSTOMERS);
        BigDecimal enterprise = sum(bySegment.get("enterprise"));

        assertThat(bySegment.get("enterprise").size()).isLessThan(bySegment.get("smb").size());
        assertThat(enterprise.doubleValue() / total.doubleValue()).isGreaterThan(0.5);
        assertThat(median(bySegment.get("enterprise"))).isGreaterThan(median(bySegment.get("mid-market")));
        assertThat(median(bySegment.get("mid-market"))).isGreaterThan(median(bySegment.get("smb")));
    }

    private static BigDecimal sum(List<Customer> customers) {
        return customers.stream().map(Customer::arr).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static double median(List<Customer> customers) {
        List<BigDecimal> sorted = customers.stream().map(Customer::arr).sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2).doubleValue();
    }
}
