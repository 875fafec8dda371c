package dev.plumbline.dashboards.collect;

import java.time.Instant;
import java.util.List;

/** Telemetry sources as the Collectors page needs them; implemented by the application with its collector service. */
public interface Sources {

    /** Every configured source's state, in name order. */
    List<Row> status();

    /** Starts a backfill of [from, to) for one source; refused with IllegalArgumentException naming what is wrong. */
    void backfill(String source, Instant from, Instant to);

    /**
     * One source.
     *
     * @param state            idle, collecting, backfilling, failing
     * @param lagSeconds       now - watermark, null before the first collection
     * @param backfillFraction the running or last backfill's share done (null: none)
     * @param backfillState    queued, running, done, failed ("" without a backfill)
     * @param refusedWarning   the last chunk whose data was partly dropped or refused, and what (null: none so far)
     */
    record Row(String source, String kind, String url, String read, String state, Instant lastSuccess, String lastError,
               long errors, long rowsWritten, Long lagSeconds, String circuit, Double backfillFraction,
               String backfillState, int spoolBatches, String refusedWarning) {
    }
}
