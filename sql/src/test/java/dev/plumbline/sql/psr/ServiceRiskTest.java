package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Summary's largest risks by fix: services with customers over budget, most revenue at risk first. */
class ServiceRiskTest {

    private static ServiceRisk service(String name, long affected, double risk, Double worst) {
        return new ServiceRisk(name, affected, affected > 0 ? "latency" : "", "", "", risk, 1, risk, worst, 100, 0);
    }

    @Test
    void the_largest_risks_are_the_affected_services_by_revenue_at_risk_then_burn_then_name() {
        List<ServiceRisk> all = List.of(service("gateway", 1, 92_500, 60.0), service("search", 25, 1_160_000, 5.9),
                service("quiet", 0, 0, 0.4), service("billing", 3, 92_500, 4.0), service("auth", 2, 92_500, 4.0),
                service("catalog", 1, 10, 1.2));

        assertThat(ServiceRisk.largestRisks(all, 4)).extracting(ServiceRisk::service)
                .containsExactly("search", "gateway", "auth", "billing");
        assertThat(ServiceRisk.largestRisks(all, 10)).extracting(ServiceRisk::service).doesNotContain("quiet").hasSize(5);
        assertThat(ServiceRisk.largestRisks(List.of(service("quiet", 0, 0, 0.4)), 5)).isEmpty();
    }
}
