package dev.plumbline.app.testing;

import dev.plumbline.collectors.prometheus.remote.prompb.Label;
import dev.plumbline.collectors.prometheus.remote.prompb.Sample;
import dev.plumbline.collectors.prometheus.remote.prompb.TimeSeries;
import dev.plumbline.collectors.prometheus.remote.prompb.WriteRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * Remote-write pushes as Prometheus sends them (a snappy-compressed protobuf WriteRequest with the protocol's headers),
 * built series by series: {@code new Pushes().series(labels, at, value, at, value...).body()}.
 */
public final class Pushes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final WriteRequest.Builder request = WriteRequest.newBuilder();

    /** One series: labels as name, value pairs; then instant, value pairs. */
    public Pushes series(String[] labels, Object... samples) {
        TimeSeries.Builder ts = TimeSeries.newBuilder();
        for (int i = 0; i < labels.length; i += 2) {
            ts.addLabels(Label.newBuilder().setName(labels[i]).setValue(labels[i + 1]));
        }
        for (int i = 0; i < samples.length; i += 2) {
            ts.addSamples(Sample.newBuilder().setTimestamp(((Instant) samples[i]).toEpochMilli())
                    .setValue(((Number) samples[i + 1]).doubleValue()));
        }
        request.addTimeseries(ts);
        return this;
    }

    public byte[] body() {
        try {
            return Snappy.compress(request.build().toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The protocol's three headers. */
    public static Map<String, String> headers() {
        return Map.of("Content-Type", "application/x-protobuf", "Content-Encoding", "snappy",
                "X-Prometheus-Remote-Write-Version", "0.1.0");
    }

    /** POSTs {@code body} to the app's /api/v1/write with {@code headers} (each may be left out or replaced). */
    public static HttpResponse<String> post(RunningApp app, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(app.uri("/api/v1/write"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        new HashMap<>(headers).forEach(r::header);
        try {
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link #headers()} and {@code more}, {@code more} winning. */
    public static Map<String, String> headers(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(headers());
        all.putAll(more);
        return all;
    }
}
