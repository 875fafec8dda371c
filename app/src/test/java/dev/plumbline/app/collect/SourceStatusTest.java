package dev.plumbline.app.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.telemetry.Progress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceStatusTest {

    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-01T04:00:00Z");

    @Test
    void a_queued_backfill_has_done_nothing_and_says_it_is_queued() {
        SourceStatus.Backfill queued = SourceStatus.Backfill.queued(FROM, TO);

        assertThat(queued.fraction()).isZero();
        assertThat(queued.chunksDone()).isZero();
        assertThat(queued.state()).isEqualTo("queued");
        assertThat(queued.doneUpTo()).isEqualTo(FROM);
    }

    @Test
    void a_running_backfill_is_the_share_of_its_chunks_done() {
        SourceStatus.Backfill running = SourceStatus.Backfill.of(new Progress("demo", FROM, TO,
                FROM.plusSeconds(3600), 1, 4, 3, 120), "running", null);

        assertThat(running.fraction()).isEqualTo(0.25);
        assertThat(running.chunksTotal()).isEqualTo(4);
    }
}
