package dev.plumbline.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class ServiceCatalogStoreTest {

    private static ServiceCatalogStore store;

    private static final Service SEARCH = new Service("search", "Search", "Full-text search", "discovery", "tier-1", 3,
            "https://runbooks.example.com/search");
    private static final Service BILLING = new Service("billing", "Billing", "", "payments", "tier-1", 1);
    private static final Service EXPORT = new Service("export", null, null, null, null, 0.5);
    private static final Objective SEARCH_AVAILABILITY = new Objective("search", "availability",
            Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(30));
    private static final Objective SEARCH_LATENCY = new Objective("search", "latency-p95",
            Indicator.LATENCY, 0.95, 800.0, ObjectiveWindow.CALENDAR_MONTH);

    @BeforeAll
    static void setUp(TestDatabase db) {
        store = new ServiceCatalogStore(db.migrate().clickHouse(), Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
        store.upsert(List.of(SEARCH, BILLING, EXPORT), List.of(SEARCH_AVAILABILITY, SEARCH_LATENCY));
    }

    @Test
    void services_come_back_by_name_with_their_objectives() {
        List<CatalogEntry> all = store.all();

        assertThat(all).extracting(e -> e.service().name()).containsExactly("billing", "export", "search");
        assertThat(all.get(2)).isEqualTo(new CatalogEntry(SEARCH, List.of(SEARCH_AVAILABILITY, SEARCH_LATENCY)));
        assertThat(all.get(0).objectives()).isEmpty();
    }

    @Test
    void a_runbook_url_is_kept_and_a_service_without_one_has_it_empty() {
        assertThat(store.find("search").orElseThrow().service().runbookUrl()).isEqualTo("https://runbooks.example.com/search");
        assertThat(store.find("export").orElseThrow().service().runbookUrl()).isEmpty();
    }

    @Test
    void one_service_is_found_by_name_with_its_objectives() {
        assertThat(store.find("search")).contains(new CatalogEntry(SEARCH, List.of(SEARCH_AVAILABILITY, SEARCH_LATENCY)));
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.find("search' OR '1'='1")).isEmpty();
    }

    @Test
    void time_slice_budgets_and_calendar_quarters_and_years_are_read_back_as_written() {
        List<Objective> billing = List.of(
                new Objective("billing", "availability-slices", Indicator.AVAILABILITY, 0.99, null,
                        ObjectiveWindow.CALENDAR_QUARTER, Budgeting.timeslices(5, 0.95)),
                new Objective("billing", "latency-ratio", Indicator.LATENCY, 0.999, 300.0, ObjectiveWindow.CALENDAR_YEAR,
                        Budgeting.ratioTimeslices(60)));
        store.upsert(List.of(BILLING), billing);

        assertThat(store.find("billing").orElseThrow().objectives()).containsExactlyElementsOf(billing);
        assertThat(store.find("search").orElseThrow().objectives()).extracting(Objective::budgeting)
                .containsOnly(Budgeting.OCCURRENCES);
        store.remove(List.of(), billing);
    }

    @Test
    void blank_optional_fields_are_read_back_as_written() {
        assertThat(store.all().get(1).service()).isEqualTo(new Service("export", "export", "", "", "", 0.5));
    }

    @Test
    void pages_split_the_list_and_the_count_covers_all() {
        assertThat(store.countServices()).isEqualTo(3);
        assertThat(store.page(1, 1)).extracting(e -> e.service().name()).containsExactly("export");
        assertThat(store.page(3, 10)).isEmpty();
    }

    @Test
    void an_upsert_replaces_a_service_by_name() {
        Service changed = new Service("billing", "Billing v2", "", "payments", "tier-2", 2);
        store.upsert(List.of(changed), List.of());

        assertThat(store.page(0, 1).getFirst().service()).isEqualTo(changed);
        assertThat(store.countServices()).isEqualTo(3);
        store.upsert(List.of(BILLING), List.of());
    }

    @Test
    void an_objective_for_a_service_outside_the_upsert_is_refused_before_anything_is_written() {
        assertThatThrownBy(() -> store.upsert(List.of(new Service("new", null, null, null, null, 1)),
                List.of(SEARCH_AVAILABILITY)))
                .hasMessage("objective search/availability belongs to a service that is not in this upsert");
        assertThat(store.countServices()).isEqualTo(3);
    }
}
