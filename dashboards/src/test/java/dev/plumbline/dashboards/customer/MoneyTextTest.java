package dev.plumbline.dashboards.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTextTest {

    @Test
    void dollars_are_whole_with_grouping() {
        assertThat(MoneyText.format(new BigDecimal("1234567.89"), "USD")).isEqualTo("$1,234,568");
    }

    @Test
    void other_currencies_carry_their_symbol() {
        assertThat(MoneyText.format(new BigDecimal("85000.00"), "EUR")).isEqualTo("€85,000");
        assertThat(MoneyText.format(new BigDecimal("12.40"), "GBP")).isEqualTo("£12");
    }
}
