package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data-volume bands are defined once, in customers_as_of.sql; {@link RankingFilter#VOLUME_BANDS} lists them for
 * the API's filter and the ROI page's picker. Customers at every edge, each band written out here by hand.
 */
@ExtendWith(ClickHouseExtension.class)
class VolumeBandsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);
    /** Data volume in GB (null: unknown) and the band it belongs to. */
    private static final Map<Double, String> EDGES = new LinkedHashMap<>();
    private static final NamedQuery BANDS = new NamedQuery("test/volume_bands",
            "SELECT id, volume_band FROM customers_as_of(as_of = {as_of:Date}) ORDER BY data_volume_gb, id");
    private static TestDatabase database;

    static {
        EDGES.put(0.0, "<10 GB");
        EDGES.put(9.99, "<10 GB");
        EDGES.put(10.0, "10-100 GB");
        EDGES.put(99.9, "10-100 GB");
        EDGES.put(100.0, "100 GB-1 TB");
        EDGES.put(999.0, "100 GB-1 TB");
        EDGES.put(1000.0, "1-10 TB");
        EDGES.put(9999.9, "1-10 TB");
        EDGES.put(10000.0, ">=10 TB");
        EDGES.put(250000.0, ">=10 TB");
    }

    @BeforeAll
    static void setUp(TestDatabase db) {
        database = db.migrate();
        List<Customer> customers = new ArrayList<>();
        int i = 0;
        for (Double gb : EDGES.keySet()) {
            customers.add(customer("c" + i++, gb));
        }
        customers.add(customer("unknown", null));
        new CustomerStore(db.clickHouse(), Clock.fixed(Instant.parse("2026-10-02T00:00:00Z"), ZoneOffset.UTC))
                .upsert(customers);
    }

    private static Customer customer(String id, Double gb) {
        return new Customer(id, id, "smb", "eu", "basic", new BigDecimal("1000.00"), "USD", null, null, null, gb, DAY);
    }

    @Test
    void each_volume_falls_in_its_band_and_an_unknown_volume_in_none() {
        Map<String, String> bands = new LinkedHashMap<>();
        database.clickHouse().query(BANDS, Params.of("as_of", DAY), row -> bands.put(row.getString("id"),
                row.getString("volume_band")));
        int i = 0;
        for (Map.Entry<Double, String> e : EDGES.entrySet()) {
            assertThat(bands.get("c" + i++)).as(e.getKey() + " GB").isEqualTo(e.getValue());
        }
        assertThat(bands.get("unknown")).as("an unknown volume").isEmpty();
    }

    @Test
    void the_filters_list_is_the_views_bands_smallest_first() {
        List<String> seen = new ArrayList<>();
        database.clickHouse().query(BANDS, Params.of("as_of", DAY), row -> row.getString("volume_band")).stream()
                .filter(b -> !b.isEmpty() && !seen.contains(b)).forEach(seen::add);
        assertThat(RankingFilter.VOLUME_BANDS).containsExactlyElementsOf(seen);
    }
}
