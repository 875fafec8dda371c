package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static SliceRisk risk(String kind, double errorRate, double slowShare) {
        double badness = kind.equals("latency") ? slowShare / 0.01 : errorRate / 0.001;
        return new SliceRisk("search", "acme",
                new SliceRisk.Account(true, "Acme", "enterprise", "us", "premium", "1-10 TB", TODAY.plusDays(45), true),
                new SliceRisk.Traffic(1000, 1000 * errorRate, errorRate, 0.38),
                new SliceRisk.Burn(badness, kind, new SliceRisk.Availability(0.999, errorRate / 0.001),
                        new SliceRisk.Latency("ok", "latency", 800, 0.99, slowShare, slowShare / 0.01)),
                new SliceRisk.Score(1, 100),
                new SliceRisk.Money(new BigDecimal("1200000"), "USD", new BigDecimal("1200000.00"), 1, 1));
    }

    @Test
    void a_latency_problem_reads_as_the_issue_describes_it() {
        assertThat(Explanation.of(risk("latency", 0, 0.09), "USD", TODAY, true)).isEqualTo(
                "Acme ($1.2M ARR, renews in 45 days) sends 38% of its requests to search, where 9% are slower than "
                        + "800 ms against an allowed 1%: 9x its latency budget");
    }

    @Test
    void an_availability_problem_names_the_failure_share() {
        assertThat(Explanation.of(risk("availability", 0.023, 0), "USD", TODAY, true)).isEqualTo(
                "Acme ($1.2M ARR, renews in 45 days) sends 38% of its requests to search, where 2.3% fail against an "
                        + "allowed 0.1%: 23x its availability budget");
    }

    @Test
    void without_money_the_arr_is_left_out() {
        assertThat(Explanation.of(risk("latency", 0, 0.09), "USD", TODAY, false))
                .startsWith("Acme (renews in 45 days) sends 38%").doesNotContain("$");
    }

    @Test
    void burn_and_thresholds_are_rounded_for_reading() {
        assertThat(Explanation.times(1.84)).isEqualTo("1.8x");
        assertThat(Explanation.ms(2000)).isEqualTo("2 s");
    }
}
