package dev.plumbline.sql.watermark;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import java.util.List;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
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
        return clickHouse.queryOne(GET, Params.of("source", source).and("target", target),
                row -> row.getInstant("watermark"));
    }

    public void set(String source, String target, Instant watermark) {
        var version = RowVersions.next(clock);
        clickHouse.insert(SET, List.of(watermark), (w, c) -> {
            c.set("source", source);
            c.set("target", target);
            c.set("watermark", w);
            c.set("updated_at", version);
        });
    }
}
