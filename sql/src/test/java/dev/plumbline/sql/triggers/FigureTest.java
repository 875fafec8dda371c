package dev.plumbline.sql.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.definitions.Definitions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void every_trigger_figure_is_an_entry_of_the_definitions_catalog() {
        Definitions catalog = Definitions.load();
        for (Figure f : Figure.values()) {
            assertThat(catalog.find(f.definition())).as(f.key()).isPresent();
        }
    }

    @Test
    void a_figure_reads_back_from_its_key_and_an_unknown_key_is_none() {
        for (Figure f : Figure.values()) {
            assertThat(Figure.fromKey(f.key())).contains(f);
        }
        assertThat(Figure.fromKey("happiness")).isEmpty();
        assertThat(Figure.SERVICE_REVENUE_AT_RISK.money()).isTrue();
        assertThat(Figure.HEALTH.money()).isFalse();
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void an_empty_customer_set_is_every_customer() {
        assertThat(CustomerSet.ALL.contains("anyone", "", 0, null, TODAY)).isTrue();
    }

    @Test
    void every_condition_of_a_customer_set_must_hold() {
        CustomerSet set = new CustomerSet(List.of("big", "eu-ops"), "enterprise", 500_000.0, 90);
        assertThat(set.contains("big", "enterprise", 1_200_000, TODAY.plusDays(45), TODAY)).isTrue();
        assertThat(set.contains("c1", "enterprise", 1_200_000, TODAY.plusDays(45), TODAY)).as("not listed").isFalse();
        assertThat(set.contains("big", "smb", 1_200_000, TODAY.plusDays(45), TODAY)).as("segment").isFalse();
        assertThat(set.contains("big", "enterprise", 500_000, TODAY.plusDays(45), TODAY)).as("ARR is strictly above").isFalse();
        assertThat(set.contains("big", "enterprise", 1_200_000, TODAY.plusDays(91), TODAY)).as("renews later").isFalse();
        assertThat(set.contains("big", "enterprise", 1_200_000, TODAY.minusDays(1), TODAY)).as("renewed").isFalse();
        assertThat(set.contains("big", "enterprise", 1_200_000, null, TODAY)).as("no renewal date").isFalse();
        assertThat(set.contains("big", "enterprise", 1_200_000, TODAY.plusDays(90), TODAY)).as("the last day counts").isTrue();
    }

    @Test
    void above_and_below_are_strict() {
        assertThat(Comparison.ABOVE.breaches(10.0001, 10)).isTrue();
        assertThat(Comparison.ABOVE.breaches(10, 10)).isFalse();
        assertThat(Comparison.BELOW.breaches(49.9, 50)).isTrue();
        assertThat(Comparison.BELOW.breaches(50, 50)).isFalse();
    }
}
