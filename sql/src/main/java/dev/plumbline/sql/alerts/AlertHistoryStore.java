package dev.plumbline.sql.alerts;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.alerts.AlertHistory.Resolution;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.migration.SchemaOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The minutes alert backtests replay ({@link AlertHistory}): for the whole service the per-service minutes (all
 * customers summed, kept {@code plumbline.schema.service-minute-ttl-days}), for one customer or a segment's customers
 * the raw minutes (kept {@code plumbline.schema.raw-ttl-days}); bad requests per the objective (alert_minutes.sql).
 */
public final class AlertHistoryStore {

    private static final NamedQuery MINUTES = NamedQuery.load(AlertHistoryStore.class, "alert_minutes.sql");
    private static final NamedQuery SERVICE_MISSING = NamedQuery.load(AlertHistoryStore.class,
            "service_minutes_missing.sql");
    private static final NamedQuery CUSTOMER_MISSING = NamedQuery.load(AlertHistoryStore.class,
            "customer_minutes_missing.sql");
    private static final NamedQuery SLICE_CUSTOMERS = NamedQuery.load(AlertHistoryStore.class, "slice_customers.sql");

    private final ClickHouse clickHouse;
    private final SchemaOptions schema;
    private final Clock clock;

    public AlertHistoryStore(ClickHouse clickHouse, SchemaOptions schema, Clock clock) {
        this.clickHouse = clickHouse;
        this.schema = schema;
        this.clock = clock;
    }

    /** The first whole day the raw minutes still hold: the day after today less the raw TTL. */
    public Instant rawMinutesStart() {
        return clock.instant().minus(Duration.ofDays(schema.rawTtlDays())).truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1));
    }

    /**
     * The earliest start of a backtest of {@code slice} whose longest window is {@code lookback}: per customer or
     * segment, that long after the raw minutes start; for the whole service, none (null).
     */
    public Instant earliestFrom(AlertSlice slice, Duration lookback) {
        return slice.perCustomer() ? rawMinutesStart().plus(lookback) : null;
    }

    /**
     * Every minute of [from - lookback, to) for {@code objective}'s service and {@code slice}; per customer or segment
     * refused ({@link HistoryRefused}, naming {@code from}) when that starts before the raw minutes.
     */
    public AlertHistory minutes(Objective objective, AlertSlice slice, Instant from, Instant to, Duration lookback) {
        Instant start = from.minus(lookback);
        if (slice.perCustomer() && start.isBefore(rawMinutesStart())) {
            throw new HistoryRefused("from", rawMinutesStart(), "the raw minutes per customer start at "
                    + LocalDate.ofInstant(rawMinutesStart(), ZoneOffset.UTC) + " (kept " + schema.rawTtlDays()
                    + " days); a backtest of a " + slice.field() + " whose longest window is "
                    + PromDuration.format(lookback) + " can start at " + earliestFrom(slice, lookback)
                    + " at the earliest, was " + from);
        }
        int minutes = (int) Duration.between(start, to).toMinutes();
        double[] total = new double[minutes];
        double[] bad = new double[minutes];
        long[] unjudged = {0};
        boolean latency = objective.indicator() == Indicator.LATENCY;
        Params params = sliceParams(objective.service(), slice).and("from", start).and("to", to)
                .and("per_customer", slice.perCustomer() ? 1 : 0).and("latency", latency ? 1 : 0)
                .and("threshold_seconds", latency ? objective.latencyThresholdMs() / 1000 : 0.0);
        clickHouse.queryOne(MINUTES, params, row -> {
            double[] offsets = row.getDoubleArray("offsets");
            double[] requests = row.getDoubleArray("requests");
            double[] bads = row.getDoubleArray("bad");
            double[] judged = row.getDoubleArray("judged");
            for (int k = 0; k < offsets.length; k++) {
                int i = (int) offsets[k];
                if (judged[k] == 1) {
                    total[i] = requests[k];
                    bad[i] = bads[k];
                } else if (requests[k] > 0) {
                    unjudged[0]++;
                }
            }
            return offsets.length;
        });
        Params range = Params.of("from", start).and("to", to);
        long missing = slice.perCustomer()
                ? clickHouse.queryOne(CUSTOMER_MISSING, sliceParams(objective.service(), slice).and(range),
                        row -> row.getLong("minutes")).orElse(0L)
                : 60 * clickHouse.queryOne(SERVICE_MISSING, range.and("service", objective.service()),
                        row -> row.getLong("hours")).orElse(0L);
        return new AlertHistory(new MinuteCounts(start, total, bad),
                slice.perCustomer() ? Resolution.CUSTOMER_MINUTES : Resolution.SERVICE_MINUTES,
                slice.perCustomer() ? schema.rawTtlDays() : schema.serviceMinuteTtlDays(), missing, unjudged[0]);
    }

    /** The customers of {@code slice} that ever sent {@code service} traffic (empty for the whole service). */
    public List<String> sliceCustomers(String service, AlertSlice slice) {
        if (!slice.perCustomer()) {
            return List.of();
        }
        return clickHouse.query(SLICE_CUSTOMERS, sliceParams(service, slice), row -> row.getString("customer"));
    }

    private Params sliceParams(String service, AlertSlice slice) {
        return Params.of("service", service).and("customer", slice.customer()).and("segment", slice.segment())
                .and("as_of", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
