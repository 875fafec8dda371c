package dev.plumbline.sql.telemetry;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The hourly and daily roll-ups, the per-service minutes kept for alert backtests, and the collection coverage.
 * Roll-ups are recomputed from the finer table, never added to, so recomputing after a retry or a late minute never
 * doubles a count.
 */
public final class RollupStore {

    private static final NamedQuery INSERT_HOURS = NamedQuery.load(RollupStore.class, "insert_telemetry_hours.sql");
    private static final NamedQuery INSERT_SERVICE_MINUTES = NamedQuery.load(RollupStore.class,
            "insert_service_minutes.sql");
    private static final NamedQuery ROLL_UP_HOURS = NamedQuery.load(RollupStore.class, "roll_up_hours.sql");
    private static final NamedQuery ROLL_UP_SERVICE_HOURS = NamedQuery.load(RollupStore.class, "roll_up_service_hours.sql");
    private static final NamedQuery ROLL_UP_SERVICE_MINUTES = NamedQuery.load(RollupStore.class,
            "roll_up_service_minutes.sql");
    private static final NamedQuery ROLL_UP_DAYS = NamedQuery.load(RollupStore.class, "roll_up_days.sql");
    private static final NamedQuery ROLL_UP_MONTHS = NamedQuery.load(RollupStore.class, "roll_up_months.sql");
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
     * recomputes the per-service hours they touch. Such hours have no per-service minutes: a backtest over them says
     * that its minutes are missing.
     */
    public int insertHours(List<TelemetryHour> hours) {
        if (hours.isEmpty()) {
            return 0;
        }
        var now = RowVersions.next(clock);
        int written = clickHouse.insert(INSERT_HOURS, hours, (h, c) -> {
            c.set("service", h.service());
            c.set("customer", h.customer());
            c.set("source", h.source());
            c.set("hour", h.hour());
            c.set("requests", h.requests());
            c.set("errors", h.errors());
            c.set("latency_le", h.latencyLe());
            c.set("latency_counts", h.latencyCounts());
            c.set("mergeable", h.mergeable());
            c.set("layouts", h.latencyLe().isEmpty() ? 0 : 1);
            c.set("minutes", h.minutes());
            c.set("computed_at", now);
        });
        Instant first = hours.stream().map(TelemetryHour::hour).min(Instant::compareTo).orElseThrow();
        Instant last = hours.stream().map(TelemetryHour::hour).max(Instant::compareTo).orElseThrow();
        rollUpServiceHours(first, last.plus(1, ChronoUnit.HOURS));
        return written;
    }

    /**
     * Writes per-service minutes directly, for history that has no raw minutes per customer (the demo's): what an
     * alert backtest replays over that history. A later roll-up of the same hours from raw minutes replaces them.
     */
    public int insertServiceMinutes(List<ServiceMinute> minutes) {
        if (minutes.isEmpty()) {
            return 0;
        }
        var now = RowVersions.next(clock);
        return clickHouse.insert(INSERT_SERVICE_MINUTES, minutes, (m, c) -> {
            c.set("service", m.service());
            c.set("minute", m.minute());
            c.set("requests", m.requests());
            c.set("errors", m.errors());
            c.set("latency_le", m.latencyLe());
            c.set("latency_counts", m.latencyCounts());
            c.set("layouts", m.latencyLe().isEmpty() ? 0 : 1);
            c.set("mergeable", true);
            c.set("computed_at", now);
        });
    }

    /**
     * Recomputes the hours that [from, to) touches from the minutes, the per-service hours from those, and the
     * per-service minutes of those hours (all customers summed) from the minutes.
     */
    public void rollUpHours(Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = ceil(to, ChronoUnit.HOURS);
        clickHouse.execute(ROLL_UP_HOURS, range(first, end));
        rollUpServiceHours(from, to);
        clickHouse.execute(ROLL_UP_SERVICE_MINUTES, range(first, end));
    }

    /** Recomputes the per-service hours (requests, busiest minute, which sources report a service) that [from, to) touches. */
    public void rollUpServiceHours(Instant from, Instant to) {
        clickHouse.execute(ROLL_UP_SERVICE_HOURS, range(from.truncatedTo(ChronoUnit.HOURS), ceil(to, ChronoUnit.HOURS)));
    }

    /** Recomputes the days that [from, to) touches from the hours, then the months those days are in from the days. */
    public void rollUpDays(Instant from, Instant to) {
        rollUpDaysOnly(from, to);
        rollUpMonths(from, to);
    }

    /** Recomputes the days that [from, to) touches, not their months: a bulk load rolls its months up once at the end. */
    public void rollUpDaysOnly(Instant from, Instant to) {
        clickHouse.execute(ROLL_UP_DAYS, range(from.truncatedTo(ChronoUnit.DAYS), ceil(to, ChronoUnit.DAYS)));
    }

    /** Recomputes every month from the days (once, when the monthly roll-up is created over stored days). */
    public void rollUpEveryMonth() {
        clickHouse.execute(ROLL_UP_MONTHS, Params.of("computed_at", RowVersions.next(clock))
                .and("from", java.time.LocalDate.of(2000, 1, 1)).and("to", java.time.LocalDate.of(2100, 1, 1)));
    }

    /** Recomputes the months that [from, to) touches from the days. */
    public void rollUpMonths(Instant from, Instant to) {
        java.time.LocalDate first = from.atOffset(java.time.ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        java.time.LocalDate end = ceil(to, ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).atOffset(java.time.ZoneOffset.UTC)
                .toLocalDate().withDayOfMonth(1).plusMonths(1);
        if (from.isBefore(to)) {
            clickHouse.execute(ROLL_UP_MONTHS, Params.of("computed_at", RowVersions.next(clock)).and("from", first)
                    .and("to", end));
        }
    }

    /** Whether {@code source} has any hourly row. */
    public boolean hasHours(String source) {
        return clickHouse.queryOne(COUNT_SOURCE_HOURS, Params.of("source", source), row -> row.getLong("hours")).orElse(0L) > 0;
    }

    /** Records how many minutes of an hour a source collected (with or without traffic). */
    public void recordCoverage(String source, List<Instant> hours, List<Integer> minutes) {
        var now = RowVersions.next(clock);
        List<Integer> index = java.util.stream.IntStream.range(0, hours.size()).boxed().toList();
        clickHouse.insert(INSERT_COVERAGE, index, (i, c) -> {
            c.set("source", source);
            c.set("hour", hours.get(i).truncatedTo(ChronoUnit.HOURS));
            c.set("minutes", minutes.get(i));
            c.set("computed_at", now);
        });
    }

    /** A roll-up's parameters: the range it recomputes and the version of the rows it writes. */
    private Params range(Instant from, Instant to) {
        return Params.of("computed_at", RowVersions.next(clock)).and("from", from).and("to", to);
    }

    private static Instant ceil(Instant t, ChronoUnit unit) {
        Instant floor = t.truncatedTo(unit);
        return floor.equals(t) ? t : floor.plus(1, unit);
    }
}
