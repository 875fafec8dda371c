package dev.plumbline.collectors.prometheus.remote;

import dev.plumbline.collectors.prometheus.remote.prompb.Chunk;
import dev.plumbline.collectors.prometheus.remote.prompb.ChunkedReadResponse;
import dev.plumbline.collectors.prometheus.remote.prompb.ChunkedSeries;
import dev.plumbline.collectors.prometheus.remote.prompb.Label;
import dev.plumbline.collectors.prometheus.remote.prompb.LabelMatcher;
import dev.plumbline.collectors.prometheus.remote.prompb.Query;
import dev.plumbline.collectors.prometheus.remote.prompb.ReadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * Prometheus remote read (README, "Remote read"), streamed: one query's series as raw samples, decoded from the XOR
 * chunks Prometheus (or Thanos, Mimir) streams, so that Prometheus evaluates no PromQL. The request is a snappy-block
 * compressed {@link ReadRequest} accepting only STREAMED_XOR_CHUNKS, with the headers the protocol names
 * ({@code Content-Encoding: snappy}, {@code Content-Type: application/x-protobuf},
 * {@code X-Prometheus-Remote-Read-Version: 0.1.0}). Chunks are not trimmed to the range by the server and a series
 * may span frames: each series is handed over once, its chunks merged in time order (overlaps kept once) and cut to
 * [start, end].
 */
public final class RemoteReadClient {

    /** The media type of a streamed answer; any other means the server does not stream chunks. */
    public static final String STREAMED = "application/x-streamed-protobuf";
    /** Prometheus' default --storage.remote.read-max-bytes-in-frame is 1 MiB; this leaves room for other servers. */
    static final int MAX_FRAME_BYTES = 64 << 20;

    /** One series as read: its labels (sorted by name, as the server sends them) and its samples in [start, end]. */
    @FunctionalInterface
    public interface SeriesConsumer {
        void accept(Map<String, String> labels, XorChunk.Samples samples) throws IOException;
    }

    /** The server answered with an HTTP error status. */
    public static final class HttpStatus extends IOException {

        private final int status;

