package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeatConsumptionTest {

    @ParameterizedTest(name = "{0} active of {1} seats: {2}")
    @CsvSource(nullValues = "null", value = {
            "5, 10, 0.5",
            "12, 10, 1.2",
            "0, 10, 0.0",
            "null, 10, null",
            "5, null, null",
            "5, 0, null"})
    void active_users_over_seats_and_nothing_when_either_is_unknown(Integer active, Integer seats, Double share) {
        assertThat(SeatConsumption.of(active, seats).share()).isEqualTo(share);
    }
}
