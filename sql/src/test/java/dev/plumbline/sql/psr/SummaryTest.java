package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one-pass summary (summary_risks.sql) against the same figures assembled from the health list and the ranking. */
@ExtendWith(ClickHouseExtension.class)
class SummaryTest {

    private static PsrEngine engine;
    private static final Period PERIOD = Period.days(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 8));

    @BeforeAll
    static void setUp(TestDatabase db) {
        Clock clock = PlantedPlatform.clock();
        PlantedPlatform.seed(db.migrate().clickHouse(), clock);
        engine = new PsrEngine(db.clickHouse(), new ServiceCatalogStore(db.clickHouse(), clock),
                CurrencyRates.of("USD", List.of("EUR=1.08", "GBP=1.27")), RoiModel.DEFAULT, clock);
    }

    @Test
    void one_pass_gives_what_the_health_list_and_the_ranking_give() {
        PsrEngine.Summary fast = engine.summary(PERIOD, 5);
        PlatformSummary slow = PlatformSummary.of(engine.servicesMonthOverMonth(PERIOD),
                engine.health(PERIOD, "", 0, Integer.MAX_VALUE).rows());

        assertThat(fast.figures().availability()).isEqualTo(slow.availability());
        assertThat(fast.figures().servicesMeetingObjectives()).isEqualTo(slow.servicesMeetingObjectives());
        assertThat(fast.figures().servicesWithObjectives()).isEqualTo(slow.servicesWithObjectives());
        assertThat(fast.figures().customers()).isEqualTo(slow.customers());
        assertThat(fast.figures().arrInsideObjectives()).isCloseTo(slow.arrInsideObjectives(), within(1e-12));
        assertThat(fast.figures().revenueAtRisk()).isCloseTo(slow.revenueAtRisk(), within(1e-6));
        // the largest risks in money: the whole ranking re-sorted by revenue at risk
        assertThat(fast.risks()).isEqualTo(engine.ranking(PERIOD, RankingFilter.NONE, 0, 10_000).rows().stream()
                .sorted(java.util.Comparator.comparingDouble((SliceRisk r) -> r.money().revenueAtRisk()).reversed()).limit(5).toList());
        assertThat(fast.risks()).isNotEmpty();
    }
}
