package dev.plumbline.collectors.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo platform's past, as a Prometheus server would have scraped it: the same {@link DemoTraffic} played from
 * {@code from} to {@code to}, its counters written every {@code scrapeInterval} in the OpenMetrics text format with
 * timestamps, for {@code promtool tsdb create-blocks-from openmetrics} to turn into blocks a real Prometheus serves.
 */
public final class OpenMetricsHistory {

    private OpenMetricsHistory() {
    }

    public static void write(DemoTraffic traffic, Instant from, Instant to, Duration scrapeInterval, Writer out)
            throws IOException {
        List<DemoSlice> slices = traffic.slices();
        Map<DemoSlice, Integer> index = new HashMap<>();
        for (int i = 0; i < slices.size(); i++) {
            index.put(slices.get(i), i);
        }
        int buckets = DemoTraffic.BUCKETS.length + 1;
        long step = scrapeInterval.toSeconds();
        int scrapes = (int) ((to.getEpochSecond() - from.getEpochSecond()) / step) + 1;
        // [slice][status][bucket or count] cumulative; snapshots per scrape: [scrape][slice][status][...]
        double[][][] cumulative = new double[slices.size()][2][buckets + 2];
        float[][][][] snapshots = new float[scrapes][][][];
        long second = from.getEpochSecond();
        for (int s = 0; s < scrapes; s++) {
            long scrapeAt = from.getEpochSecond() + s * step;
            for (; second < scrapeAt; second++) {
                traffic.second(second, (slice, failed, seconds) -> {
                    double[] c = cumulative[index.get(slice)][failed ? 1 : 0];
                    for (int b = 0; b < DemoTraffic.BUCKETS.length; b++) {
                        if (seconds <= DemoTraffic.BUCKETS[b]) {
                            c[b]++;
                        }
                    }
                    c[buckets - 1]++;           // +Inf
                    c[buckets]++;               // count
                    c[buckets + 1] += seconds;  // sum
                });
            }
            float[][][] snapshot = new float[slices.size()][2][];
            for (int i = 0; i < slices.size(); i++) {
                for (int f = 0; f < 2; f++) {
                    snapshot[i][f] = toFloats(cumulative[i][f]);
                }
            }
            snapshots[s] = snapshot;
        }
        String h = DemoMetrics.HISTOGRAM;
        out.write("# TYPE " + h + " histogram\n# UNIT " + h + " seconds\n");
        for (int i = 0; i < slices.size(); i++) {
            for (int f = 0; f < 2; f++) {
                String labels = labels(slices.get(i), f == 1);
                for (int b = 0; b < buckets; b++) {
                    String le = b < DemoTraffic.BUCKETS.length ? Double.toString(DemoTraffic.BUCKETS[b]) : "+Inf";
                    series(out, h + "_bucket{" + labels + ",le=\"" + le + "\"}", snapshots, i, f, b, from, step);
                }
                series(out, h + "_count{" + labels + "}", snapshots, i, f, buckets, from, step);
                series(out, h + "_sum{" + labels + "}", snapshots, i, f, buckets + 1, from, step);
            }
        }
        String c = DemoMetrics.REQUESTS_COUNTER;
        out.write("# TYPE " + c + " counter\n");
        for (int i = 0; i < slices.size(); i++) {
            for (int f = 0; f < 2; f++) {
                series(out, c + "_total{" + labels(slices.get(i), f == 1) + "}", snapshots, i, f, buckets, from, step);
            }
        }
        out.write("# EOF\n");
    }

    private static void series(Writer out, String name, float[][][][] snapshots, int slice, int failed, int column,
                               Instant from, long step) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int s = 0; s < snapshots.length; s++) {
            line.setLength(0);
            double v = snapshots[s][slice][failed][column];
            line.append(name).append(' ').append(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v))
                    .append(' ').append(from.getEpochSecond() + s * step).append('\n');
            out.write(line.toString());
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static String labels(DemoSlice slice, boolean failed) {
        return DemoMetrics.SERVICE + "=\"" + slice.service() + "\"," + DemoMetrics.CUSTOMER + "=\"" + slice.customer()
                + "\"," + DemoMetrics.STATUS + "=\"" + DemoMetrics.status(failed) + "\"";
    }
}
