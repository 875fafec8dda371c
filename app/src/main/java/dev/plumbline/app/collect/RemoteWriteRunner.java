package dev.plumbline.app.collect;

import dev.plumbline.collectors.remotewrite.RemoteWriteReceiver;
import dev.plumbline.collectors.spool.Spool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote-write receiver as a source of the Collectors page: its flushes, run every interval, and its state. A
 * failing flush keeps its minutes for the next one and marks the source failing.
 */
final class RemoteWriteRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteRunner.class);

    private final RemoteWriteReceiver receiver;
    private final Spool spool;
    private final Clock clock;
    private long errors;
    private long rows;
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastFlushOk;

    RemoteWriteRunner(RemoteWriteReceiver receiver, Spool spool, Clock clock) {
        this.receiver = receiver;
        this.spool = spool;
        this.clock = clock;
    }

    RemoteWriteReceiver receiver() {
        return receiver;
    }

    /** One flush; never throws (the scheduler would stop calling it). */
    synchronized void flush() {
        try {
            rows += receiver.flush();
            lastFlushOk = clock.instant();
        } catch (RuntimeException e) {
            errors++;
            lastError = String.valueOf(e.getMessage());
            lastErrorAt = clock.instant();
            LOG.warn("remote write {}: flush failed, its minutes wait for the next one: {}", receiver.source(),
                    e.getMessage());
        }
    }

    /** @param replica this replica: pushes are received by whichever replica they reach */
    synchronized SourceStatus status(String replica) {
        RemoteWriteReceiver.Status s = receiver.status();
        var t = s.totals();
        boolean failing = lastErrorAt != null && (lastFlushOk == null || lastErrorAt.isAfter(lastFlushOk));
        Instant now = clock.instant();
        Instant watermark = s.latestSample();
        String warning = t.unusableSeries() + t.invalid() == 0 ? null : t.unusableSeries()
                + " pushed series without the service or customer label or a bucket bound, " + t.invalid()
                + " negative or infinite values, since the start";
        return new SourceStatus(receiver.source(), "remote-write", "/api/v1/write", "push (remote write)",
                failing ? "failing" : s.pushes() == 0 ? "waiting" : "receiving", s.lastPush(), lastFlushOk, lastError,
                lastErrorAt, errors, rows, s.pushes(), watermark,
                watermark == null ? null : Math.max(0, Duration.between(watermark, now).toSeconds()), "CLOSED", null,
                spool.size(), spool.bytes(), new SourceStatus.Refused(t.unusableSeries(), 0, 0, t.invalid(), 0, 0,
                warning, warning == null ? null : s.lastPush()), replica, null);
    }
}
