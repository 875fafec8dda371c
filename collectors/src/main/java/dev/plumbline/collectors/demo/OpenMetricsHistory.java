package dev.plumbline.collectors.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo platform's past, as a Prometheus server would have scraped it: the same {@link DemoTraffic} played from
 * {@code from} on, its counters written every {@code scrapeInterval} in the OpenMetrics text format with timestamps,
 * for {@code promtool tsdb create-blocks-from openmetrics} to turn into blocks a real Prometheus serves. A long history
 * is written a window at a time ({@link #write(Instant, Writer)}), each window a file of its own, the counters going on
 * from one window to the next: memory holds one window's scrapes, and the files need not all exist at once.
 */
public final class OpenMetricsHistory {

    private static final int BUCKETS = DemoTraffic.BUCKETS.length + 1;   // with +Inf
    private static final int COLUMNS = BUCKETS + 2;                       // the buckets, count, sum

    private final DemoTraffic traffic;
    private final List<DemoSlice> slices;
    private final Map<DemoSlice, Integer> index = new HashMap<>();
    private final long fromSecond;
    private final long step;
    /** [slice][status][bucket, count, sum], cumulative up to {@link #second}. */
    private final double[][][] cumulative;
    private final List<double[]> totals = new ArrayList<>();
    private long second;
    private int scrapes;

    public OpenMetricsHistory(DemoTraffic traffic, Instant from, Duration scrapeInterval) {
        this.traffic = traffic;
        this.slices = traffic.slices();
        for (int i = 0; i < slices.size(); i++) {
            index.put(slices.get(i), i);
        }
        this.fromSecond = from.getEpochSecond();
        this.step = scrapeInterval.toSeconds();
        this.cumulative = new double[slices.size()][2][COLUMNS];
        this.second = fromSecond;
    }

    /** The whole history of [from, to], every scrape from {@code from} up to and including {@code to}, as one file. */
    public static void write(DemoTraffic traffic, Instant from, Instant to, Duration scrapeInterval, Writer out)
            throws IOException {
        OpenMetricsHistory history = new OpenMetricsHistory(traffic, from, scrapeInterval);
        long scrapes = (to.getEpochSecond() - from.getEpochSecond()) / scrapeInterval.toSeconds() + 1;
        history.write(from.plusSeconds(scrapes * scrapeInterval.toSeconds()), out);
    }

    /** The time of the next scrape to be written. */
    public Instant next() {
        return Instant.ofEpochSecond(fromSecond + scrapes * step);
    }

    /** Writes the scrapes from {@link #next()} until {@code end} (not included) as one OpenMetrics file. */
    public void write(Instant end, Writer out) throws IOException {
        Instant first = next();
        int n = (int) Math.max(0, (end.getEpochSecond() - first.getEpochSecond() + step - 1) / step);
        int width = slices.size() * 2 * COLUMNS;
        float[][] snapshots = new float[n][];   // [scrape][(slice * 2 + status) * COLUMNS + column]
        for (int s = 0; s < n; s++) {
            long scrapeAt = first.getEpochSecond() + s * step;
            for (; second < scrapeAt; second++) {
                traffic.second(second, (slice, failed, seconds) -> {
                    double[] c = cumulative[index.get(slice)][failed ? 1 : 0];
                    for (int b = 0; b < DemoTraffic.BUCKETS.length; b++) {
                        if (seconds <= DemoTraffic.BUCKETS[b]) {
                            c[b]++;
                        }
                    }
                    c[BUCKETS - 1]++;           // +Inf
                    c[BUCKETS]++;               // count
                    c[BUCKETS + 1] += seconds;  // sum
                });
            }
            float[] snapshot = new float[width];
            double requests = 0;
            double errors = 0;
            for (int i = 0; i < slices.size(); i++) {
                for (int f = 0; f < 2; f++) {
                    for (int c = 0; c < COLUMNS; c++) {
                        snapshot[(i * 2 + f) * COLUMNS + c] = (float) cumulative[i][f][c];
                    }
                    double count = snapshot[(i * 2 + f) * COLUMNS + BUCKETS];
                    requests += count;
                    errors += f == 1 ? count : 0;
                }
            }
            snapshots[s] = snapshot;
            totals.add(new double[] {requests, errors});
        }
        scrapes += n;
        String h = DemoMetrics.HISTOGRAM;
        out.write("# TYPE " + h + " histogram\n# UNIT " + h + " seconds\n");
        for (int i = 0; i < slices.size(); i++) {
            for (int f = 0; f < 2; f++) {
                String labels = labels(slices.get(i), f == 1);
                for (int b = 0; b < BUCKETS; b++) {
                    String le = b < DemoTraffic.BUCKETS.length ? Double.toString(DemoTraffic.BUCKETS[b]) : "+Inf";
                    series(out, h + "_bucket{" + labels + ",le=\"" + le + "\"}", snapshots, i, f, b, first);
                }
                series(out, h + "_count{" + labels + "}", snapshots, i, f, BUCKETS, first);
                series(out, h + "_sum{" + labels + "}", snapshots, i, f, BUCKETS + 1, first);
            }
        }
        String c = DemoMetrics.REQUESTS_COUNTER;
        out.write("# TYPE " + c + " counter\n");
        for (int i = 0; i < slices.size(); i++) {
            for (int f = 0; f < 2; f++) {
                series(out, c + "_total{" + labels(slices.get(i), f == 1) + "}", snapshots, i, f, BUCKETS, first);
            }
        }
        out.write("# EOF\n");
    }

    /**
     * What the counters stood at in the scrape at {@code at}, as written, summed over every slice: the requests (both
     * statuses) and the failed ones. The difference between two scrapes is the increase any exact reader must find.
     */
    public double[] counted(Instant at) {
        long k = (at.getEpochSecond() - fromSecond) / step;
        if (k < 0 || k >= totals.size() || fromSecond + k * step != at.getEpochSecond()) {
            throw new IllegalArgumentException(at + " is not a scrape written so far");
        }
        return totals.get((int) k).clone();
    }

    private void series(Writer out, String name, float[][] snapshots, int slice, int failed, int column,
                        Instant first) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int at = (slice * 2 + failed) * COLUMNS + column;
        for (int s = 0; s < snapshots.length; s++) {
            line.setLength(0);
            double v = snapshots[s][at];
            line.append(name).append(' ').append(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v))
                    .append(' ').append(first.getEpochSecond() + s * step).append('\n');
            out.write(line.toString());
        }
    }

    private static String labels(DemoSlice slice, boolean failed) {
        return DemoMetrics.SERVICE + "=\"" + slice.service() + "\"," + DemoMetrics.CUSTOMER + "=\"" + slice.customer()
                + "\"," + DemoMetrics.STATUS + "=\"" + DemoMetrics.status(failed) + "\"";
    }
}
