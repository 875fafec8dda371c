package dev.plumbline.collectors.testing;

import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.demo.OpenMetricsHistory;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A real Prometheus holding the demo traffic's history, 15 s scrapes. The history is written and turned into blocks
 * one 2-hour block at a time: each window of the OpenMetrics text lies inside one of the 2-hour ranges promtool cuts
 * blocks at (its default --max-block-duration), so every file becomes one block, no two blocks overlap, and each file
 * is deleted once promtool has read it. While promtool reads one window the next is written (two files at most), so
 * disk and memory hold two blocks' worth of text whatever the history's length (at 200 x 40 slices an hour is about
 * 7 GB of text).
 */
public final class PrometheusHistory {

    /** promtool's block range and Prometheus' own head block length. */
    static final Duration BLOCK = Duration.ofHours(2);

    private PrometheusHistory() {
    }

    /** [from, to), plus 5 minutes either side (the first minute's base, the last one's end). */
    public static LocalPrometheus start(Path dir, DemoTraffic traffic, Instant from, Instant to) throws Exception {
        return start(dir, new OpenMetricsHistory(traffic, from.minus(5, ChronoUnit.MINUTES), Duration.ofSeconds(15)),
                to.plus(5, ChronoUnit.MINUTES));
    }

    /** The history's scrapes from its next one through {@code last}, block by block; then the server on them. */
    public static LocalPrometheus start(Path dir, OpenMetricsHistory history, Instant last) throws Exception {
        Instant end = last.plusSeconds(1);
        long block = BLOCK.toSeconds();
        Path prometheus = dir.resolve("prometheus");
        LocalPrometheus.Backfill running = null;
        Path runningFile = null;
        try {
            for (int n = 0; history.next().isBefore(end); n++) {
                Instant first = history.next();
                Instant boundary = Instant.ofEpochSecond((first.getEpochSecond() / block + 1) * block);
                Path file = dir.resolve("history-" + n + ".om");
                long t = System.nanoTime();
                try (Writer out = Files.newBufferedWriter(file)) {
                    history.write(boundary.isBefore(end) ? boundary : end, out);
                }
                System.out.printf(Locale.ROOT, "  history %s .. %s written: %,d MB in %.1f s%n", first,
                        history.next(), Files.size(file) >> 20, (System.nanoTime() - t) / 1e9);
                if (running != null) {
                    running.await();
                    Files.delete(runningFile);
                }
                running = LocalPrometheus.backfillStarted(file, prometheus);
                runningFile = file;
            }
            if (running != null) {
                running.await();
                Files.delete(runningFile);
                running = null;
            }
        } finally {
            if (running != null) {
                running.process().destroyForcibly();
            }
        }
        return LocalPrometheus.prepare(prometheus, List.of(), Duration.ofSeconds(15)).keepBlocks()
                .queryTimeout(Duration.ofMinutes(15)).started();
    }
}
