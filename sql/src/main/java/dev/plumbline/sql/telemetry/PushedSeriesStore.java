package dev.plumbline.sql.telemetry;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The minutes of counters pushed through Prometheus remote write, per series (README, "Remote write"): written as
 * pushes arrive, read back for each series' last sample after a restart, and summed per slice into telemetry minutes.
 */
public final class PushedSeriesStore {

    private static final NamedQuery INSERT = NamedQuery.load(PushedSeriesStore.class, "insert_pushed_series_minutes.sql");
    private static final NamedQuery LATEST = NamedQuery.load(PushedSeriesStore.class, "pushed_series_latest.sql");
    private static final NamedQuery SUMS = NamedQuery.load(PushedSeriesStore.class, "pushed_slice_increases.sql");
    private static final NamedQuery COVERAGE = NamedQuery.load(PushedSeriesStore.class, "pushed_coverage.sql");

    /** What a pushed series counts: a request, an error, or one cumulative latency bucket. */
    public enum Kind {
        REQUESTS, ERRORS, BUCKET;

        public String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromSql(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One series' minute.
     *
     * @param series    the series' labels in Prometheus' text form, sorted, without replica labels
     * @param le        the bucket's upper bound (+Inf for the last), 0 for the other kinds
     * @param minute    the minute's start
     * @param increase  the increase the series made in the minute (its samples' increases, each in the minute of its
     *                  later sample)
     * @param lastMs    the series' last sample in the minute, epoch milliseconds
     * @param lastValue that sample's value
     */
    public record SeriesMinute(String series, Kind kind, String service, String customer, double le, Instant minute,
                               double increase, long lastMs, double lastValue) {
        public SeriesMinute {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(minute, "minute");
        }
    }

    /** A slice's summed increase of one kind (and bucket bound) in one minute. */
    public record SliceIncrease(String service, String customer, Kind kind, double le, Instant minute,
                                double increase) {
    }

    /** The minutes of an hour in which anything was pushed. */
    public record HourCoverage(Instant hour, int minutes) {
    }

    private final ClickHouse clickHouse;
    private final Clock clock;

    public PushedSeriesStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Writes the minutes in one batch; a minute written again replaces the one before. */
    public int insert(String source, List<SeriesMinute> minutes) {
        Instant written = RowVersions.next(clock);
        return clickHouse.insert(INSERT, minutes, (m, c) -> {
            c.set("source", source);
            c.set("minute", m.minute());
            c.set("service", m.service());
            c.set("customer", m.customer());
            c.set("series", m.series());
            c.set("kind", m.kind().sql());
            c.set("le", m.le());
            c.set("increase", m.increase());
            c.set("last_ms", m.lastMs());
            c.set("last_value", m.lastValue());
            c.set("written_at", written);
        });
    }

    /** Every series' latest minute since {@code since}: where its next push continues. */
    public List<SeriesMinute> latest(String source, Instant since) {
        return clickHouse.query(LATEST, Params.of("source", source).and("since", since), row -> new SeriesMinute(
                row.getString("series"), Kind.fromSql(row.getString("kind")), row.getString("service"),
                row.getString("customer"), row.getDouble("le"), row.getInstant("minute"), row.getDouble("increase"),
                row.getLong("last_ms"), row.getDouble("last_value")));
    }

    /** The increases of [from, to), summed per slice, kind, bucket bound and minute. */
    public List<SliceIncrease> sums(String source, Instant from, Instant to) {
        return clickHouse.query(SUMS, Params.of("source", source).and("from", from).and("to", to),
                row -> new SliceIncrease(row.getString("service"), row.getString("customer"),
                        Kind.fromSql(row.getString("kind")), row.getDouble("le"), row.getInstant("minute"),
                        row.getDouble("increase")));
    }

    /** For each hour of [from, to) with a push, the minutes that had one. */
    public List<HourCoverage> coverage(String source, Instant from, Instant to) {
        return clickHouse.query(COVERAGE, Params.of("source", source).and("from", from).and("to", to),
                row -> new HourCoverage(row.getInstant("hour"), (int) row.getLong("minutes")));
    }
}
