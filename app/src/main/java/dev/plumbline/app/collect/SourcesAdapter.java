package dev.plumbline.app.collect;

import dev.plumbline.dashboards.collect.Sources;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** The Collectors page's view of the collector service: the same state and backfills as /api/v1/collectors. */
@Singleton
public class SourcesAdapter implements Sources {

    private final CollectorService collectors;

    public SourcesAdapter(CollectorService collectors) {
        this.collectors = collectors;
    }

    @Override
    public List<Row> status() {
        return collectors.status().stream().map(s -> new Row(s.source(), s.kind(), s.url(), s.read(),
                s.state().equals("elsewhere") && s.collectedBy() != null ? "elsewhere (" + s.collectedBy() + ")" : s.state(),
                s.lastSuccess(),
                s.lastError(), s.errors(), s.rowsWritten(), s.lagSeconds(), s.circuit(),
                s.backfill() == null ? null : s.backfill().fraction(), s.backfill() == null ? "" : s.backfill().state(),
                s.spoolBatches(), s.refused().warning() != null || s.spans() == null ? s.refused().warning()
                        : s.spans().warning())).toList();
    }

    @Override
    public void backfill(String source, Instant from, Instant to) {
        collectors.backfill(source, from, to);
    }
}
