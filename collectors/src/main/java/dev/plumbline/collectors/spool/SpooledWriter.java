package dev.plumbline.collectors.spool;

import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores chunk batches in ClickHouse (minutes in one batch, then the hours, days and coverage they touch), and when
 * ClickHouse cannot take them (unreachable, overloaded: a retryable failure) keeps them in the {@link Spool}, to be
 * stored in order before anything newer once it is back. A wrong statement (not retryable) is thrown, never spooled.
 * Storing a batch twice changes nothing: minutes replace themselves and roll-ups are recomputed, not added to.
 */
public final class SpooledWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SpooledWriter.class);

    private final TelemetryStore telemetry;
    private final RollupStore rollups;
    private final Spool spool;

    public SpooledWriter(TelemetryStore telemetry, RollupStore rollups, Spool spool) {
        this.telemetry = telemetry;
        this.rollups = rollups;
        this.spool = spool;
    }

    /** Stores the batch now (true) or spools it behind earlier ones (false). */
    public synchronized boolean write(ChunkBatch batch) {
        if (!spool.isEmpty() && !replayQuietly()) {
            spool(batch, null);
            return false;
        }
        try {
            store(batch);
            return true;
        } catch (StoreException e) {
            if (!e.retryable()) {
                throw e;
            }
            spool(batch, e);
            return false;
        }
    }

    /** Stores what the spool holds, oldest first; true when it is empty afterwards. */
    public synchronized boolean replayQuietly() {
        try {
            int n = spool.replay(this::store);
            if (n > 0) {
                LOG.info("spool: {} batches stored in ClickHouse after it came back", n);
            }
            return true;
        } catch (StoreException e) {
            if (!e.retryable()) {
                throw e;
            }
            LOG.warn("spool: {} batches wait; ClickHouse still cannot take them: {}", spool.size(), e.getMessage());
            return false;
        }
    }

    public Spool spool() {
        return spool;
    }

    private void spool(ChunkBatch batch, StoreException cause) {
        spool.append(batch);
        LOG.warn("source {}: ClickHouse cannot take {} .. {} ({} minute rows){}; spooled ({} batches waiting)",
                batch.source(), batch.from(), batch.to(), batch.minutes().size(),
                cause == null ? " behind earlier batches" : ": " + cause.getMessage(), spool.size());
    }

    private void store(ChunkBatch batch) {
        telemetry.insert(batch.minutes());
        rollups.rollUpHours(batch.from(), batch.to());
        rollups.rollUpDays(batch.from(), batch.to());
        rollups.recordCoverage(batch.source(), batch.coverageHours(), batch.coverageMinutes());
    }
}