        HttpStatus(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The server answered, but not with streamed chunks: it does not support them (use query_range). */
    public static final class NotStreamed extends IOException {

        NotStreamed(String message) {
            super(message);
        }
    }

    /** What a read did: series, chunks and samples handed over, frames read. */
    public record Stats(long series, long chunks, long samples, long frames) {
    }

    private final URI url;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, String> headers;

    /**
     * @param url     the read endpoint (Prometheus: {@code /api/v1/read})
     * @param headers extra headers (an Authorization), none: empty
     */
    public RemoteReadClient(URI url, HttpClient http, Duration timeout, Map<String, String> headers) {
        this.url = url;
        this.http = http;
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
    }

    /** A matcher of a label's exact value. */
    public static LabelMatcher equal(String name, String value) {
        return LabelMatcher.newBuilder().setType(LabelMatcher.Type.EQ).setName(name).setValue(value).build();
    }

    /**
     * Reads the series {@code matchers} select in [startMs, endMs] (milliseconds since the epoch, both included, as
     * the protocol has it) and hands each to {@code consumer}, in the server's order.
     */
    public Stats read(List<LabelMatcher> matchers, long startMs, long endMs, SeriesConsumer consumer)
            throws IOException, InterruptedException {
        ReadRequest request = ReadRequest.newBuilder()
                .addQueries(Query.newBuilder().setStartTimestampMs(startMs).setEndTimestampMs(endMs)
                        .addAllMatchers(matchers))
                .addAcceptedResponseTypes(ReadRequest.ResponseType.STREAMED_XOR_CHUNKS).build();
        HttpRequest.Builder post = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Encoding", "snappy")
                .header("Content-Type", "application/x-protobuf")
                .header("X-Prometheus-Remote-Read-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Snappy.compress(request.toByteArray())));
        headers.forEach(post::header);
        HttpResponse<InputStream> response = http.send(post.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String text = new String(body.readNBytes(500), StandardCharsets.UTF_8).strip();
                throw new HttpStatus(response.statusCode(), "remote read " + url + ": HTTP " + response.statusCode()
                        + ": " + text);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(STREAMED)) {
                throw new NotStreamed("remote read " + url + ": the answer is '" + type + "', not streamed chunks ("
                        + STREAMED + "); this source needs query_range");
            }
            return stream(new ChunkedFrames(body, MAX_FRAME_BYTES), startMs, endMs, consumer);
        }
    }

    /** Groups the frames' chunks by series (a series may span frames) and hands each series over once. */
    static Stats stream(ChunkedFrames frames, long startMs, long endMs, SeriesConsumer consumer) throws IOException {
        List<Label> current = null;
        List<Chunk> chunks = new ArrayList<>();
        long series = 0;
        long chunkCount = 0;
        long samples = 0;
        for (ChunkedReadResponse frame = frames.next(); frame != null; frame = frames.next()) {
            for (ChunkedSeries s : frame.getChunkedSeriesList()) {
                if (current != null && !current.equals(s.getLabelsList())) {
                    samples += hand(current, chunks, startMs, endMs, consumer);
                    series++;
                    chunks.clear();
                }
                current = s.getLabelsList();
                chunks.addAll(s.getChunksList());
                chunkCount += s.getChunksCount();
            }
        }
        if (current != null) {
            samples += hand(current, chunks, startMs, endMs, consumer);
            series++;
        }
        return new Stats(series, chunkCount, samples, frames.frames());
    }

    private static long hand(List<Label> labels, List<Chunk> chunks, long startMs, long endMs, SeriesConsumer consumer)
            throws IOException {
        XorChunk.Samples merged = merge(chunks, startMs, endMs);
        Map<String, String> names = new LinkedHashMap<>();
        labels.forEach(l -> names.put(l.getName(), l.getValue()));
        consumer.accept(names, merged);
        return merged.size();
    }

    /** The chunks' samples in [startMs, endMs], in time order, one per timestamp (overlapping chunks repeat them). */
    static XorChunk.Samples merge(List<Chunk> chunks, long startMs, long endMs) throws IOException {
        List<byte[]> data = new ArrayList<>(chunks.size());
        int total = 0;
        for (Chunk c : chunks) {
            if (c.getType() != Chunk.Encoding.XOR) {
                throw new IOException("remote read: a chunk of encoding " + c.getType() + ", not XOR (native "
                        + "histograms are not read)");
            }
            byte[] bytes = c.getData().toByteArray();
            total += count(bytes);
            data.add(bytes);
        }
        // every chunk decodes into the same arrays, and the samples outside the range are dropped in place
        long[] t = new long[total];
        double[] v = new double[total];
        int n = 0;
        boolean ordered = true;
        for (byte[] bytes : data) {
            int from = n;
            int decoded;
            try {
                decoded = XorChunk.decodeInto(bytes, t, v, from);
            } catch (IllegalArgumentException e) {
                throw new IOException("remote read: " + e.getMessage(), e);
            }
            for (int i = from; i < from + decoded; i++) {
                long at = t[i];
                if (at < startMs || at > endMs) {
                    continue;
                }
                if (n > 0 && at <= t[n - 1]) {
                    ordered = false;
                }
                t[n] = at;
                v[n] = v[i];
                n++;
            }
        }
        if (!ordered) {
            return sortedUnique(t, v, n);
        }
        return n == total ? new XorChunk.Samples(t, v)
                : new XorChunk.Samples(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    private static int count(byte[] chunk) throws IOException {
        try {
            return XorChunk.count(chunk);
        } catch (IllegalArgumentException e) {
            throw new IOException("remote read: " + e.getMessage(), e);
        }
    }

    private static XorChunk.Samples sortedUnique(long[] t, double[] v, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(t[a], t[b]));
        long[] ts = new long[n];
        double[] vs = new double[n];
        int m = 0;
        for (int i : order) {
            if (m > 0 && ts[m - 1] == t[i]) {
                continue;   // the same sample from an overlapping chunk
            }
            ts[m] = t[i];
            vs[m] = v[i];
            m++;
        }
        return new XorChunk.Samples(Arrays.copyOf(ts, m), Arrays.copyOf(vs, m));
    }
}
