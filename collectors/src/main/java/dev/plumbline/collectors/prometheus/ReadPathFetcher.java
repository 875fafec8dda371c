package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.SourceException;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Prometheus-compatible source read by remote read or by query_range, as its {@link ReadPath} says. With
 * {@code auto}, remote read until the source answers that it has none (no streamed chunks, or HTTP 404, 405 or 501
 * from /api/v1/read: VictoriaMetrics, for one, has no remote read); from then on query_range, for that chunk too,
 * and the Collectors page says so. Any other failure is the chunk's failure, as on either path.
 */
public final class ReadPathFetcher implements ChunkFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ReadPathFetcher.class);
    private static final Set<Integer> NO_REMOTE_READ = Set.of(404, 405, 501);

    private final String source;
    private final ChunkFetcher remoteRead;
    private final ChunkFetcher queryRange;
    private final Supplier<String> remoteCircuit;
    private final Supplier<String> rangeCircuit;
    private final ReadPath configured;
    private volatile ReadPath path;

    public ReadPathFetcher(String source, ReadPath path, ChunkFetcher remoteRead, Supplier<String> remoteCircuit,
                           ChunkFetcher queryRange, Supplier<String> rangeCircuit) {
        this.source = source;
        this.configured = path;
        this.path = path;
        this.remoteRead = remoteRead;
        this.remoteCircuit = remoteCircuit;
        this.queryRange = queryRange;
        this.rangeCircuit = rangeCircuit;
    }

    /** The path reads take now: remote-read or query-range (auto until the source said it has no remote read). */
    public ReadPath path() {
        return path;
    }

    @Override
    public Settings settings() {
        Settings s = (path == ReadPath.QUERY_RANGE ? queryRange : remoteRead).settings();
        String why = path == ReadPath.QUERY_RANGE && configured == ReadPath.AUTO ? " (no streamed remote read)" : "";
        return new Settings(s.source(), s.location(), s.chunk(), s.delay(), s.method() + why);
    }

    @Override
    public Fetched fetch(Instant from, Instant to) {
        if (path == ReadPath.QUERY_RANGE) {
            return queryRange.fetch(from, to);
        }
        try {
            return remoteRead.fetch(from, to);
        } catch (SourceException e) {
            boolean none = "not-streamed".equals(e.errorType()) || NO_REMOTE_READ.contains(e.status());
            if (path != ReadPath.AUTO || !none) {
                throw e;
            }
            LOG.warn("source {}: no streamed remote read ({}); reading it through query_range from now on", source,
                    e.getMessage());
            path = ReadPath.QUERY_RANGE;
            return queryRange.fetch(from, to);
        }
    }

    /** The circuit breaker state of the path in use. */
    public String circuitState() {
        return (path == ReadPath.QUERY_RANGE ? rangeCircuit : remoteCircuit).get();
    }
}
