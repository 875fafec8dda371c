package dev.plumbline.collectors.remotewrite;

import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.MinuteAssembler;
import dev.plumbline.collectors.prometheus.Series;
import dev.plumbline.collectors.prometheus.remote.prompb.Sample;
import dev.plumbline.collectors.prometheus.remote.prompb.TimeSeries;
import dev.plumbline.collectors.prometheus.remote.prompb.WriteRequest;
import dev.plumbline.collectors.spool.ChunkBatch;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.sql.telemetry.PushedSeriesStore;
import dev.plumbline.sql.telemetry.PushedSeriesStore.Kind;
import dev.plumbline.sql.telemetry.PushedSeriesStore.SeriesMinute;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus remote write into Plumbline (README, "Remote write"): pushed counters become per-minute increases per
 * series ({@link CounterMinutes}), stored as they arrive, before the push is answered; every flush then sums the
 * minutes that changed per slice into telemetry minutes ({@link MinuteAssembler}, as remote read does) and stores them
 * through the collectors' {@link SpooledWriter} with their roll-ups and coverage. A push the store cannot take is
 * refused (the caller answers 503 and Prometheus sends it again, its WAL holding the samples); one taken is never
 * lost, since each series' state is what was stored: after a restart the first push loads it back.
 */
public final class RemoteWriteReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteReceiver.class);
    private static final long MINUTE_MS = 60_000;
    /** After a restart, how many minutes before the latest stored one are summed again (a flush that did not run). */
    static final int RECOVERED_MINUTES = 10;

    /** What one push did; the totals since start have the same shape. */
    public record Result(int series, int samples, int accepted, int duplicates, int stale, int invalid, int resets,
                         int otherSeries, int unusableSeries, int minutesWritten) {

        static final Result NONE = new Result(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Result plus(Result o) {
            return new Result(series + o.series, samples + o.samples, accepted + o.accepted,
                    duplicates + o.duplicates, stale + o.stale, invalid + o.invalid, resets + o.resets,
                    otherSeries + o.otherSeries, unusableSeries + o.unusableSeries, minutesWritten + o.minutesWritten);
        }
    }

    /** The receiver's state: totals since start, the last push and the last flush (null before the first). */
    public record Status(String source, Result totals, long pushes, Instant lastPush, Instant lastFlush,
                         Instant latestSample, int seriesKnown, int minutesWaiting) {
    }

    private record Key(String series, Kind kind) {
    }

    private final String source;
    private final MetricNames names;
    private final SeriesClassifier classifier;
    private final PushedSeriesStore store;
    private final SpooledWriter writer;
    private final Duration stateWindow;
    private final java.time.Clock clock;
    private final Map<Key, SeriesMinute> latest = new HashMap<>();
    private final TreeSet<Long> dirty = new TreeSet<>();
    private boolean loaded;
    private Result totals = Result.NONE;
    private long pushes;
    private Instant lastPush;
    private Instant lastFlush;
    private long latestSampleMs = Long.MIN_VALUE;

    /**
     * @param stateWindow how far back, from a restart's first push, each series' last sample is looked for; a series
     *                    silent for longer starts again from its next sample
     */
    public RemoteWriteReceiver(String source, MetricNames names, SeriesClassifier classifier, PushedSeriesStore store,
                               SpooledWriter writer, Duration stateWindow, java.time.Clock clock) {
        this.source = source;
        this.names = names;
        this.classifier = classifier;
        this.store = store;
        this.writer = writer;
        this.stateWindow = stateWindow;
        this.clock = clock;
    }

    public String source() {
        return source;
    }

    /**
     * Counts one push and stores its series' minutes; returns once they are stored. A {@code StoreException} means
     * nothing of it was counted (its samples may come again).
     */
    public synchronized Result accept(WriteRequest request) {
        if (!loaded) {
            load(request);
        }
        Map<Key, SeriesMinute> changed = new LinkedHashMap<>();
        List<SeriesMinute> rows = new ArrayList<>();
        int samples = 0, accepted = 0, duplicates = 0, stale = 0, invalid = 0, resets = 0, other = 0, unusable = 0;
        for (TimeSeries ts : request.getTimeseriesList()) {
            samples += ts.getSamplesCount();
            switch (classifier.classify(ts.getLabelsList())) {
                case SeriesClassifier.Other o -> other++;
                case SeriesClassifier.Unusable u -> unusable++;
                case SeriesClassifier.Kept kept -> {
                    long[] t = new long[ts.getSamplesCount()];
                    double[] v = new double[t.length];
                    for (int i = 0; i < t.length; i++) {
                        Sample s = ts.getSamples(i);
                        t[i] = s.getTimestamp();
                        v[i] = s.getValue();
                    }
                    for (Counter c : kept.counters()) {
                        Key key = new Key(c.series(), c.kind());
                        SeriesMinute before = changed.containsKey(key) ? changed.get(key) : latest.get(key);
                        CounterMinutes.Applied applied = CounterMinutes.apply(c, before, t, v);
                        if (c == kept.counters().getFirst()) {   // a sample counts once, whatever it counts for
                            accepted += applied.accepted();
                            duplicates += applied.duplicates();
                            stale += applied.stale();
                            invalid += applied.invalid();
                            resets += applied.resets();
                        }
                        if (!applied.minutes().isEmpty()) {
                            rows.addAll(applied.minutes());
                            changed.put(key, applied.minutes().getLast());
                        }
                    }
                }
            }
        }
        store.insert(source, rows);   // throws before anything below changes
        latest.putAll(changed);
        for (SeriesMinute m : rows) {
            dirty.add(m.minute().toEpochMilli());
            latestSampleMs = Math.max(latestSampleMs, m.lastMs());
        }
        Result result = new Result(request.getTimeseriesCount(), samples, accepted, duplicates, stale, invalid, resets,
                other, unusable, rows.size());
        totals = totals.plus(result);
        pushes++;
        lastPush = clock.instant();
        return result;
    }

    /** The series' states from the store, once, from the first push's earliest sample less the state window. */
    private void load(WriteRequest request) {
        long earliest = Long.MAX_VALUE;
        for (TimeSeries ts : request.getTimeseriesList()) {
            for (Sample s : ts.getSamplesList()) {
                earliest = Math.min(earliest, s.getTimestamp());
            }
        }
        if (earliest == Long.MAX_VALUE) {
            return;   // nothing to place yet
        }
        Instant since = Instant.ofEpochMilli(earliest).minus(stateWindow).truncatedTo(ChronoUnit.MINUTES);
        long newest = Long.MIN_VALUE;
        for (SeriesMinute m : store.latest(source, since)) {
            latest.put(new Key(m.series(), m.kind()), m);
            dirty.add(m.minute().toEpochMilli());
            newest = Math.max(newest, m.minute().toEpochMilli());
        }
        for (int i = 1; newest != Long.MIN_VALUE && i <= RECOVERED_MINUTES; i++) {
            dirty.add(newest - i * MINUTE_MS);
        }
        loaded = true;
        if (!latest.isEmpty()) {
            LOG.info("remote write {}: {} series continue from their stored samples (since {})", source, latest.size(),
                    since);
        }
    }

    /**
     * Sums the minutes that changed since the last flush into telemetry minutes and writes them (spooled while
     * ClickHouse cannot take them); returns how many slice minutes were written.
     */
    public int flush() {
        List<Long> minutes;
        synchronized (this) {
            minutes = List.copyOf(dirty);
            dirty.clear();
        }
        int written = 0;
        try {
            for (long[] run : runs(minutes)) {
                written += flush(Instant.ofEpochMilli(run[0]), Instant.ofEpochMilli(run[1]));
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                dirty.addAll(minutes);   // summed again at the next flush
            }
            throw e;
        }
        synchronized (this) {
            lastFlush = clock.instant();
        }
        return written;
    }

    private int flush(Instant from, Instant to) {
        List<Series> buckets = new ArrayList<>();
        List<Series> requests = new ArrayList<>();
        List<Series> errors = new ArrayList<>();
        Map<List<Object>, List<PushedSeriesStore.SliceIncrease>> groups = new LinkedHashMap<>();
        for (PushedSeriesStore.SliceIncrease s : store.sums(source, from, to)) {
            groups.computeIfAbsent(List.of(s.service(), s.customer(), s.kind(), s.le()), k -> new ArrayList<>()).add(s);
        }
        for (var group : groups.values()) {
            PushedSeriesStore.SliceIncrease first = group.getFirst();
            Map<String, String> labels = new HashMap<>();
            labels.put(names.serviceLabel(), first.service());
            labels.put(names.customerLabel(), first.customer());
            if (first.kind() == Kind.BUCKET) {
                labels.put("le", first.le() == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(first.le()));
            }
            long[] times = new long[group.size()];
            double[] values = new double[group.size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = group.get(i).minute().getEpochSecond() + 60;   // a range point ends its minute
                values[i] = group.get(i).increase();
            }
            Series series = new Series(labels, times, values);
            (first.kind() == Kind.BUCKET ? buckets : first.kind() == Kind.REQUESTS ? requests : errors).add(series);
        }
        MinuteAssembler.Assembled assembled = MinuteAssembler.assemble(source, names, buckets, requests, errors);
        if (assembled.anomalies().any()) {
            LOG.warn("remote write {}: {} .. {}: {}", source, from, to, assembled.anomalies());
        }
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
        Instant endHour = to.truncatedTo(ChronoUnit.HOURS).equals(to) ? to : to.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        List<Instant> hours = new ArrayList<>();
        List<Integer> covered = new ArrayList<>();
        for (PushedSeriesStore.HourCoverage c : store.coverage(source, firstHour, endHour)) {
            hours.add(c.hour());
            covered.add(c.minutes());
        }
        writer.write(new ChunkBatch(source, from, to, assembled.minutes(), hours, covered));
        return assembled.minutes().size();
    }

    /** Consecutive minutes as [from, to) ranges, epoch milliseconds. */
    static List<long[]> runs(List<Long> minutes) {
        List<long[]> out = new ArrayList<>();
        for (long m : minutes) {
            if (!out.isEmpty() && out.getLast()[1] == m) {
                out.getLast()[1] = m + MINUTE_MS;
            } else {
                out.add(new long[] {m, m + MINUTE_MS});
            }
        }
        return out;
    }

    public synchronized Status status() {
        return new Status(source, totals, pushes, lastPush, lastFlush,
                latestSampleMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(latestSampleMs), latest.size(),
                dirty.size());
    }
}
