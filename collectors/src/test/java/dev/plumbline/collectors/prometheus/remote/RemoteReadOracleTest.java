package dev.plumbline.collectors.prometheus.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.testing.LocalPrometheus;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote read against a real Prometheus 2.42 (Debian's; bin/test installs it), filled by promtool with series whose
 * every sample this test made: scrapes 15 s apart but 7.3 s off the minute with millisecond jitter, a scrape 40 s
 * late, a gap of 5 minutes and one of 70 minutes, a counter reset, and a gauge whose values take every branch of the
 * XOR encoding (equal, small and large changes, fractions, negatives, huge numbers). The oracle is what was written:
 * the decoded chunks give back every timestamp and value exactly, and the exact per-minute increases add up, over any
 * range of whole minutes, to the increments the generator put into the counter there, where Prometheus' own
 * {@code increase()} extrapolates.
 */
class RemoteReadOracleTest {

    private static final long T0 = 1_790_000_000_000L - 1_790_000_000_000L % 3_600_000L;   // a whole hour (2026-09)
    private static final int SCRAPES = 1_000;
    private static LocalPrometheus prometheus;
    private static final List<long[]> counterTimes = new ArrayList<>();   // {timestamp ms}
    private static final List<double[]> counter = new ArrayList<>();      // {value, increment at that scrape}
    private static final List<long[]> gaugeTimes = new ArrayList<>();
    private static final List<Double> gauge = new ArrayList<>();

    @BeforeAll
    static void fill(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(17);
        long t = T0 + 7_300;
        double value = 0;
        for (int i = 0; i < SCRAPES; i++) {
            t += 15_000 + r.nextInt(-400, 401);            // jitter: the 14-bit delta of deltas
            if (i == 200) {
                t += 40_000;                               // a late scrape: 17 bits
            } else if (i == 400) {
                t += 300_000;                              // a 5-minute gap: 20 bits
            } else if (i == 600) {
                t += 4_200_000;                            // a 70-minute gap: 64 bits
            }
            double increment = r.nextInt(10) < 2 ? 0 : r.nextInt(1, 500);
            if (i == 700) {
                value = increment;                         // the counter restarts from zero
            } else {
                value += increment;
            }
            counterTimes.add(new long[] {t});
            counter.add(new double[] {value, i == 0 ? 0 : increment});
        }
        long g = T0 + 3_000;
        double[] special = {0, 0, 0.5, -0.5, 1e300, -1e-300, 42, 42, 42.000001, Math.PI, -7, 1e6};
        for (int i = 0; i < 400; i++) {
            g += i % 50 == 49 ? 61_000 : 30_000;
            gaugeTimes.add(new long[] {g});
            gauge.add(i < special.length ? special[i] : r.nextInt(3) == 0 ? gauge.get(i - 1) : r.nextDouble(-1e4, 1e4));
        }
        Path om = dir.resolve("history.om");
        try (Writer out = Files.newBufferedWriter(om)) {
            out.write("# TYPE oracle_requests counter\n");
            for (int i = 0; i < SCRAPES; i++) {
                out.write("oracle_requests_total{series=\"a\"} " + num(counter.get(i)[0]) + " "
                        + seconds(counterTimes.get(i)[0]) + "\n");
            }
            out.write("# TYPE oracle_level gauge\n");
            for (int i = 0; i < gauge.size(); i++) {
                out.write("oracle_level{series=\"g\"} " + num(gauge.get(i)) + " " + seconds(gaugeTimes.get(i)[0]) + "\n");
            }
            out.write("# EOF\n");
        }
        LocalPrometheus.backfill(om, dir.resolve("prometheus"));
        prometheus = LocalPrometheus.start(dir.resolve("prometheus"), List.of(), Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static String num(double v) {
        return Double.toString(v).replace("Infinity", "Inf");
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
    }

    private static RemoteReadClient client() {
        return new RemoteReadClient(prometheus.url().resolve("/api/v1/read"), HttpClient.newHttpClient(),
                Duration.ofSeconds(60), Map.of());
    }

    private static Map<Map<String, String>, XorChunk.Samples> read(String metric, long from, long to) throws Exception {
        Map<Map<String, String>, XorChunk.Samples> out = new LinkedHashMap<>();
        RemoteReadClient.Stats stats = client().read(List.of(RemoteReadClient.equal("__name__", metric)), from, to,
                out::put);
        assertThat(stats.series()).isEqualTo(out.size());
        assertThat(stats.frames()).isPositive();
        return out;
    }

    @Test
    void every_sample_comes_back_exactly_from_the_chunks() throws Exception {
        long end = T0 + 48 * 3_600_000L;
        XorChunk.Samples c = read("oracle_requests_total", T0, end).get(Map.of("__name__", "oracle_requests_total",
                "series", "a"));
        assertThat(c.size()).isEqualTo(SCRAPES);
        for (int i = 0; i < SCRAPES; i++) {
            assertThat(c.timestamps()[i]).as("timestamp %d", i).isEqualTo(counterTimes.get(i)[0]);
            assertThat(c.values()[i]).as("value %d", i).isEqualTo(counter.get(i)[0]);
        }
        XorChunk.Samples g = read("oracle_level", T0, end).values().iterator().next();
        assertThat(g.size()).isEqualTo(gauge.size());
        for (int i = 0; i < gauge.size(); i++) {
            assertThat(g.timestamps()[i]).as("gauge timestamp %d", i).isEqualTo(gaugeTimes.get(i)[0]);
            assertThat(Double.doubleToRawLongBits(g.values()[i])).as("gauge value %d: %s", i, gauge.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(gauge.get(i)));
        }
    }

    @Test
    void a_range_is_cut_to_its_bounds_though_chunks_are_not() throws Exception {
        long from = counterTimes.get(300)[0];
        long to = counterTimes.get(310)[0];
        XorChunk.Samples c = read("oracle_requests_total", from, to).values().iterator().next();
        assertThat(c.timestamps()).as("both bounds included").hasSize(11).startsWith(from).endsWith(to);
    }

    @Test
    void exact_minutes_add_up_to_the_increments_made_where_increase_extrapolates() throws Exception {
        long firstMinute = Math.floorDiv(counterTimes.get(1)[0], 60_000L) * 60_000L;
        long lastMinute = Math.floorDiv(counterTimes.get(SCRAPES - 1)[0], 60_000L) * 60_000L + 60_000L;
        double[] minutes = new double[(int) ((lastMinute - firstMinute) / 60_000L)];
        XorChunk.Samples c = read("oracle_requests_total", firstMinute - 300_000L, lastMinute).values().iterator().next();
        int resets = ExactIncreases.add(c.timestamps(), c.values(), c.size(), firstMinute, minutes);
        assertThat(resets).isEqualTo(1);

        int differs = 0;
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < 40; k++) {
            int a = r.nextInt(minutes.length - 10);
            int b = a + 1 + r.nextInt(Math.min(180, minutes.length - a - 1));
            double ours = 0;
            for (int m = a; m < b; m++) {
                ours += minutes[m];
            }
            long from = firstMinute + a * 60_000L;
            long to = firstMinute + b * 60_000L;
            double made = 0;
            for (int i = 0; i < SCRAPES; i++) {
                if (counterTimes.get(i)[0] >= from && counterTimes.get(i)[0] < to) {
                    made += counter.get(i)[1];
                }
            }
            assertThat(ours).as("minutes %d to %d", a, b).isEqualTo(made);
            Double increase = increase(from, to);
            if (increase != null && increase != made) {
                differs++;
            }
        }
        assertThat(differs).as("increase() extrapolates where the exact minutes do not").isPositive();
    }

    /** Prometheus' increase() over [from, to), or null when it has no value there. */
    private static Double increase(long from, long to) throws Exception {
        String q = "increase(oracle_requests_total[" + (to - from) / 1000 + "s])";
        URI uri = prometheus.url().resolve("/api/v1/query?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&time=" + seconds(to - 1));
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]").matcher(body);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
