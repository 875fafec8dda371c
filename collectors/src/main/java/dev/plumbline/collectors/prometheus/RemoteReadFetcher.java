package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.prometheus.remote.ExactIncreases;
import dev.plumbline.collectors.prometheus.remote.RemoteReadClient;
import dev.plumbline.collectors.prometheus.remote.prompb.LabelMatcher;
import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.collectors.telemetry.SourceException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Prometheus-compatible source's chunks through remote read (README, "Remote read"): the raw samples of the
 * histogram's buckets and count and of the error counter, streamed as XOR chunks (three reads per chunk, whatever the
 * number of series), turned into exact per-minute increases ({@link ExactIncreases}: each increase in the minute of
 * its later sample, resets as Prometheus counts them) and summed by service and customer (and le) here, where
 * {@link PrometheusFetcher} has Prometheus evaluate {@code sum by (...) (increase(...[1m]))}. The samples are read from
 * {@link #LOOKBACK} before the chunk, so that its first minute has its base. The minutes then go through the same
 * {@link MinuteAssembler}.
 */
public final class RemoteReadFetcher implements ChunkFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteReadFetcher.class);
    /** How far before a chunk samples are read for the first minute's base: Prometheus' staleness delta. */
    public static final Duration LOOKBACK = Duration.ofMinutes(5);
    private static final long MINUTE_MS = 60_000;

    private final PrometheusSource source;
    private final RemoteReadClient client;
    private final Resilience resilience;

    /** @param resilience retries and the circuit breaker around each read (as the query_range path has them) */
    public RemoteReadFetcher(PrometheusSource source, RemoteReadClient client, Resilience resilience) {
        this.source = source;
        this.client = client;
        this.resilience = resilience;
    }

    /** The client a source's reads go through: its /api/v1/read, its timeout and its Authorization. */
    public static RemoteReadClient client(PrometheusSource source) {
        return new RemoteReadClient(source.url().resolve("/api/v1/read"), java.net.http.HttpClient.newBuilder()
                .connectTimeout(source.timeout()).build(), source.timeout(),
                source.authorization().map(a -> Map.of("Authorization", a)).orElse(Map.of()));
    }

    @Override
    public Settings settings() {
        return new Settings(source.name(), source.url().toString(), source.chunk(), source.delay(), "remote read");
    }

    @Override
    public Fetched fetch(Instant from, Instant to) {
        MetricNames n = source.names();
        List<Series> buckets = increases(List.of(RemoteReadClient.equal("__name__", n.histogram() + "_bucket")),
                from, to, true);
        List<Series> requests = increases(List.of(RemoteReadClient.equal("__name__", n.histogram() + "_count")),
                from, to, false);
        List<Series> errors = increases(List.of(RemoteReadClient.equal("__name__", n.errorCounter()),
                LabelMatcher.newBuilder().setType(LabelMatcher.Type.RE).setName(n.statusLabel())
                        .setValue(n.errorStatus()).build()), from, to, false);
        MinuteAssembler.Assembled assembled = MinuteAssembler.assemble(source.name(), n, buckets, requests, errors);
        if (assembled.anomalies().any()) {
            LOG.warn("source {}: {} .. {}: {}", source.name(), from, to, assembled.anomalies());
        }
        return new Fetched(assembled.minutes(), 3);
    }

    /** One read, retried while it fails in a way that may pass; a failure as the query_range path names them. */
    private void read(List<LabelMatcher> matchers, long startMs, long endMs, Runnable restart,
                      RemoteReadClient.SeriesConsumer consumer) {
        resilience.call(() -> {
            restart.run();   // an attempt after a failed one starts from nothing (its series come again)
            try {
                return client.read(matchers, startMs, endMs, consumer);
            } catch (RemoteReadClient.HttpStatus e) {
                throw new SourceException(source.name(), e.status(), "remote-read", e.getMessage(),
                        e.status() >= 500 || e.status() == 429, e);
            } catch (RemoteReadClient.NotStreamed e) {
                throw new SourceException(source.name(), 0, "not-streamed", e.getMessage(), false, e);
            } catch (java.net.http.HttpTimeoutException e) {
                throw new SourceException(source.name(), 0, "timeout", "no answer within " + source.timeout(), true, e);
            } catch (IOException e) {
                throw new SourceException(source.name(), 0, "unreachable", String.valueOf(e.getMessage()), true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(source.name(), 0, "interrupted", "the read was interrupted", true, e);
            }
        });
    }

    /** CLOSED, OPEN or HALF_OPEN: the circuit breaker of this source's reads. */
    public String circuitState() {
        return resilience.circuitState();
    }

    /** A group's per-minute sums and the minutes any of its series covered (received an increase, zero included). */
    private static final class Group {
        final double[] minutes;
        final boolean[] covered;

        Group(int size) {
            minutes = new double[size];
            covered = new boolean[size];
        }
    }

    /**
     * The exact increases of the selected series in the minutes of [from, to), summed by service and customer (and
     * le), as the points a range query at a 1-minute step gives: the point at t is the minute that ends at t.
     */
    private List<Series> increases(List<LabelMatcher> matchers, Instant from, Instant to, boolean byLe) {
        MetricNames n = source.names();
        long fromMs = from.toEpochMilli();
        int size = (int) ((to.toEpochMilli() - fromMs) / MINUTE_MS);
        Map<Map<String, String>, Group> groups = new LinkedHashMap<>();
        read(matchers, fromMs - LOOKBACK.toMillis(), to.toEpochMilli() - 1, groups::clear, (labels, samples) -> {
            Map<String, String> key = new LinkedHashMap<>();
            key.put(n.serviceLabel(), labels.getOrDefault(n.serviceLabel(), ""));
            key.put(n.customerLabel(), labels.getOrDefault(n.customerLabel(), ""));
            if (byLe) {
                key.put("le", labels.getOrDefault("le", ""));
            }
            key.values().removeIf(String::isEmpty);   // the assembler counts a series without its slice
            Group g = groups.computeIfAbsent(key, k -> new Group(size));
            // a series' increases add straight into its group's minutes: the sums by slice (and le)
            ExactIncreases.add(samples.timestamps(), samples.values(), samples.size(), fromMs, g.minutes, g.covered);
        });
        List<Series> out = new ArrayList<>(groups.size());
        long fromSeconds = from.getEpochSecond();
        for (var e : groups.entrySet()) {
            Group g = e.getValue();
            int first = 0;
            while (first < size && !g.covered[first]) {
                first++;
            }
            int last = size - 1;
            while (last >= first && !g.covered[last]) {
                last--;
            }
            if (last < first) {
                continue;   // none of its series said anything about these minutes
            }
            int count = last - first + 1;
            long[] times = new long[count];
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                times[i] = fromSeconds + 60L * (first + i + 1);
                values[i] = g.minutes[first + i];
            }
            out.add(new Series(e.getKey(), times, values));
        }
        return out;
    }
}
