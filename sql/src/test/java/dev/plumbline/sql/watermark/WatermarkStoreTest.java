package dev.plumbline.sql.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class WatermarkStoreTest {

    private static WatermarkStore store;

    @BeforeAll
    static void setUp(TestDatabase db) {
        // a clock that stands still: the second write must win all the same (RowVersions)
        store = new WatermarkStore(db.migrate().clickHouse(), Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), java.time.ZoneOffset.UTC));
    }

    @Test
    void an_unknown_target_has_no_watermark() {
        assertThat(store.get("prometheus", "nobody")).isEmpty();
    }

    @Test
    void the_last_watermark_set_is_the_one_read() {
        store.set("prometheus", "http_requests", Instant.parse("2026-11-01T10:00:00Z"));
        store.set("prometheus", "http_requests", Instant.parse("2026-11-01T10:05:00Z"));

        assertThat(store.get("prometheus", "http_requests")).contains(Instant.parse("2026-11-01T10:05:00Z"));
    }
}
