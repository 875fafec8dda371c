package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A service's days against the planted platform's raw requests, counted here independently. */
@ExtendWith(ClickHouseExtension.class)
class ServiceTrendTest {

    private static PsrEngine engine;

    @BeforeAll
    static void setUp(TestDatabase db) {
        Clock clock = PlantedPlatform.clock();
        PlantedPlatform.seed(db.migrate().clickHouse(), clock);
        engine = new PsrEngine(db.clickHouse(), new ServiceCatalogStore(db.clickHouse(), clock),
                CurrencyRates.of("USD", List.of("EUR=1.08")), RoiModel.DEFAULT, clock);
    }

    @Test
    void requests_errors_and_p95_per_day_and_requests_per_segment_equal_the_raw_requests() {
        LocalDate first = LocalDate.ofInstant(PlantedPlatform.START, ZoneOffset.UTC);
        ServiceTrend trend = engine.serviceTrend("search", first, first.plusDays(5));

        Map<LocalDate, double[]> truth = new TreeMap<>();
        Map<LocalDate, List<Double>> latencies = new HashMap<>();
        for (PlantedPlatform.Request r : PlantedPlatform.requests()) {
            if (r.service().equals("search")) {
                LocalDate day = LocalDate.ofInstant(r.hour(), ZoneOffset.UTC);
                double[] t = truth.computeIfAbsent(day, d -> new double[2]);
                t[0]++;
                t[1] += r.error() ? 1 : 0;
                latencies.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(r.latency());
            }
        }
        assertThat(trend.days()).extracting(ServiceTrend.Day::day).containsExactlyElementsOf(truth.keySet());
        for (ServiceTrend.Day d : trend.days()) {
            assertThat(d.requests()).as(d.day() + " requests").isEqualTo(truth.get(d.day())[0]);
            assertThat(d.errors()).as(d.day() + " errors").isEqualTo(truth.get(d.day())[1]);
            Histogram h = histogram(latencies.get(d.day()));
            assertThat(d.p95Seconds()).as(d.day() + " p95").isCloseTo(h.quantile(0.95), within(1e-9));
        }
        Map<String, String> segmentOf = new HashMap<>();
        for (Customer c : PlantedPlatform.customers()) {
            segmentOf.put(c.id(), c.segment());
        }
        Map<String, Double> bySegment = new HashMap<>();
        for (PlantedPlatform.Request r : PlantedPlatform.requests()) {
            if (r.service().equals("search") && LocalDate.ofInstant(r.hour(), ZoneOffset.UTC).equals(first)) {
                bySegment.merge(segmentOf.getOrDefault(r.customer(), "unknown"), 1.0, Double::sum);
            }
        }
        Map<String, Double> stored = new HashMap<>();
        trend.segments().stream().filter(s -> s.day().equals(first)).forEach(s -> stored.put(s.segment(), s.requests()));
        assertThat(stored).isEqualTo(bySegment);
    }

    @Test
    void the_platforms_days_add_every_services_requests_and_errors() {
        LocalDate first = LocalDate.ofInstant(PlantedPlatform.START, ZoneOffset.UTC);
        Map<LocalDate, double[]> truth = new TreeMap<>();
        for (PlantedPlatform.Request r : PlantedPlatform.requests()) {
            double[] t = truth.computeIfAbsent(LocalDate.ofInstant(r.hour(), ZoneOffset.UTC), d -> new double[2]);
            t[0]++;
            t[1] += r.error() ? 1 : 0;
        }
        List<ServiceTrend.Day> days = engine.platformDays(first, first.plusDays(5));
        assertThat(days).extracting(ServiceTrend.Day::day).containsExactlyElementsOf(truth.keySet());
        days.forEach(d -> {
            assertThat(d.requests()).isEqualTo(truth.get(d.day())[0]);
            assertThat(d.errors()).isEqualTo(truth.get(d.day())[1]);
        });
    }

    @Test
    void a_customers_days_per_service_equal_its_raw_requests() {
        LocalDate first = LocalDate.ofInstant(PlantedPlatform.START, ZoneOffset.UTC);
        String customer = PlantedPlatform.requests().getFirst().customer();
        Map<String, double[]> truth = new TreeMap<>();
        Map<String, List<Double>> latencies = new HashMap<>();
        for (PlantedPlatform.Request r : PlantedPlatform.requests()) {
            LocalDate day = LocalDate.ofInstant(r.hour(), ZoneOffset.UTC);
            if (r.customer().equals(customer) && day.isBefore(first.plusDays(3))) {
                String key = day + "/" + r.service();
                double[] t = truth.computeIfAbsent(key, k -> new double[2]);
                t[0]++;
                t[1] += r.error() ? 1 : 0;
                latencies.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(r.latency());
            }
        }
        CustomerTrend trend = engine.customerTrend(customer, first, first.plusDays(3));
        assertThat(trend.days()).extracting(d -> d.day() + "/" + d.service()).containsExactlyElementsOf(truth.keySet());
        for (CustomerTrend.ServiceDay d : trend.days()) {
            String key = d.day() + "/" + d.service();
            assertThat(d.requests()).as(key).isEqualTo(truth.get(key)[0]);
            assertThat(d.errorRate()).as(key).isCloseTo(truth.get(key)[1] / truth.get(key)[0], within(1e-12));
            assertThat(d.p95Seconds()).as(key).isCloseTo(histogram(latencies.get(key)).quantile(0.95), within(1e-9));
        }
        assertThat(engine.customerTrend("nobody-at-all", first, first.plusDays(3)).days()).isEmpty();
    }

    /** The same buckets the platform's roll-up uses, filled from the raw latencies. */
    private static Histogram histogram(List<Double> latencies) {
        List<Double> counts = new java.util.ArrayList<>(java.util.Collections.nCopies(PlantedPlatform.LE.size(), 0.0));
        for (double l : latencies) {
            int b = PlantedPlatform.bucket(l);
            counts.set(b, counts.get(b) + 1);
        }
        return new Histogram(PlantedPlatform.LE, counts);
    }
}
