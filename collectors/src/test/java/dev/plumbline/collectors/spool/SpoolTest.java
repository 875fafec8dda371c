package dev.plumbline.collectors.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static ChunkBatch batch(int i) {
        Instant from = T.plusSeconds(3600L * i);
        return new ChunkBatch("p", from, from.plusSeconds(3600), List.of(
                new TelemetryMinute("search", "Zürich", "p", from, 10 + i, 1, List.of(0.1, Double.POSITIVE_INFINITY),
                        List.of(7.0, 3.0 + i), true),
                new TelemetryMinute("search", "c2", "p", from.plusSeconds(60), 0.5, 0, List.of(), List.of(), false)),
                List.of(from), List.of(60));
    }

    @Test
    void batches_come_back_whole_and_in_order_and_are_deleted_once_stored(@TempDir Path dir) {
        Spool spool = new Spool(dir, 1 << 20);
        for (int i = 0; i < 3; i++) {
            spool.append(batch(i));
        }
        List<ChunkBatch> replayed = new ArrayList<>();
        assertThat(new Spool(dir, 1 << 20).replay(replayed::add)).isEqualTo(3);   // a new instance: after a restart
        assertThat(replayed).containsExactly(batch(0), batch(1), batch(2));
        assertThat(spool.size()).isZero();
    }

    @Test
    void a_failure_stops_the_replay_and_keeps_that_batch_and_the_later_ones(@TempDir Path dir) {
        Spool spool = new Spool(dir, 1 << 20);
        for (int i = 0; i < 3; i++) {
            spool.append(batch(i));
        }
        List<ChunkBatch> stored = new ArrayList<>();
        assertThatThrownBy(() -> spool.replay(b -> {
            if (b.equals(batch(1))) {
                throw new IllegalStateException("down again");
            }
            stored.add(b);
        })).hasMessage("down again");
        assertThat(stored).containsExactly(batch(0));
        assertThat(spool.size()).isEqualTo(2);
        List<ChunkBatch> rest = new ArrayList<>();
        spool.replay(rest::add);
        assertThat(rest).containsExactly(batch(1), batch(2));
    }

    @Test
    void a_full_spool_refuses_and_says_which_batch_waits(@TempDir Path dir) {
        Spool spool = new Spool(dir, Spool.encode(batch(0)).length + 10);
        spool.append(batch(0));
        assertThatThrownBy(() -> spool.append(batch(1))).isInstanceOf(SpoolFullException.class)
                .hasMessageContaining("is full").hasMessageContaining("2026-11-01T11:00:00Z .. 2026-11-01T12:00:00Z");
        assertThat(spool.size()).isEqualTo(1);
    }

    @Test
    void a_damaged_file_is_moved_aside_not_stored_and_not_silently_deleted(@TempDir Path dir) throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        spool.append(batch(0));
        spool.append(batch(1));
        Path first;
        try (var files = Files.list(dir)) {
            first = files.filter(p -> p.toString().endsWith(".batch")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(first, bytes);

        List<ChunkBatch> stored = new ArrayList<>();
        spool.replay(stored::add);
        assertThat(stored).containsExactly(batch(1));
        assertThat(dir.resolve(first.getFileName() + ".corrupt")).exists();
    }
}
