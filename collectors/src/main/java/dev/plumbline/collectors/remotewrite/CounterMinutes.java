package dev.plumbline.collectors.remotewrite;

import dev.plumbline.collectors.prometheus.remote.ExactIncreases;
import dev.plumbline.sql.telemetry.PushedSeriesStore.SeriesMinute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: a pushed counter's new samples turned into per-minute increases, continuing from the series' latest stored
 * minute, by the rule remote read uses ({@link ExactIncreases}: each increase in the minute of its later sample, a
 * reset counts the new value). A sample at or before the series' last one is a duplicate (a retried push, or the other
 * server of an HA pair) and changes nothing; a staleness marker (NaN) and a value that no counter has (negative,
 * infinite) are skipped. So the minutes add up, over any range, to the counter's increase across it however often and
 * from however many servers the samples come.
 */
public final class CounterMinutes {

    private static final long MINUTE_MS = 60_000;

    private CounterMinutes() {
    }

    /**
     * What the samples did.
     *
     * @param minutes    the series' minutes that changed, oldest first (the latest one is the series' new state)
     * @param accepted   samples counted
     * @param duplicates samples at or before the series' last sample
     * @param stale      staleness markers
     * @param invalid    negative or infinite values
     * @param resets     counter resets among the accepted samples
     */
    public record Applied(List<SeriesMinute> minutes, int accepted, int duplicates, int stale, int invalid,
                          int resets) {
    }

    /**
     * @param latest     the series' latest minute (null for a series never seen: its first sample is only a base)
     * @param timestamps the samples' times, epoch milliseconds, in the order pushed
     */
    public static Applied apply(Counter counter, SeriesMinute latest, long[] timestamps, double[] values) {
        int n = timestamps.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(timestamps[a], timestamps[b]));   // stable
        long[] t = new long[n + 1];
        double[] v = new double[n + 1];
        int count = 0;
        if (latest != null) {
            t[0] = latest.lastMs();
            v[0] = latest.lastValue();
            count = 1;
        }
        long last = latest == null ? Long.MIN_VALUE : latest.lastMs();
        int duplicates = 0;
        int stale = 0;
        int invalid = 0;
        for (int i : order) {
            double value = values[i];
            if (Double.isNaN(value)) {
                stale++;
            } else if (value < 0 || Double.isInfinite(value)) {
                invalid++;
            } else if (timestamps[i] <= last) {
                duplicates++;
            } else {
                t[count] = timestamps[i];
                v[count] = value;
                last = timestamps[i];
                count++;
            }
        }
        int firstNew = latest == null ? 0 : 1;
        int accepted = count - firstNew;
        if (accepted == 0) {
            return new Applied(List.of(), 0, duplicates, stale, invalid, 0);
        }
        long fromMs = Math.floorDiv(t[0], MINUTE_MS) * MINUTE_MS;
        int size = (int) (Math.floorDiv(t[count - 1] - fromMs, MINUTE_MS) + 1);
        double[] increases = new double[size];
        int resets = ExactIncreases.add(t, v, count, fromMs, increases, null);
        if (latest != null) {
            increases[0] += latest.increase();   // slot 0 is the latest minute: what it had grows
        }
        List<SeriesMinute> out = new ArrayList<>();
        for (int i = firstNew; i < count; i++) {
            boolean lastOfMinute = i == count - 1 || Math.floorDiv(t[i + 1], MINUTE_MS) != Math.floorDiv(t[i], MINUTE_MS);
            if (lastOfMinute) {
                int slot = (int) Math.floorDiv(t[i] - fromMs, MINUTE_MS);
                out.add(new SeriesMinute(counter.series(), counter.kind(), counter.service(), counter.customer(),
                        counter.le(), Instant.ofEpochMilli(fromMs + slot * MINUTE_MS), increases[slot], t[i], v[i]));
            }
        }
        return new Applied(List.copyOf(out), accepted, duplicates, stale, invalid, resets);
    }
}
