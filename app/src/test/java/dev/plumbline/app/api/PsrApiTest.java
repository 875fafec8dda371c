package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.RankingFilter;
import dev.plumbline.sql.psr.RoiModel;
import dev.plumbline.sql.psr.SliceRisk;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figures, rankings and health endpoints on the planted platform: the API says what the engine computes (whose
 * truth the sql module's PsrEngineTest checks against the raw requests), money only for roles allowed it, CSV equal to
 * JSON, and bad period parameters refused by name.
 */
@ExtendWith(ClickHouseExtension.class)
class PsrApiTest {

    private static final String PERIOD = "from=2026-10-04&to=2026-10-08";
    private static final Period ENGINE_PERIOD = Period.days(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 8));
    private static final Set<String> MONEY = Set.of("arr", "currency", "arrReporting", "reportingCurrency",
            "revenueAtRisk", "roi", "money");
    private static RunningApp app;
    private static PsrEngine engine;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        // an analyst sees the business pages without money: the rankings' relative scores are for such a role
        app = RunningApp.start(db, Map.of("plumbline.roi.saturation", 3, "plumbline.roi.renewal-multiplier", 2,
                "plumbline.security.roles.analyst", List.of("view-business", "view-services")));
        app.bean(Accounts.class).create(new Accounts.NewAccount("analyst", "Analyst", Set.of("analyst"),
                RunningApp.PASSWORD));
        CurrencyRates rates = CurrencyRates.of("USD", List.of("EUR=1.08", "GBP=1.27", "CHF=1.13", "SEK=0.095",
                "JPY=0.0067", "CAD=0.73", "AUD=0.66"));
        Clock appClock = Clock.fixed(RunningApp.NOW, java.time.ZoneOffset.UTC);   // the app's today, for renewals
        engine = new PsrEngine(db.clickHouse(), new ServiceCatalogStore(db.clickHouse(), appClock), rates,
                new RoiModel(3, 90, 2), appClock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_slice_ranking_is_the_engines_with_the_configured_model_and_an_explanation_per_row() {
        HttpResponse<String> response = app.getAs("pm", "/api/v1/rankings/slices?" + PERIOD + "&limit=3");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> page = app.jsonMap(response.body());
        var expected = engine.ranking(ENGINE_PERIOD, RankingFilter.NONE, 0, 3);
        assertThat(((Number) page.get("total")).longValue()).isEqualTo(expected.total()).isGreaterThan(3);
        assertThat((Map<String, Object>) page.get("period")).containsEntry("label", "2026-10-04 to 2026-10-08");
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSize(3);
        for (int i = 0; i < 3; i++) {
            SliceRisk e = expected.rows().get(i);
            Map<String, Object> row = items.get(i);
            assertThat(row).containsEntry("rank", i + 1).containsEntry("service", e.service())
                    .containsEntry("customer", e.customer());
            Map<String, Object> money = (Map<String, Object>) row.get("money");
            assertThat(((Number) money.get("revenueAtRisk")).doubleValue()).isCloseTo(e.money().revenueAtRisk(), offset(1e-6));
            assertThat(((Number) money.get("roi")).doubleValue()).isCloseTo(e.money().roi(), offset(1e-6));
            assertThat(((Number) ((Map<String, Object>) row.get("burn")).get("badness")).doubleValue())
                    .isCloseTo(e.burn().badness(), offset(1e-9));
            assertThat((String) row.get("explanation")).contains(" sends ").contains(e.service()).contains("its ");
        }
        assertThat(items).extracting(r -> r.get("service") + "/" + r.get("customer")).contains("search/big");
        Map<String, Object> big = items.stream().filter(r -> r.get("customer").equals("big") && r.get("service").equals("search")).findFirst().orElseThrow();
        assertThat(big).containsEntry("reportingCurrency", "USD");
        assertThat((Map<String, Object>) big.get("money")).containsEntry("arr", 1200000.0);
        assertThat((Map<String, Object>) big.get("account")).containsEntry("name", "Big Corp").containsEntry("known", true);
        assertThat((String) big.get("explanation")).startsWith("Big Corp ($1.2M ARR").contains("slower than 800 ms");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_role_without_money_gets_the_same_order_as_relative_scores_without_any_money_field() {
        List<Map<String, Object>> pm = (List<Map<String, Object>>) app.jsonMap(
                app.getAs("pm", "/api/v1/rankings/slices?" + PERIOD).body()).get("items");
        HttpResponse<String> response = app.getAs("analyst", "/api/v1/rankings/slices?" + PERIOD);

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> analyst = (List<Map<String, Object>>) app.jsonMap(response.body()).get("items");
        assertThat(analyst).extracting(r -> r.get("service") + "/" + r.get("customer"))
                .isEqualTo(pm.stream().map(r -> r.get("service") + "/" + r.get("customer")).toList());
        assertThat(analyst).allSatisfy(r -> assertThat(r.keySet()).doesNotContainAnyElementsOf(MONEY));
        assertThat((String) analyst.getFirst().get("explanation")).doesNotContain("$").doesNotContain("ARR");
        assertThat(((Number) ((Map<String, Object>) analyst.getFirst().get("score")).get("relativeScore")).doubleValue())
                .isEqualTo(100.0);
        for (String path : List.of("/api/v1/rankings/services?", "/api/v1/rankings/segments?")) {
            String body = app.getAs("analyst", path + PERIOD).body();
            ((List<Map<String, Object>>) app.jsonMap(body).get("items"))
                    .forEach(r -> assertThat(r.keySet()).doesNotContainAnyElementsOf(MONEY));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void filters_narrow_the_ranking_and_pages_add_up_to_the_whole() {
        List<Map<String, Object>> all = (List<Map<String, Object>>) app.jsonMap(
                app.getAs("pm", "/api/v1/rankings/slices?" + PERIOD).body()).get("items");
        List<Map<String, Object>> billing = (List<Map<String, Object>>) app.jsonMap(
                app.getAs("pm", "/api/v1/rankings/slices?" + PERIOD + "&service=billing").body()).get("items");
        Map<String, Object> second = app.jsonMap(app.getAs("pm", "/api/v1/rankings/slices?" + PERIOD + "&offset=2&limit=2").body());

        assertThat(billing).isNotEmpty().allSatisfy(r -> assertThat(r).containsEntry("service", "billing"));
        assertThat(billing).extracting(r -> r.get("customer")).isEqualTo(all.stream()
                .filter(r -> r.get("service").equals("billing")).map(r -> r.get("customer")).toList());
        assertThat((List<Map<String, Object>>) second.get("items")).extracting(r -> r.get("customer"))
                .isEqualTo(all.subList(2, 4).stream().map(r -> r.get("customer")).toList());
        assertThat(((List<Map<String, Object>>) second.get("items")).getFirst()).containsEntry("rank", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void service_figures_come_with_the_previous_period_and_the_changes() {
        HttpResponse<String> response = app.getAs("engineer", "/api/v1/figures/services?from=2026-10-06&to=2026-10-07");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> page = app.jsonMap(response.body());
        assertThat((Map<String, Object>) page.get("comparedWith")).containsEntry("label", "2026-10-04 to 2026-10-05");
        Map<String, Object> billing = ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(m -> ((Map<String, Object>) m.get("current")).get("service").equals("billing")).findFirst().orElseThrow();
        Period now = Period.days(LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
        Figures current = figures(now, "billing");
        Figures previous = figures(now.previous(), "billing");
        assertThat(((Number) ((Map<String, Object>) billing.get("current")).get("errorRate")).doubleValue())
                .isCloseTo(current.errorRate(), offset(1e-12));
        assertThat(((Number) ((Map<String, Object>) billing.get("previous")).get("errorRate")).doubleValue())
                .isCloseTo(previous.errorRate(), offset(1e-12));
        // The bad deploy on 2026-10-06: the error rate went up against the two days before.
        assertThat(((Number) billing.get("errorRateChange")).doubleValue())
                .isCloseTo(current.errorRate() - previous.errorRate(), offset(1e-12)).isGreaterThan(0.005);
        List<Map<String, Object>> objectives = (List<Map<String, Object>>) ((Map<String, Object>) billing.get("current")).get("objectives");
        assertThat(objectives).singleElement().satisfies(o -> assertThat(o).containsEntry("met", false));
    }

    @Test
    @SuppressWarnings("unchecked")
    void slices_are_a_services_customers_and_groups_split_by_segment() {
        Map<String, Object> search = app.jsonMap(app.getAs("engineer", "/api/v1/figures/slices?" + PERIOD + "&service=search").body());
        Map<String, Object> bySegment = app.jsonMap(app.getAs("exec", "/api/v1/figures/groups?" + PERIOD + "&by=segment").body());

        List<Map<String, Object>> items = (List<Map<String, Object>>) search.get("items");
        assertThat(items).isNotEmpty().allSatisfy(i -> assertThat((String) ((Map<String, Object>) i.get("current")).get("key")).startsWith("search/"));
        assertThat(((Number) search.get("total")).longValue()).isEqualTo(items.size());
        assertThat((List<Map<String, Object>>) bySegment.get("items")).extracting(i -> ((Map<String, Object>) i.get("current")).get("key"))
                .contains("enterprise/search", "smb/billing");
    }

    @Test
    void csv_exports_hold_the_same_rows_as_json_and_leave_money_out_without_permission() throws IOException {
        HttpResponse<String> csv = app.getAs("pm", "/api/v1/rankings/slices.csv?" + PERIOD);
        HttpResponse<String> health = app.getAs("admin", "/api/v1/customer-health/export.csv?" + PERIOD);
        HttpResponse<String> figures = app.getAs("pm", "/api/v1/figures/services.csv?" + PERIOD);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<CSVRecord> rows = parse(csv.body());
        var expected = engine.ranking(ENGINE_PERIOD, RankingFilter.NONE, 0, 1000).rows();
        assertThat(rows).hasSize(expected.size());
        assertThat(rows).extracting(r -> r.get("service") + "/" + r.get("customer"))
                .isEqualTo(expected.stream().map(e -> e.service() + "/" + e.customer()).toList());
        assertThat(Double.parseDouble(rows.getFirst().get("revenue at risk (USD)")))
                .isEqualTo((double) Math.round(expected.getFirst().money().revenueAtRisk()));
        assertThat(parse(health.body())).hasSize((int) engine.health(ENGINE_PERIOD, "", 0, 1000).total());
        assertThat(parse(figures.body())).extracting(r -> r.get("service")).containsExactly("billing", "catalog", "export", "search");
        assertThat(app.getAs("engineer", "/api/v1/rankings/slices.csv?" + PERIOD).statusCode()).isEqualTo(403);
    }

    @Test
    void the_review_csv_has_units_in_its_headers_values_as_the_page_rounds_them_and_money_for_money_roles() throws IOException {
        List<CSVRecord> rows = parse(app.getAs("pm", "/api/v1/figures/services.csv?" + PERIOD).body());
        List<Figures> expected = engine.services(ENGINE_PERIOD);
        Map<String, dev.plumbline.sql.psr.ServiceRisk> risks = engine.rankingByService(ENGINE_PERIOD, 0, 100).rows()
                .stream().collect(java.util.stream.Collectors.toMap(dev.plumbline.sql.psr.ServiceRisk::service, r -> r));
        assertThat(rows).hasSize(expected.size());
        assertThat(rows.getFirst().getParser().getHeaderNames()).contains("availability (%)", "error rate (%)",
                "p95 (ms)", "p99 (ms)", "average rps (req/s)", "coverage (%)", "worst objective burn rate (x)",
                "customers outside objectives", "revenue at risk (USD)").doesNotContain("p95 s", "availability");
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Figures f = expected.get(i);
            assertThat(row.get("service")).isEqualTo(f.service());
            // as the Review writes them: "99.386%" is 99.386, "241 ms" is 241
            assertThat(row.get("availability (%)") + "%").isEqualTo(dev.plumbline.sql.psr.PercentText.of(f.availability(), 3));
            assertThat(row.get("p95 (ms)").isEmpty() ? null : row.get("p95 (ms)") + " ms").isEqualTo(
                    f.p95Seconds() == null ? null : String.format(Locale.ROOT, "%.0f ms", 1000 * f.p95Seconds()));
            assertThat(row.get("requests (count)")).isEqualTo(String.format(Locale.ROOT, "%.0f", f.requests()));
            var risk = risks.get(f.service());
            assertThat(row.get("revenue at risk (USD)")).isEqualTo(String.valueOf(risk == null ? 0 : Math.round(risk.revenueAtRisk())));
            assertThat(row.get("customers outside objectives")).isEqualTo(String.valueOf(risk == null ? 0 : risk.customersAffected()));
        }
        assertThat(rows).anySatisfy(r -> assertThat(Long.parseLong(r.get("revenue at risk (USD)"))).isPositive());
    }

    @Test
    @SuppressWarnings("unchecked")
    void health_scores_are_the_engines_worst_first() {
        Map<String, Object> page = app.jsonMap(app.getAs("exec", "/api/v1/customer-health?" + PERIOD).body());

        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        var expected = engine.health(ENGINE_PERIOD, "", 0, 100).rows();
        assertThat(items).extracting(i -> i.get("customer")).isEqualTo(expected.stream().map(h -> h.customer()).toList());
        assertThat(((Number) items.getFirst().get("health")).doubleValue()).isCloseTo(expected.getFirst().health(), offset(1e-9));
        assertThat(app.getAs("engineer", "/api/v1/customer-health?" + PERIOD).statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bad_period_parameters_are_refused_by_name() {
        Map<String, String> cases = Map.of(
                "month=2026-13", "month: must be a month like 2026-10, was '2026-13'",
                "month=2026-10&from=2026-10-01&to=2026-10-02", "give either month or from and to, not both",
                "from=2026-10-01", "to: required with from",
                "from=2026-10-05&to=2026-10-01", "to: 2026-10-01 is before from 2026-10-05",
                "from=yesterday&to=2026-10-01", "from: must be a date like 2026-10-31, was 'yesterday'",
                "month=2099-01", "period: 2099-01 has no complete hour yet",
                "month=0000-01", "month: 0000-01 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
                "month=-2026-01", "month: -2026-01 is outside the dates Plumbline accepts",
                "by=colour", "by: must be segment, region, plan or volume-band, was 'colour'");
        cases.forEach((query, message) -> {
            String path = query.startsWith("by=") ? "/api/v1/figures/groups?" : "/api/v1/rankings/slices?";
            HttpResponse<String> response = app.getAs("admin", path + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat((String) app.jsonMap(response.body()).get("message")).as(query).contains(message);
        });
        HttpResponse<String> noFilter = app.getAs("admin", "/api/v1/figures/slices?" + PERIOD);
        assertThat(noFilter.statusCode()).isEqualTo(400);
        assertThat((String) app.jsonMap(noFilter.body()).get("message")).contains("service: give service or customer, or both");
    }

    private static Figures figures(Period period, String service) {
        return engine.services(period).stream().filter(f -> f.service().equals(service)).findFirst().orElseThrow();
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
    }
}
