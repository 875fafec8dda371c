package dev.plumbline.sql.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class AnnotationStoreTest {

    private static final Instant DAY = Instant.parse("2026-11-10T00:00:00Z");
    private static final Annotation DEPLOY = new Annotation(UUID.randomUUID(), DAY.plusSeconds(3600), null,
            "search", "", AnnotationKind.DEPLOY, "search 4.2.0", "https://ci.example/1");
    private static final Annotation INCIDENT = new Annotation(UUID.randomUUID(), DAY.minusSeconds(7200),
            DAY.plusSeconds(600), "billing", "acme", AnnotationKind.INCIDENT, "card processor 502s", "");
    private static final Annotation OLD_NOTE = new Annotation(UUID.randomUUID(), DAY.minusSeconds(86400), null,
            "", "", AnnotationKind.NOTE, "it's \"quoted\"; and more", "");
    private static AnnotationStore store;

    @BeforeAll
    static void setUp(TestDatabase db) {
        store = new AnnotationStore(db.migrate().clickHouse(), Clock.fixed(java.time.Instant.parse("2026-11-05T08:00:00Z"), java.time.ZoneOffset.UTC));
        store.insert(List.of(DEPLOY, INCIDENT, OLD_NOTE));
    }

    @Test
    void a_range_gives_moments_inside_it_and_ranges_overlapping_it() {
        assertThat(store.inRange(DAY, DAY.plusSeconds(86400))).containsExactly(INCIDENT, DEPLOY);
    }

    @Test
    void filters_narrow_by_service_customer_and_kind() {
        Instant from = DAY.minusSeconds(2 * 86400);
        Instant to = DAY.plusSeconds(86400);

        assertThat(store.find(from, to, "search", "", null, 100)).containsExactly(DEPLOY);
        assertThat(store.find(from, to, "", "acme", null, 100)).containsExactly(INCIDENT);
        assertThat(store.find(from, to, "", "", AnnotationKind.NOTE, 100)).containsExactly(OLD_NOTE);
        assertThat(store.find(from, to, "", "", null, 2)).hasSize(2);
    }

    @Test
    void a_moment_before_the_range_is_left_out_and_text_survives_quotes() {
        assertThat(store.inRange(DAY.minusSeconds(86400), DAY.minusSeconds(86399))).containsExactly(OLD_NOTE);
    }
}
