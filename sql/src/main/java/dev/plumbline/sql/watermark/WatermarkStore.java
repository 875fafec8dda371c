package dev.plumbline.sql.watermark;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.RowVersions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Per source and target, the last whole minute a collector stored. */
public final class WatermarkStore {

    private static final NamedQuery GET = NamedQuery.load(WatermarkStore.class, "get_watermark.sql");
    private static final NamedQuery SET = NamedQuery.load(WatermarkStore.class, "set_watermark.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public WatermarkStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    public Optional<Instant> get(String source, String target) {
        return clickHouse.queryOne(GET, row -> {
            Timestamp t = row.getTimestamp(1);
            return t.toInstant();
        }, source, target);
    }

    public void set(String source, String target, Instant watermark) {
        clickHouse.execute(SET, source, target, watermark, RowVersions.next(clock));
    }
}
