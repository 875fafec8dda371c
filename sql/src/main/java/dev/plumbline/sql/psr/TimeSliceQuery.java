package dev.plumbline.sql.psr;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.catalog.Objective;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the time slices of time-slice objectives (time_slices.sql), one statement per objective: for the whole
 * service, or per customer of it. Slices of whole hours read the hourly roll-up, shorter ones the minutes.
 */
final class TimeSliceQuery {

    private static final NamedQuery TIME_SLICES = NamedQuery.load(TimeSliceQuery.class, "time_slices.sql");

    private final ClickHouse clickHouse;

    TimeSliceQuery(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** The counts of one period, per objective ("service/objective") and key. */
    record Lookup(Period period, Map<String, Map<String, TimeSliceCounts>> byObjective) {

        /** The counts of {@code o} for {@code key}; a key without telemetry in the period has no slice judged. */
        TimeSliceCounts of(Objective o, String key) {
            TimeSliceCounts none = new TimeSliceCounts(TimeSlices.inPeriod(period, o.budgeting().slice()), 0, 0, 0, 0, 0);
            return byObjective.getOrDefault(o.service() + "/" + o.name(), Map.of()).getOrDefault(key, none);
        }
    }

    /**
     * The time slices of the time-slice objectives among {@code objectives} (of {@code service} only, unless it is
     * ""), for the whole service or per customer (of {@code customer} only, unless it is "").
     */
    Lookup count(Collection<Objective> objectives, Period period, boolean byCustomer, String service, String customer) {
        Map<String, Map<String, TimeSliceCounts>> out = new HashMap<>();
        for (Objective o : objectives) {
            if (!o.budgeting().timeSliced() || !(service.isEmpty() || service.equals(o.service()))) {
                continue;
            }
            long slice = o.budgeting().slice().toSeconds();
            long inPeriod = TimeSlices.inPeriod(period, o.budgeting().slice());
            Map<String, TimeSliceCounts> byKey = new HashMap<>();
            Params params = Params.of("from", period.from()).and("to", period.to()).and("slice_seconds", slice)
                    .and("use_minutes", slice % 3600 == 0 ? 0 : 1).and("service", o.service())
                    .and("by_customer", byCustomer ? 1 : 0).and("customer", customer)
                    .and("indicator", o.indicator().sqlValue())
                    .and("threshold_seconds", o.latencyThresholdMs() == null ? 0.0 : o.latencyThresholdMs() / 1000)
                    .and("slice_target", o.budgeting().sliceTarget() == null ? 1.0 : o.budgeting().sliceTarget());
            clickHouse.query(TIME_SLICES, params, row -> byKey.put(row.getString("key"), new TimeSliceCounts(inPeriod,
                    row.getLong("judged"), row.getLong("good"), row.getDouble("good_share_sum"),
                    row.getLong("unjudgeable"), row.getLong("minutes_missing"))));
            out.put(o.service() + "/" + o.name(), byKey);
        }
        return new Lookup(period, out);
    }
}
