package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RoiModelTest {

    private final RoiModel model = RoiModel.DEFAULT; // saturation 4, 90 days, x1.5

    @Test
    void a_slice_on_budget_has_nothing_at_risk() {
        assertThat(model.revenueAtRisk(1_000_000, 0.5, 1.0, false)).isZero();
        assertThat(model.revenueAtRisk(1_000_000, 0.5, 0.3, false)).isZero();
    }

    @Test
    void badness_above_one_counts_linearly_until_it_saturates() {
        assertThat(model.revenueAtRisk(1_000_000, 0.5, 3.0, false)).isCloseTo(250_000, offset(1e-6));
        assertThat(model.revenueAtRisk(1_000_000, 0.5, 5.0, false)).isCloseTo(500_000, offset(1e-6));
        assertThat(model.revenueAtRisk(1_000_000, 0.5, 50.0, false)).isCloseTo(500_000, offset(1e-6));
    }

    @Test
    void a_renewal_within_the_horizon_weighs_more() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(model.renewsSoon(today.plusDays(90), today)).isTrue();
        assertThat(model.renewsSoon(today.plusDays(91), today)).isFalse();
        assertThat(model.renewsSoon(today.minusDays(1), today)).isFalse();
        assertThat(model.revenueAtRisk(1_000_000, 0.5, 5.0, true)).isCloseTo(750_000, offset(1e-6));
    }

    @Test
    void roi_divides_by_effort_and_a_customer_without_arr_has_none() {
        assertThat(model.roi(300_000, 3)).isCloseTo(100_000, offset(1e-9));
        assertThat(model.revenueAtRisk(0, 1, 9, true)).isZero();
    }

    @Test
    void health_falls_from_one_to_zero_as_badness_saturates() {
        assertThat(model.sliceHealth(0.5)).isEqualTo(1.0);
        assertThat(model.sliceHealth(3.0)).isEqualTo(0.5);
        assertThat(model.sliceHealth(10.0)).isEqualTo(0.0);
    }
}
