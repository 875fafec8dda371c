package dev.plumbline.collectors.prometheus.remote;

/**
 * Per-minute increases of a counter from its raw samples, with no extrapolation (README, "Remote read"). Pure. The
 * rule: the increase between two consecutive samples belongs to the minute of the later one; a value below the one
 * before is a counter reset, and the increase is then the new value (what Prometheus' {@code increase()} counts for a
 * reset, since the counter restarted from zero). Staleness markers (NaN) are left out, as Prometheus leaves them out of
 * a range. The first sample of a series has no increase (nothing is known before
 * it); a caller that wants the minutes from some instant on passes the samples from a lookback before it, so that the
 * first minute's increase has its base. The minutes' increases then add up, over any range of whole minutes, to the
 * counter's true increase across that range.
 */
public final class ExactIncreases {

    private static final long MINUTE_MS = 60_000;

    private ExactIncreases() {
    }

    /**
     * Adds the increases of one series' samples (in time order, as a chunk decodes them) into {@code minutes}, whose
     * slot {@code i} is the minute starting at {@code fromMs + i} minutes; increases of samples outside those minutes
     * are left out (they only serve as bases).
     *
     * @return how many counter resets were seen within the minutes
     */
    public static int add(long[] timestamps, double[] values, int count, long fromMs, double[] minutes) {
        return add(timestamps, values, count, fromMs, minutes, null);
    }

    /**
     * As {@link #add(long[], double[], int, long, double[])}, also marking in {@code covered} (when not null) each
     * minute that received an increase, zero included: the minutes the series says something about.
     */
    public static int add(long[] timestamps, double[] values, int count, long fromMs, double[] minutes,
                          boolean[] covered) {
        int resets = 0;
        double before = Double.NaN;   // the last value that is a number: staleness markers (NaN) are left out
        for (int i = 0; i < count; i++) {
            double now = values[i];
            if (Double.isNaN(now)) {
                continue;
            }
            if (!Double.isNaN(before)) {
                long slot = Math.floorDiv(timestamps[i] - fromMs, MINUTE_MS);
                if (slot >= 0 && slot < minutes.length) {
                    if (covered != null) {
                        covered[(int) slot] = true;
                    }
                    if (now < before) {
                        resets++;
                        minutes[(int) slot] += now;
                    } else {
                        minutes[(int) slot] += now - before;
                    }
                }
            }
            before = now;
        }
        return resets;
    }
}
