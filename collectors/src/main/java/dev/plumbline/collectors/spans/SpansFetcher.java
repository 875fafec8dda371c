package dev.plumbline.collectors.spans;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.collectors.telemetry.SourceException;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.spans.SpanMinute;
import dev.plumbline.sql.spans.SpanReader;
import dev.plumbline.sql.spans.SpanRules;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A spans source's chunks: one GROUP BY in the ClickHouse that holds the spans per chunk (see the schema's
 * {@code _minutes.sql}), however many services and customers there are. Each minute's latency histogram has the
 * configured bounds and the catalog's latency thresholds (read at each chunk), so a latency objective is counted exactly,
 * not interpolated. Spans without a service or a customer are dropped and counted; the rest is stored.
 */
public final class SpansFetcher implements ChunkFetcher {

    private final SpansSource source;
    private final SpanReader reader;
    private final Supplier<List<Double>> thresholds;
    private final Resilience resilience;
    /** Request spans per minute as last read, for the minutes the lateness window may read again. */
    private final TreeMap<Instant, Long> lastRead = new TreeMap<>();
    private SpanTally tally = SpanTally.NONE;

    /** @param thresholds the catalog's latency thresholds in seconds, read at each chunk */
    public SpansFetcher(SpansSource source, SpanReader reader, Supplier<List<Double>> thresholds, Resilience resilience) {
        this.source = source;
        this.reader = reader;
        this.thresholds = thresholds;
        this.resilience = resilience;
    }

    @Override
    public Settings settings() {
        return new Settings(source.name(), source.location(), source.chunk(), source.delay(),
                "spans in ClickHouse (" + source.schema().key() + ")");
    }

    public Resilience resilience() {
        return resilience;
    }

    public SpansSource source() {
        return source;
    }

    /** What was read, dropped and caveated since the start. */
    public synchronized SpanTally tally() {
        return tally;
    }

    /** The rules a chunk is read with: the configured ones, with the catalog's thresholds among the bounds. */
    SpanRules rules() {
        return source.rules().withBounds(thresholds.get());
    }

    @Override
    public Fetched fetch(Instant from, Instant to) {
        SpanRules rules = rules();
        List<Double> le = rules.storedBounds();
        List<SpanMinute> rows = resilience.call(() -> read(() -> reader.minutes(from, to, rules)));
        List<TelemetryMinute> out = new ArrayList<>(rows.size());
        long spans = 0, noCustomer = 0, noService = 0, unknown = 0, badWeight = 0, badHttp = 0;
        Map<Instant, Long> perMinute = new HashMap<>();
        for (SpanMinute m : rows) {
            spans += m.spans();
            perMinute.merge(m.minute(), m.spans(), Long::sum);
            if (m.service().isEmpty()) {
                noService += m.spans();
                continue;
            }
            if (m.customer().isEmpty()) {
                noCustomer += m.spans();
                continue;
            }
            unknown += m.unknownStatus();
            badWeight += m.badWeight();
            badHttp += m.badHttpStatus();
            List<Double> counts = new ArrayList<>(m.bucketWeights().length);
            for (double w : m.bucketWeights()) {
                counts.add(w);
            }
            out.add(new TelemetryMinute(m.service(), m.customer(), source.name(), m.minute(), m.requests(),
                    Math.min(m.errors(), m.requests()), le, counts, true));
        }
        long late = late(from, to, perMinute);
        synchronized (this) {
            tally = tally.plus(new SpanTally(spans, noCustomer, noService, unknown, badWeight, badHttp, late, 0));
        }
        return new Fetched(out, 1);
    }

    /** Counts the spans a minute has gained since it was last read, and remembers this read within the lateness. */
    private synchronized long late(Instant from, Instant to, Map<Instant, Long> perMinute) {
        long late = 0;
        for (Instant m = from; m.isBefore(to); m = m.plus(Duration.ofMinutes(1))) {
            long now = perMinute.getOrDefault(m, 0L);
            Long before = lastRead.put(m, now);
            if (before != null && now > before) {
                late += now - before;
            }
        }
        Instant keepFrom = lastRead.lastKey().minus(source.lateness()).minus(source.chunk());
        lastRead.headMap(keepFrom).clear();
        return late;
    }

    /** Counts the request spans stamped more than a minute after {@code now}: they come from clocks that run ahead. */
    public void countAhead(Instant now) {
        long ahead = resilience.call(() -> read(() -> reader.ahead(now.plus(Duration.ofMinutes(1)), source.rules())));
        synchronized (this) {
            tally = tally.withAhead(ahead);
        }
    }

    /** A failure of the spans' ClickHouse as a source failure: retried when it may pass, named either way. */
    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (StoreException e) {
            throw new SourceException(source.name(), 0, "clickhouse", "the spans' ClickHouse at "
                    + source.location() + ": " + e.getMessage(), e.retryable(), e);
        }
    }
}
