package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine against the truth: {@link PlantedPlatform} generates raw requests, this test computes every figure from
 * those requests with its own arithmetic (not Plumbline's SQL or math classes), and compares. The period starts and
 * ends inside days, so both roll-ups are read.
 */
@ExtendWith(ClickHouseExtension.class)
class PsrEngineTest {

    static final Period PERIOD = new Period(Instant.parse("2026-10-04T18:00:00Z"), Instant.parse("2026-10-08T06:00:00Z"));
    static final CurrencyRates RATES = CurrencyRates.of("USD", List.of("EUR=1.08"));
    static final double K = 4;
    static final double MULTIPLIER = 1.5;
    /** The ROI model in Java: the oracle the engine's SQL is checked against. */
    static final RoiModel MODEL = new RoiModel(K, 90, MULTIPLIER);
    private static PsrEngine engine;
    private static Map<String, Truth> truth;

    /** What the requests of one slice say, computed here. */
    record Truth(String service, String customer, double requests, double errors, double slow, double customerRequests,
                 double[] buckets, double badness, double exposure, double revenueAtRisk, double roi) {
    }

    @BeforeAll
    static void setUp(TestDatabase db) {
        Clock clock = PlantedPlatform.clock();
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.migrate().clickHouse(), clock);
        catalog.upsert(PlantedPlatform.services(), PlantedPlatform.objectives());
        new CustomerStore(db.clickHouse(), clock).upsert(PlantedPlatform.customers());
        List<PlantedPlatform.Request> requests = PlantedPlatform.requests();
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        rollups.insertHours(PlantedPlatform.hours(requests));
        rollups.rollUpDays(PlantedPlatform.START, PlantedPlatform.START.plus(PlantedPlatform.HOURS, ChronoUnit.HOURS));
        PlantedPlatform.recordFullCoverage(rollups);
        engine = new PsrEngine(db.clickHouse(), catalog, RATES, MODEL, clock);
        truth = truth(requests);
    }

    /** The truth, from the raw requests inside the period. */
    static Map<String, Truth> truth(List<PlantedPlatform.Request> all) {
        List<PlantedPlatform.Request> in = all.stream()
                .filter(r -> !r.hour().isBefore(PERIOD.from()) && r.hour().isBefore(PERIOD.to())).toList();
        Map<String, Double> perCustomer = in.stream().collect(Collectors.groupingBy(PlantedPlatform.Request::customer,
                Collectors.summingDouble(r -> 1)));
        Map<String, Customer> customers = PlantedPlatform.customers().stream()
                .collect(Collectors.toMap(Customer::id, c -> c));
        Map<String, Double> effort = Map.of("search", 2.0, "billing", 1.0, "catalog", 1.0, "export", 1.0);
        Map<String, List<PlantedPlatform.Request>> bySlice = in.stream()
                .collect(Collectors.groupingBy(r -> r.service() + "/" + r.customer()));
        Map<String, Truth> out = new HashMap<>();
        bySlice.forEach((key, rs) -> {
            String service = rs.getFirst().service();
            String customer = rs.getFirst().customer();
            double n = rs.size();
            double errors = rs.stream().filter(PlantedPlatform.Request::error).count();
            double threshold = service.equals("search") ? 0.8 : 0.5;
            double slow = rs.stream().filter(r -> r.latency() > threshold).count();
            double[] buckets = new double[PlantedPlatform.LE.size()];
            rs.forEach(r -> buckets[PlantedPlatform.bucket(r.latency())]++);
            double badness = switch (service) {
                case "search" -> Math.max((errors / n) / 0.001, (slow / n) / 0.05);
                case "billing" -> (errors / n) / 0.001;
                case "catalog" -> Math.max((errors / n) / 0.005, (slow / n) / 0.01);
                default -> Double.NaN; // export has no objective
            };
            double exposure = n / perCustomer.get(customer);
            Customer c = customers.get(customer);
            double arr = c == null ? 0 : c.arr().doubleValue() * (c.currency().equals("EUR") ? 1.08 : 1);
            // the ROI model's Java formulation is the oracle of psr_slices' SQL (README, "ROI model")
            boolean soon = c != null && MODEL.renewsSoon(c.renewalDate(), PlantedPlatform.TODAY);
            double rar = Double.isNaN(badness) ? 0 : MODEL.revenueAtRisk(arr, exposure, badness, soon);
            out.put(key, new Truth(service, customer, n, errors, slow, perCustomer.get(customer), buckets, badness,
                    exposure, rar, MODEL.roi(rar, effort.get(service))));
        });
        return out;
    }

    @Test
    void the_ranking_is_the_truth_in_the_expected_order_with_the_planted_slices_on_top() {
        List<Truth> expected = truth.values().stream().filter(t -> t.badness() > 1)
                .sorted(Comparator.comparingDouble(Truth::roi).reversed()
                        .thenComparing(Comparator.comparingDouble(Truth::badness).reversed())
                        .thenComparing(Truth::service).thenComparing(Truth::customer))
                .toList();

        Ranking<SliceRisk> ranking = engine.ranking(PERIOD, RankingFilter.NONE, 0, 1000);

        assertThat(ranking.total()).isEqualTo(expected.size());
        assertThat(ranking.rows()).extracting(r -> r.service() + "/" + r.customer())
                .containsExactlyElementsOf(expected.stream().map(t -> t.service() + "/" + t.customer()).toList());
        // Only planted problems rank: the billing deploy (every customer), search for big, catalog for eu-ops; the two
        // largest planted risks come first.
        assertThat(ranking.rows()).allSatisfy(r -> assertThat(r.service().equals("billing")
                || r.service().equals("search") && r.customer().equals("big")
                || r.service().equals("catalog") && r.customer().equals("eu-ops")).as(r.service() + "/" + r.customer()).isTrue());
        assertThat(ranking.rows().subList(0, 2)).extracting(r -> r.service() + "/" + r.customer())
                .containsExactly("billing/big", "search/big");
        assertThat(ranking.rows()).anySatisfy(r -> assertThat(r.service() + "/" + r.customer()).isEqualTo("catalog/eu-ops"));
        for (SliceRisk r : ranking.rows()) {
            Truth t = truth.get(r.service() + "/" + r.customer());
            assertThat(r.traffic().requests()).as(r.service() + "/" + r.customer()).isEqualTo(t.requests());
            assertThat(r.traffic().errorRate()).isCloseTo(t.errors() / t.requests(), offset(1e-12));
            assertThat(r.burn().badness()).isCloseTo(t.badness(), offset(1e-9 * t.badness()));
            assertThat(r.traffic().exposure()).isCloseTo(t.exposure(), offset(1e-12));
            assertThat(r.money().revenueAtRisk()).isCloseTo(t.revenueAtRisk(), offset(1e-6));
            assertThat(r.money().roi()).isCloseTo(t.roi(), offset(1e-6));
        }
    }

    @Test
    void a_services_customers_come_most_hurt_first_by_money_or_by_burn_with_the_truths_figures() {
        for (boolean byMoney : List.of(true, false)) {
            List<Truth> expected = truth.values().stream().filter(t -> t.service().equals("billing"))
                    .sorted(Comparator.comparingDouble((Truth t) -> byMoney ? t.revenueAtRisk() : 0).reversed()
                            .thenComparing(Comparator.comparingDouble(Truth::badness).reversed())
                            .thenComparing(Comparator.comparingDouble(Truth::requests).reversed())
                            .thenComparing(Truth::customer))
                    .toList();

            List<CustomerImpact> customers = engine.customersOf(PERIOD, "billing", byMoney);

            assertThat(customers).as("by money: %s", byMoney).extracting(CustomerImpact::customer)
                    .containsExactlyElementsOf(expected.stream().map(Truth::customer).toList());
            for (CustomerImpact c : customers) {
                Truth t = truth.get("billing/" + c.customer());
                assertThat(c.badness()).isCloseTo(t.badness(), offset(1e-9 * t.badness()));
                assertThat(c.revenueAtRisk()).isCloseTo(t.revenueAtRisk(), offset(1e-6));
                assertThat(c.figures().requests()).isEqualTo(t.requests());
                assertThat(c.label()).isEqualTo(c.known() ? PlantedPlatform.customers().stream()
                        .filter(k -> k.id().equals(c.customer())).findFirst().orElseThrow().name() : c.customer());
            }
        }
        assertThat(engine.customersOf(PERIOD, "no-such-service", true)).isEmpty();
    }

    @Test
    void the_filters_offer_the_customers_segments_regions_and_plans_and_the_catalogs_services() {
        RankingFilter.Values values = engine.filterValues(PERIOD);
        List<Customer> customers = PlantedPlatform.customers();
        assertThat(values.segments()).isEqualTo(customers.stream().map(Customer::segment).filter(v -> !v.isEmpty())
                .distinct().sorted().toList());
        assertThat(values.regions()).isEqualTo(customers.stream().map(Customer::region).filter(v -> !v.isEmpty())
                .distinct().sorted().toList());
        assertThat(values.plans()).isEqualTo(customers.stream().map(Customer::plan).filter(v -> !v.isEmpty())
                .distinct().sorted().toList());
        assertThat(values.services()).isEqualTo(PlantedPlatform.services().stream().map(s -> s.name()).sorted().toList());
        assertThat(RankingFilter.Values.match(values.segments(), " " + values.segments().getFirst().toUpperCase() + " "))
                .isEqualTo(values.segments().getFirst());
        assertThat(RankingFilter.Values.match(values.segments(), "nobody-has-this")).isEmpty();
    }

    @Test
    void filters_match_whatever_their_case() {
        for (RankingFilter[] pair : new RankingFilter[][] {
                {new RankingFilter("", "", "", "search", "", 0), new RankingFilter("", "", "", "SeArCh", "", 0)},
                {new RankingFilter("enterprise", "", "", "", "", 0), new RankingFilter("Enterprise", "", "", "", "", 0)}}) {
            var lower = engine.ranking(PERIOD, pair[0], 0, 100);
            assertThat(lower.total()).as(pair[0].toString()).isPositive();
            assertThat(engine.ranking(PERIOD, pair[1], 0, 100).rows()).isEqualTo(lower.rows());
        }
    }

    @Test
    void the_planted_slow_search_names_its_latency_objective_and_share() {
        SliceRisk big = engine.ranking(PERIOD, new RankingFilter("", "", "", "search", "", 0), 0, 10).rows().getFirst();
        Truth t = truth.get("search/big");

        assertThat(big.customer()).isEqualTo("big");
        assertThat(big.burn().worstKind()).isEqualTo("latency");
        assertThat(big.burn().latency().slowShare()).isCloseTo(t.slow() / t.requests(), offset(1e-12));
        assertThat(big.burn().latency().thresholdMs()).isEqualTo(800.0);
        assertThat(big.account().renewsSoon()).isTrue();
        assertThat(Explanation.of(big, "USD", PlantedPlatform.TODAY, true))
                .startsWith("Big Corp ($1.2M ARR, renews in 45 days) sends ")
                .contains(" of its requests to search, where ")
                .contains(" are slower than 800 ms against an allowed 5%: ")
                .endsWith(" its latency budget");
    }

    @Test
    void service_figures_equal_the_truth_p95_from_the_merged_histogram_and_budgets_from_the_requests() {
        Map<String, Figures> figures = engine.services(PERIOD).stream().collect(Collectors.toMap(Figures::service, f -> f));

        for (String service : List.of("search", "billing", "catalog", "export")) {
            List<Truth> slices = truth.values().stream().filter(t -> t.service().equals(service)).toList();
            double n = slices.stream().mapToDouble(Truth::requests).sum();
            double errors = slices.stream().mapToDouble(Truth::errors).sum();
            double[] buckets = new double[PlantedPlatform.LE.size()];
            slices.forEach(t -> {
                for (int i = 0; i < buckets.length; i++) {
                    buckets[i] += t.buckets()[i];
                }
            });
            Figures f = figures.get(service);
            assertThat(f.requests()).isEqualTo(n);
            assertThat(f.errorRate()).isCloseTo(errors / n, offset(1e-12));
            assertThat(f.p95Seconds()).as(service + " p95").isCloseTo(prometheusQuantile(0.95, buckets), offset(1e-12));
            assertThat(f.p99Seconds()).as(service + " p99").isCloseTo(prometheusQuantile(0.99, buckets), offset(1e-12));
        }
        ObjectiveResult billing = figures.get("billing").objectives().getFirst();
        double errors = truth.values().stream().filter(t -> t.service().equals("billing")).mapToDouble(Truth::errors).sum();
        double n = truth.values().stream().filter(t -> t.service().equals("billing")).mapToDouble(Truth::requests).sum();
        assertThat(billing.burnRate()).isCloseTo((errors / n) / 0.001, offset(1e-9));
        assertThat(billing.budgetConsumed()).isCloseTo((errors / n) / 0.001 * 84 / (28 * 24), offset(1e-9));
        assertThat(billing.met()).isFalse();
        assertThat(figures.get("export").objectives()).as("a service with no objective").isEmpty();
        assertThat(figures.get("search").averageRps()).isCloseTo(
                truth.values().stream().filter(t -> t.service().equals("search")).mapToDouble(Truth::requests).sum()
                        / Duration.ofHours(84).toSeconds(), offset(1e-9));
        Map<java.time.Instant, Long> searchPerHour = PlantedPlatform.requests().stream()
                .filter(r -> r.service().equals("search") && !r.hour().isBefore(PERIOD.from()) && r.hour().isBefore(PERIOD.to()))
                .collect(Collectors.groupingBy(PlantedPlatform.Request::hour, Collectors.counting()));
        assertThat(figures.get("search").peakRps()).as("hours written without minutes: the busiest hour's average")
                .isCloseTo(searchPerHour.values().stream().mapToLong(Long::longValue).max().orElseThrow() / 3600.0, offset(1e-12));
        assertThat(figures.get("search").peakFromMinutes()).isFalse();
    }

    @Test
    void a_customer_without_arr_is_ranked_with_nothing_at_risk_and_said_so() {
        SliceRisk ghost = engine.ranking(PERIOD, RankingFilter.NONE, 0, 1000).rows().stream()
                .filter(r -> r.customer().equals("ghost")).findFirst().orElseThrow();

        assertThat(ghost.account().known()).isFalse();
        assertThat(ghost.money().revenueAtRisk()).isZero();
        assertThat(ghost.money().arr()).isNull();
        assertThat(Explanation.of(ghost, "USD", PlantedPlatform.TODAY, true)).startsWith("ghost (no ARR on record) sends");
    }

    @Test
    void a_slice_with_no_traffic_has_no_row_and_a_service_without_objective_is_never_ranked() {
        assertThat(engine.slices(PERIOD, "export", "c8", 0, 10).rows()).isEmpty();
        assertThat(engine.ranking(PERIOD, new RankingFilter("", "", "", "export", "", 0), 0, 10).rows()).isEmpty();
    }

    @Test
    void health_weighs_slices_by_exposure() {
        CustomerHealth big = engine.health(PERIOD, "big", 0, 1).rows().getFirst();
        double expected = 0;
        double exposure = 0;
        for (Truth t : truth.values()) {
            if (t.customer().equals("big") && !Double.isNaN(t.badness())) {
                expected += t.exposure() * MODEL.sliceHealth(t.badness());
                exposure += t.exposure();
            }
        }
        assertThat(big.health()).isCloseTo(100 * expected / exposure, offset(1e-9));
        assertThat(big.servicesOverBudget()).isEqualTo(2);
    }

    @Test
    void rankings_by_service_and_segment_add_up_the_slices() {
        Ranking<ServiceRisk> byService = engine.rankingByService(PERIOD, 0, 10);
        double billing = truth.values().stream().filter(t -> t.service().equals("billing")).mapToDouble(Truth::revenueAtRisk).sum();

        assertThat(byService.rows().stream().filter(s -> s.service().equals("billing")).findFirst().orElseThrow().revenueAtRisk())
                .isCloseTo(billing, offset(1e-6));
        assertThat(byService.rows()).extracting(ServiceRisk::service).doesNotContain("export");
        List<SegmentRisk> bySegment = engine.rankingBySegment(PERIOD);
        assertThat(bySegment.getFirst().segment()).isEqualTo("enterprise");
        assertThat(bySegment.getFirst().relativeScore()).isEqualTo(100.0);
    }

    @Test
    void explore_groups_add_up_the_truth_of_their_slices_for_every_grouping_on_all_services_and_on_one() {
        Map<String, Customer> customers = PlantedPlatform.customers().stream()
                .collect(Collectors.toMap(Customer::id, c -> c));
        for (ExploreBy by : ExploreBy.values()) {
            for (String service : List.of("", "search")) {
                Map<String, List<Truth>> expected = truth.values().stream()
                        .filter(t -> service.isEmpty() || t.service().equals(service))
                        .collect(Collectors.groupingBy(t -> groupOf(by, t, customers.get(t.customer()))));

                List<ExploreGroup> groups = engine.explore(PERIOD, by, service);

                String as = by.id() + " on " + (service.isEmpty() ? "all services" : service);
                assertThat(groups).as(as).extracting(ExploreGroup::key)
                        .containsExactlyElementsOf(expected.keySet().stream().sorted().toList());
                for (ExploreGroup g : groups) {
                    List<Truth> ts = expected.get(g.key());
                    String of = as + ": " + g.key();
                    double requests = ts.stream().mapToDouble(Truth::requests).sum();
                    double errors = ts.stream().mapToDouble(Truth::errors).sum();
                    double[] buckets = new double[PlantedPlatform.LE.size()];
                    ts.forEach(t -> {
                        for (int i = 0; i < buckets.length; i++) {
                            buckets[i] += t.buckets()[i];
                        }
                    });
                    assertThat(g.figures().requests()).as(of).isEqualTo(requests);
                    assertThat(g.figures().errors()).as(of).isEqualTo(errors);
                    assertThat(g.figures().errorRate()).as(of).isCloseTo(errors / requests, offset(1e-12));
                    assertThat(g.figures().p95Seconds()).as(of).isCloseTo(prometheusQuantile(0.95, buckets), offset(1e-9));
                    assertThat(g.figures().customers()).as(of).isEqualTo(ts.stream().map(Truth::customer).distinct().count());
                    assertThat(g.customersOutside()).as(of).isEqualTo(ts.stream().filter(t -> t.badness() > 1)
                            .map(Truth::customer).distinct().count());
                    assertThat(g.revenueAtRisk()).as(of).isCloseTo(ts.stream().mapToDouble(Truth::revenueAtRisk).sum(),
                            offset(1e-6));
                    assertThat(g.services()).as(of).containsExactlyElementsOf(ts.stream().map(Truth::service).distinct()
                            .sorted().toList());
                }
            }
        }
        // what a reader recognises: a customer's name, "(unknown)" for traffic without a customer record
        Map<String, String> labels = engine.explore(PERIOD, ExploreBy.CUSTOMER, "").stream()
                .collect(Collectors.toMap(ExploreGroup::key, ExploreGroup::label));
        assertThat(labels).containsEntry("big", "Big Corp").containsEntry("ghost", "ghost");
        assertThat(engine.explore(PERIOD, ExploreBy.SEGMENT, "").stream().filter(g -> g.key().isEmpty())
                .map(ExploreGroup::label)).containsExactly("(unknown)");
    }

    /** The group a slice belongs to, from the planted customers (the customers' rows, not the store's). */
    private static String groupOf(ExploreBy by, Truth t, Customer c) {
        return switch (by) {
            case SERVICE -> t.service();
            case CUSTOMER -> t.customer();
            case SEGMENT -> c == null ? "" : c.segment();
            case REGION -> c == null ? "" : c.region();
            case PLAN -> c == null ? "" : c.plan();
            case VOLUME_BAND -> c == null ? "" : c.dataVolumeGb() < 10 ? "<10 GB" : c.dataVolumeGb() < 100 ? "10-100 GB"
                    : c.dataVolumeGb() < 1000 ? "100 GB-1 TB" : c.dataVolumeGb() < 10000 ? "1-10 TB" : ">=10 TB";
        };
    }

    @Test
    void a_collection_gap_shows_as_coverage_below_one() {
        List<Instant> hours = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        for (Instant h = PERIOD.from(); h.isBefore(PERIOD.to()); h = h.plus(1, ChronoUnit.HOURS)) {
            hours.add(h);
            minutes.add(h.equals(Instant.parse("2026-10-06T03:00:00Z")) ? 15 : 60);
        }
        RollupStore rollups = new RollupStore(engineClickHouse(), PlantedPlatform.clock());
        rollups.recordCoverage("prometheus", hours, minutes);
        try {
            double covered = (84 * 60 - 45) / (84.0 * 60);
            assertThat(engine.coverageBySource(PERIOD).get("prometheus")).isCloseTo(covered, offset(1e-12));
            Figures search = engine.services(PERIOD).stream().filter(f -> f.service().equals("search")).findFirst()
                    .orElseThrow();
            assertThat(search.coverage()).isCloseTo(covered, offset(1e-12));
            assertThat(search.averageRps()).as("requests over the collected minutes")
                    .isCloseTo(search.requests() / (covered * Duration.ofHours(84).toSeconds()), offset(1e-9));
            assertThat(engine.slices(PERIOD, "search", "big", 0, 1).rows().getFirst().coverage())
                    .as("a slice carries its service's coverage").isCloseTo(covered, offset(1e-12));
        } finally {
            PlantedPlatform.recordFullCoverage(rollups);   // the other tests read fully collected hours
        }
    }

    private static dev.plumbline.sql.ClickHouse engineClickHouse() {
        try {
            var f = PsrEngine.class.getDeclaredField("clickHouse");
            f.setAccessible(true);
            return (dev.plumbline.sql.ClickHouse) f.get(engine);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** histogram_quantile as Prometheus documents it, written again here from its definition. */
    static double prometheusQuantile(double q, double[] buckets) {
        double total = 0;
        for (double b : buckets) {
            total += b;
        }
        double rank = q * total;
        double cumulative = 0;
        for (int i = 0; i < buckets.length - 1; i++) {
            double start = cumulative;
            cumulative += buckets[i];
            if (cumulative >= rank) {
                double lo = i == 0 ? 0 : PlantedPlatform.LE.get(i - 1);
                double hi = PlantedPlatform.LE.get(i);
                return lo + (hi - lo) * (rank - start) / buckets[i];
            }
        }
        return PlantedPlatform.LE.get(buckets.length - 2);
    }

}
