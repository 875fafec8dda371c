package dev.plumbline.collectors.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "1234567.89|1234567.89|",
        "$1,234,567.89|1234567.89|USD",
        "1.234.567,89 €|1234567.89|EUR",
        "EUR 1 234 567,89|1234567.89|EUR",
        "1 234 567,89 CHF|1234567.89|CHF",
        "£85,000|85000|GBP",
        "12,5|12.5|",
        "1,234|1234|",
        "0.125|0.125|",
        "1'234'567.50|1234567.50|",
        "0|0|",
        "USD 99|99|USD"})
    void amounts_as_exports_write_them(String cell, String value, String currency) {
        Amounts.Amount a = Amounts.parse(cell);

        assertThat(a.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(a.currencyInCell()).isEqualTo(currency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12x", "abc", "1.2.3,4.5", "1,23,456", "$", "", "--5", "1e6", "12.345.6"})
    void text_that_is_no_amount_is_refused(String cell) {
        assertThatThrownBy(() -> Amounts.parse(cell)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-100", "(100)", "$-5"})
    void negative_amounts_are_refused_as_negative(String cell) {
        assertThatThrownBy(() -> Amounts.parse(cell)).hasMessageContaining("negative");
    }
}
