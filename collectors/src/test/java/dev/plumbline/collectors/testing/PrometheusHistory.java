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

/** A real Prometheus holding the demo traffic's history over [from, to) (plus 5 minutes either side), 15 s scrapes. */
public final class PrometheusHistory {

    private PrometheusHistory() {
    }

    public static LocalPrometheus start(Path dir, DemoTraffic traffic, Instant from, Instant to) throws Exception {
        Path history = dir.resolve("history.om");
        try (Writer out = Files.newBufferedWriter(history)) {
            OpenMetricsHistory.write(traffic, from.minus(5, ChronoUnit.MINUTES), to.plus(5, ChronoUnit.MINUTES),
                    Duration.ofSeconds(15), out);
        }
        LocalPrometheus.backfill(history, dir.resolve("prometheus"));
        Files.delete(history);
        return LocalPrometheus.start(dir.resolve("prometheus"), List.of(), Duration.ofSeconds(15));
    }
}
