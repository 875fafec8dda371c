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
    void the_platforms_days_add_every_services_requests_and_errors_and_their_availability() {
        LocalDate first = LocalDate.ofInstant(PlantedPlatform.START, ZoneOffset.UTC);
        Map<LocalDate, double[]> truth = new TreeMap<>();
        for (PlantedPlatform.Request r : PlantedPlatform.requests()) {
            double[] t = truth.computeIfAbsent(LocalDate.ofInstant(r.hour(), ZoneOffset.UTC), d -> new double[2]);
            t[0]++;
            t[1] += r.error() ? 1 : 0;
        }
        List<PlatformDay> days = engine.platformDays(first, first.plusDays(5));
        assertThat(days).extracting(PlatformDay::day).containsExactlyElementsOf(truth.keySet());
        days.forEach(d -> {
            double[] t = truth.get(d.day());
            assertThat(d.requests()).isEqualTo(t[0]);
            assertThat(d.errors()).isEqualTo(t[1]);
            assertThat(d.availability()).as(d.day() + " availability").isCloseTo((t[0] - t[1]) / t[0], within(1e-12));
        });
        // the planted bad deploy: 2026-10-06 is the day billing failed 2% of its requests
        PlatformDay worst = days.stream().min(java.util.Comparator.comparing(PlatformDay::availability)).orElseThrow();
        assertThat(worst.day()).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void the_summarys_days_run_from_the_previous_periods_first_day_and_a_day_without_telemetry_has_no_availability() {
        // October 2026 against September: 61 days, only five of them with the planted telemetry
        List<PlatformDay> days = engine.platformDays(Period.month(java.time.YearMonth.of(2026, 10)));
        assertThat(days).hasSize(61);
        assertThat(days.getFirst().day()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(days.getLast().day()).isEqualTo(LocalDate.of(2026, 10, 31));
        LocalDate first = LocalDate.ofInstant(PlantedPlatform.START, ZoneOffset.UTC);
        assertThat(days).filteredOn(d -> d.availability() != null).extracting(PlatformDay::day)
                .containsExactlyElementsOf(first.datesUntil(first.plusDays(5)).toList());
        assertThat(days).filteredOn(d -> d.availability() == null)
                .allSatisfy(d -> assertThat(d.requests()).isZero());
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

    @Test
    void a_customers_days_over_all_its_services_and_its_busiest_services_equal_its_raw_requests() {
        LocalDate first = LocalDate.ofInstant(PlantedPlatform.START, ZoneOffset.UTC);
        Map<LocalDate, double[]> truth = new TreeMap<>();
        Map<String, Integer> byService = new TreeMap<>();
        for (PlantedPlatform.Request r : PlantedPlatform.requests()) {
            if (r.customer().equals("eu-ops")) {
                double[] t = truth.computeIfAbsent(LocalDate.ofInstant(r.hour(), ZoneOffset.UTC), d -> new double[2]);
                t[0]++;
                t[1] += r.error() ? 1 : 0;
                byService.merge(r.service(), 1, Integer::sum);
            }
        }
        CustomerTrend trend = engine.customerTrend("eu-ops", first, first.plusDays(5));

        assertThat(trend.totals()).extracting(CustomerDay::day).containsExactlyElementsOf(truth.keySet());
        for (CustomerDay d : trend.totals()) {
            double[] t = truth.get(d.day());
            assertThat(d.requests()).as(d.day() + " requests").isEqualTo(t[0]);
            assertThat(d.errors()).as(d.day() + " errors").isEqualTo(t[1]);
            assertThat(d.errorRate()).as(d.day() + " error rate").isCloseTo(t[1] / t[0], within(1e-12));
            assertThat(d.otherServicesRequests()).as("four services, all charted by name").isNull();
        }
        assertThat(trend.totals().stream().mapToDouble(CustomerDay::errors).sum()).as("the planted catalog errors")
                .isGreaterThan(0);
        List<String> busiest = byService.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()))
                .map(Map.Entry::getKey).toList();
        assertThat(trend.busiest()).containsExactlyElementsOf(busiest);
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
