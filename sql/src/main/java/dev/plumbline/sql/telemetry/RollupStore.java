package dev.plumbline.sql.telemetry;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The hourly and daily roll-ups and the collection coverage. Roll-ups are recomputed from the finer table, never
 * added to, so recomputing after a retry or a late minute never doubles a count.
 */
public final class RollupStore {

    private static final NamedQuery INSERT_HOURS = NamedQuery.load(RollupStore.class, "insert_telemetry_hours.sql");
    private static final NamedQuery ROLL_UP_HOURS = NamedQuery.load(RollupStore.class, "roll_up_hours.sql");
    private static final NamedQuery ROLL_UP_SERVICE_HOURS = NamedQuery.load(RollupStore.class, "roll_up_service_hours.sql");
    private static final NamedQuery ROLL_UP_DAYS = NamedQuery.load(RollupStore.class, "roll_up_days.sql");
    private static final NamedQuery INSERT_COVERAGE = NamedQuery.load(RollupStore.class, "insert_coverage.sql");
    private static final NamedQuery COUNT_SOURCE_HOURS = NamedQuery.load(RollupStore.class, "count_source_hours.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public RollupStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /**
     * Writes hourly rows directly (sources that deliver hours, backfills older than the raw minutes' TTL, tests), and
     * recomputes the per-service hours they touch.
     */
    public int insertHours(List<TelemetryHour> hours) {
        if (hours.isEmpty()) {
            return 0;
        }
        var now = RowVersions.next(clock);
        int written = clickHouse.insert(INSERT_HOURS, hours, (s, h) -> {
            s.setString(1, h.service());
            s.setString(2, h.customer());
            s.setString(3, h.source());
            s.setObject(4, h.hour());
            s.setDouble(5, h.requests());
            s.setDouble(6, h.errors());
            s.setObject(7, h.latencyLe().stream().mapToDouble(Double::doubleValue).toArray());
            s.setObject(8, h.latencyCounts().stream().mapToDouble(Double::doubleValue).toArray());
            s.setBoolean(9, h.mergeable());
            s.setInt(10, h.latencyLe().isEmpty() ? 0 : 1);
            s.setInt(11, h.minutes());
            s.setObject(12, now);
        });
        Instant first = hours.stream().map(TelemetryHour::hour).min(Instant::compareTo).orElseThrow();
        Instant last = hours.stream().map(TelemetryHour::hour).max(Instant::compareTo).orElseThrow();
        rollUpServiceHours(first, last.plus(1, ChronoUnit.HOURS));
        return written;
    }

    /** Recomputes the hours that [from, to) touches from the minutes, and the per-service hours from those. */
    public void rollUpHours(Instant from, Instant to) {
        clickHouse.execute(ROLL_UP_HOURS, RowVersions.next(clock), from.truncatedTo(ChronoUnit.HOURS), ceil(to, ChronoUnit.HOURS));
        rollUpServiceHours(from, to);
    }

    /** Recomputes the per-service hours (busiest hour, which sources report a service) that [from, to) touches. */
    public void rollUpServiceHours(Instant from, Instant to) {
        clickHouse.execute(ROLL_UP_SERVICE_HOURS, RowVersions.next(clock), from.truncatedTo(ChronoUnit.HOURS),
                ceil(to, ChronoUnit.HOURS));
    }

    /** Recomputes the days that [from, to) touches from the hours. */
    public void rollUpDays(Instant from, Instant to) {
        clickHouse.execute(ROLL_UP_DAYS, RowVersions.next(clock), from.truncatedTo(ChronoUnit.DAYS), ceil(to, ChronoUnit.DAYS));
    }

    /** Whether {@code source} has any hourly row. */
    public boolean hasHours(String source) {
        return clickHouse.queryOne(COUNT_SOURCE_HOURS, row -> row.getLong("hours"), source).orElse(0L) > 0;
    }

    /** Records how many minutes of an hour a source collected (with or without traffic). */
    public void recordCoverage(String source, List<Instant> hours, List<Integer> minutes) {
        var now = RowVersions.next(clock);
        List<Integer> index = java.util.stream.IntStream.range(0, hours.size()).boxed().toList();
        clickHouse.insert(INSERT_COVERAGE, index, (s, i) -> {
            s.setString(1, source);
            s.setObject(2, hours.get(i).truncatedTo(ChronoUnit.HOURS));
            s.setInt(3, minutes.get(i));
            s.setObject(4, now);
        });
    }

    private static Instant ceil(Instant t, ChronoUnit unit) {
        Instant floor = t.truncatedTo(unit);
        return floor.equals(t) ? t : floor.plus(1, unit);
    }
}
