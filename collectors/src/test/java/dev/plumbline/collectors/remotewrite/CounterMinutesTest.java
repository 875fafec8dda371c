package dev.plumbline.collectors.remotewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plumbline.sql.telemetry.PushedSeriesStore.Kind;
import dev.plumbline.sql.telemetry.PushedSeriesStore.SeriesMinute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CounterMinutesTest {

    private static final Counter C = new Counter("x_count{customer=\"a\",service=\"s\"}", Kind.REQUESTS, "s", "a", 0);
    private static final long T0 = Instant.parse("2026-10-05T10:00:00Z").toEpochMilli();

    private static SeriesMinute state(int minute, double increase, long lastMs, double lastValue) {
        return new SeriesMinute(C.series(), C.kind(), "s", "a", 0, Instant.ofEpochMilli(T0 + minute * 60_000L),
                increase, lastMs, lastValue);
    }

    /** seconds after T0 */
    private static long at(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }

    static Stream<Arguments> cases() {
        double stale = Double.longBitsToDouble(0x7ff0000000000002L);   // Prometheus' staleness marker
        return Stream.of(
                // name, latest, times (s), values, expected rows "minute:increase@lastSecond", accepted, dups, stale, invalid, resets
                Arguments.of("a new series' first sample is only its base", null, new double[] {7}, new double[] {40},
                        List.of("0:0.0@7.0"), 1, 0, 0, 0, 0),
                Arguments.of("a push continues the stored minute and opens the next", state(0, 5, at(10), 100),
                        new double[] {20, 70}, new double[] {103, 110}, List.of("0:8.0@20.0", "1:7.0@70.0"), 2, 0, 0, 0, 0),
                Arguments.of("a reset counts the new value", state(0, 1, at(50), 100), new double[] {65},
                        new double[] {4}, List.of("1:4.0@65.0"), 1, 0, 0, 0, 1),
                Arguments.of("samples at or before the last one are duplicates", state(0, 1, at(30), 100),
                        new double[] {10, 30, 45}, new double[] {90, 100, 102}, List.of("0:3.0@45.0"), 1, 2, 0, 0, 0),
                Arguments.of("samples pushed out of order are put in order", state(0, 0, at(5), 10),
                        new double[] {70, 20}, new double[] {30, 15}, List.of("0:5.0@20.0", "1:15.0@70.0"), 2, 0, 0, 0, 0),
                Arguments.of("a staleness marker and impossible values are skipped", state(0, 0, at(5), 10),
                        new double[] {20, 25, 30, 35}, new double[] {stale, -1, Double.POSITIVE_INFINITY, 12},
                        List.of("0:2.0@35.0"), 1, 0, 1, 2, 0),
                Arguments.of("after a gap the increase is in the later sample's minute", state(0, 2, at(50), 10),
                        new double[] {310}, new double[] {25}, List.of("5:15.0@310.0"), 1, 0, 0, 0, 0),
                Arguments.of("a push of duplicates only changes nothing", state(1, 2, at(90), 10),
                        new double[] {60, 90}, new double[] {9, 10}, List.of(), 0, 2, 0, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applies(String name, SeriesMinute latest, double[] seconds, double[] values, List<String> rows, int accepted,
                 int duplicates, int stale, int invalid, int resets) {
        long[] t = new long[seconds.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = at(seconds[i]);
        }
        CounterMinutes.Applied a = CounterMinutes.apply(C, latest, t, values);
        List<String> got = a.minutes().stream().map(m -> (m.minute().toEpochMilli() - T0) / 60_000 + ":"
                + m.increase() + "@" + (m.lastMs() - T0) / 1000.0).toList();
        assertEquals(rows, got);
        assertEquals(List.of(accepted, duplicates, stale, invalid, resets),
                List.of(a.accepted(), a.duplicates(), a.stale(), a.invalid(), a.resets()));
    }

    /**
     * A counter scraped by both servers of an HA pair (each off the minute, with jitter), their samples pushed in
     * batches split at random, a third of them sent twice (a retry, or both servers): the stored minutes add up to the
     * counter's true increase (its value at the end less its value before) over the whole run and over every
     * whole-minute range.
     */
    @Test
    void split_and_repeated_pushes_add_up_to_the_counters_true_increase() {
        Random random = new Random(17);
        for (int round = 0; round < 50; round++) {
            TreeMap<Long, Double> truth = new TreeMap<>();   // the counter's value at each moment it was scraped
            double value = 1000 * random.nextDouble();
            for (int pair = 0; pair < 2; pair++) {
                long t = at(3 + 11 * pair + random.nextInt(5));
                while (t < at(1800)) {
                    truth.put(t, 0.0);
                    t += 15_000 + random.nextInt(300) - 150;
                }
            }
            for (var e : truth.entrySet()) {
                value += random.nextInt(4) == 0 ? 0 : 50 * random.nextDouble();
                e.setValue(value);
            }
            List<long[]> pushesT = new ArrayList<>();
            List<double[]> pushesV = new ArrayList<>();
            List<Long> times = new ArrayList<>(truth.keySet());
            int i = 0;
            while (i < times.size()) {   // consecutive batches, each pushed once or twice, some late
                int n = 1 + random.nextInt(8);
                List<Long> batch = times.subList(i, Math.min(times.size(), i + n));
                long[] bt = batch.stream().mapToLong(Long::longValue).toArray();
                double[] bv = batch.stream().mapToDouble(truth::get).toArray();
                pushesT.add(bt);
                pushesV.add(bv);
                if (random.nextInt(3) == 0) {
                    pushesT.add(bt);
                    pushesV.add(bv);
                }
                i += n;
            }
            Map<Long, Double> minutes = new HashMap<>();
            SeriesMinute latest = null;
            for (int p = 0; p < pushesT.size(); p++) {
                CounterMinutes.Applied a = CounterMinutes.apply(C, latest, pushesT.get(p), pushesV.get(p));
                for (SeriesMinute m : a.minutes()) {
                    minutes.put(m.minute().toEpochMilli(), m.increase());   // a row written again replaces itself
                    latest = m;
                }
            }
            double total = minutes.values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(truth.lastEntry().getValue() - truth.firstEntry().getValue(), total, 1e-6);
            for (int a = 1; a < 30; a += 3) {
                for (int b = a + 1; b <= 30; b += 4) {
                    long from = T0 + a * 60_000L;
                    long to = T0 + b * 60_000L;
                    double sum = 0;
                    for (var e : minutes.entrySet()) {
                        if (e.getKey() >= from && e.getKey() < to) {
                            sum += e.getValue();
                        }
                    }
                    var before = truth.lowerEntry(from);   // the counter's last value before the range
                    var last = truth.lowerEntry(to);
                    assertTrue(before != null && last != null);
                    assertEquals(last.getValue() - before.getValue(), sum, 1e-6, "[" + a + ", " + b + ") minutes");
                }
            }
        }
    }
}
