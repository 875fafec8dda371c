package dev.plumbline.sql.telemetry;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes collected telemetry and reads it back per slice. */
public final class TelemetryStore {

    private static final NamedQuery INSERT = NamedQuery.load(TelemetryStore.class, "insert_telemetry_minutes.sql");
    private static final NamedQuery TOTALS = NamedQuery.load(TelemetryStore.class, "slice_totals.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public TelemetryStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /**
     * Writes minutes as one batch, encoded as RowBinary and sent through ClickHouse's HTTP interface (the fastest path;
     * see the telemetry-write benchmark). Writing the same minute of the same slice again replaces it.
     */
    public int insert(List<TelemetryMinute> minutes) {
        if (minutes.isEmpty()) {
            return 0;
        }
        clickHouse.insertRowBinary(INSERT, TelemetryRowBinary.encode(minutes, RowVersions.next(clock)), minutes.size());
        return minutes.size();
    }

    /** Requests and errors per slice over [from, to). */
    public List<SliceTotals> sliceTotals(Instant from, Instant to) {
        return clickHouse.query(TOTALS, Params.of("from", from).and("to", to), row -> new SliceTotals(
                row.getString("service"), row.getString("customer"), row.getDouble("requests"), row.getDouble("errors"),
                row.getLong("minutes")));
    }

    /** Totals of one slice over a range. */
    public record SliceTotals(String service, String customer, double requests, double errors, long minutes) {
    }
}
