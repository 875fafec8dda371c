package dev.plumbline.collectors.bench;

import dev.plumbline.collectors.prometheus.remote.prompb.Label;
import dev.plumbline.collectors.prometheus.remote.prompb.Sample;
import dev.plumbline.collectors.prometheus.remote.prompb.TimeSeries;
import dev.plumbline.collectors.prometheus.remote.prompb.WriteRequest;
import dev.plumbline.sql.telemetry.PushedSeriesStore.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.xerial.snappy.Snappy;

/**
 * What a Prometheus remote-writing the counters of SLICES slices (customer x service) sends, and what the receiver
 * must store, computed here without the receiver's code. Each slice has 7 series with the plumbline preset's names:
 * the histogram's {@code _count}, four cumulative {@code _bucket}s, {@code http_server_requests_total} with status 500
 * (errors) and with status 200 (not one of Plumbline's series: skipped). Every series is scraped every 15 s (each
 * service's target at its own offset in the second) for MINUTES; like Prometheus' queue, a push carries one sample of
 * each of up to SAMPLES_PER_PUSH series, so each scrape is cut into pushes series by series.
 */
final class PushedHistory {

    static final String[] LE = {"0.1", "0.5", "2.5", "+Inf"};
    private static final long SCRAPE_MS = 15_000;
    private static final long MINUTE_MS = 60_000;

    /** One pushed series: its labels as name, value pairs, its identity, what it counts (null: skipped). */
    record PushedSeries(String[] labels, String identity, Kind kind, String service, String customer, double le,
                        long offsetMs, double[] values) {
    }

    final List<PushedSeries> series = new ArrayList<>();
    final long startMs;
    final int scrapes;
    final int perPush;

    PushedHistory(int slices, int minutes, int perPush, long startMs) {
        this.startMs = startMs;
        this.scrapes = minutes * 4;
        this.perPush = perPush;
        int services = Math.min(40, slices);
        for (int i = 0; i < slices; i++) {
            String service = "service-" + (i % services);
            String customer = String.format("customer-%04d", i / services);
            long offset = 1_000 + 350L * (i % services);
            SplittableRandom r = new SplittableRandom(i);
            int rate = 1 + (i * 7919) % 40;   // requests per second
            double[][] v = new double[7][scrapes];   // count, 4 buckets, errors, ok
            double base = (i % 97) * 1000.0;   // a process that has been up a while
            for (int k = 0; k < scrapes; k++) {
                long inc = k == 0 ? 0 : r.nextInt(rate * 15 + 1);
                long errors = r.nextInt((int) (inc / 20) + 1);
                long b1 = r.nextLong(inc + 1);
                long b2 = b1 + r.nextLong(inc - b1 + 1);
                long b3 = b2 + r.nextLong(inc - b2 + 1);
                long[] add = {inc, b1, b2, b3, inc, errors, inc - errors};
                for (int s = 0; s < 7; s++) {
                    v[s][k] = (k == 0 ? base * (s == 5 ? 0.01 : 1) : v[s][k - 1]) + add[s];
                }
            }
            String h = "http_server_request_duration_seconds";
            add(new String[] {"__name__", h + "_count"}, Kind.REQUESTS, service, customer, null, null, offset, v[0]);
            for (int b = 0; b < LE.length; b++) {
                add(new String[] {"__name__", h + "_bucket"}, Kind.BUCKET, service, customer, LE[b], null, offset,
                        v[1 + b]);
            }
            add(new String[] {"__name__", "http_server_requests_total"}, Kind.ERRORS, service, customer, null, "500",
                    offset, v[5]);
            add(new String[] {"__name__", "http_server_requests_total"}, null, service, customer, null, "200", offset,
                    v[6]);
        }
    }

    private void add(String[] name, Kind kind, String service, String customer, String le, String status, long offset,
                     double[] values) {
        // Prometheus sends labels sorted by name; the identity is the text form without __name__ inside the braces
        List<String> l = new ArrayList<>(List.of(name[0], name[1], "customer", customer, "instance", service + ":8080",
                "job", "plumbline-demo"));
        if (le != null) {
            l.addAll(List.of("le", le));
        }
        l.addAll(List.of("service", service));
        if (status != null) {
            l.addAll(List.of("status_code", status));
        }
        StringBuilder id = new StringBuilder(name[1]).append('{');
        for (int i = 2; i < l.size(); i += 2) {
            id.append(i == 2 ? "" : ",").append(l.get(i)).append("=\"").append(l.get(i + 1)).append('"');
        }
        double bound = le == null ? 0 : le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        series.add(new PushedSeries(l.toArray(String[]::new), id.append('}').toString(), kind, service, customer, bound,
                offset, values));
    }

    long time(PushedSeries s, int scrape) {
        return startMs + s.offsetMs() + scrape * SCRAPE_MS;
    }

    int pushesPerScrape() {
        return (series.size() + perPush - 1) / perPush;
    }

    List<PushedSeries> push(int p) {
        return series.subList(p * perPush, Math.min(series.size(), (p + 1) * perPush));
    }

    /** The snappy body of scrape {@code k}'s push {@code p}. */
    byte[] body(int k, int p) {
        WriteRequest.Builder request = WriteRequest.newBuilder();
        for (PushedSeries s : push(p)) {
            TimeSeries.Builder ts = TimeSeries.newBuilder();
            for (int i = 0; i < s.labels().length; i += 2) {
                ts.addLabels(Label.newBuilder().setName(s.labels()[i]).setValue(s.labels()[i + 1]));
            }
            ts.addSamples(Sample.newBuilder().setTimestamp(time(s, k)).setValue(s.values()[k]));
            request.addTimeseries(ts);
        }
        try {
            return Snappy.compress(request.build().toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pushed_series_minute rows scrape {@code k}'s push {@code p} must write, as TSV for a raw insert: one per kept
     * series, its minute's increase so far (each increase in the minute of its later sample; the first sample is only a
     * base) and the sample.
     */
    byte[] rowsTsv(String source, int k, int p) {
        StringBuilder sb = new StringBuilder(perPush * 200);
        for (PushedSeries s : push(p)) {
            if (s.kind() == null) {
                continue;
            }
            long minute = Math.floorDiv(time(s, k), MINUTE_MS);
            double increase = 0;
            for (int j = k; j >= 1 && Math.floorDiv(time(s, j), MINUTE_MS) == minute; j--) {
                increase += s.values()[j] - s.values()[j - 1];
            }
            sb.append(source).append('\t').append(minute * 60).append('\t').append(s.service()).append('\t')
                    .append(s.customer()).append('\t').append(s.identity()).append('\t').append(s.kind().sql())
                    .append('\t').append(Double.isInfinite(s.le()) ? "inf" : Double.toString(s.le())).append('\t')
                    .append(increase).append('\t').append(time(s, k)).append('\t').append(s.values()[k])
                    .append("\t2026-12-01 00:00:00.000\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Per kind, the pushed counters' increase over the whole history: what the stored minutes must add up to. */
    Map<Kind, Double> increases() {
        Map<Kind, Double> out = new EnumMap<>(Kind.class);
        for (PushedSeries s : series) {
            if (s.kind() != null) {
                out.merge(s.kind(), s.values()[scrapes - 1] - s.values()[0], Double::sum);
            }
        }
        return out;
    }

    long kept() {
        return series.stream().filter(s -> s.kind() != null).count();
    }
}
