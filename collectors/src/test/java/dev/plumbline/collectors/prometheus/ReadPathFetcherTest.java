package dev.plumbline.collectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.SourceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The choice of path: auto falls back to query_range (for that chunk and the next ones) only when the source says it
 * has no streamed remote read; other failures stay failures; remote-read never falls back; query-range never reads
 * remotely.
 */
class ReadPathFetcherTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

    /** A fetcher that records its calls and fails with {@code failure} (null: answers). */
    private static ChunkFetcher fake(String method, List<String> calls, SourceException failure) {
        return new ChunkFetcher() {
            @Override
            public Settings settings() {
                return new Settings("s", "http://prometheus:9090", Duration.ofHours(1), Duration.ZERO, method);
            }

            @Override
            public Fetched fetch(Instant from, Instant to) {
                calls.add(method);
                if (failure != null) {
                    throw failure;
                }
                return new Fetched(List.of(), 3);
            }
        };
    }

    @ParameterizedTest(name = "{0}, remote read failing with {1} {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            auto         | 0   | not-streamed  | remote read,query_range,query_range | query_range (no streamed remote read)
            auto         | 404 | remote-read   | remote read,query_range,query_range | query_range (no streamed remote read)
            auto         | 501 | remote-read   | remote read,query_range,query_range | query_range (no streamed remote read)
            auto         | 503 | remote-read   | remote read                         | remote read
            auto         | 0   | unreachable   | remote read                         | remote read
            auto         | -1  | none          | remote read,remote read             | remote read
            remote-read  | 0   | not-streamed  | remote read                         | remote read
            query-range  | 0   | not-streamed  | query_range,query_range             | query_range
            """)
    void the_path_taken(String path, int status, String errorType, String expectedCalls, String method) {
        List<String> calls = new ArrayList<>();
        SourceException failure = status < 0 ? null : new SourceException("s", status, errorType, "no", false, null);
        ReadPathFetcher f = new ReadPathFetcher("s", ReadPath.parse(path), fake("remote read", calls, failure),
                () -> "CLOSED", fake("query_range", calls, null), () -> "OPEN");
        boolean failed = false;
        for (int i = 0; i < 2 && !failed; i++) {
            try {
                f.fetch(FROM.plus(Duration.ofHours(i)), FROM.plus(Duration.ofHours(i + 1)));
            } catch (SourceException e) {
                failed = true;
            }
        }
        assertThat(String.join(",", calls)).isEqualTo(expectedCalls);
        assertThat(f.settings().method()).isEqualTo(method);
        assertThat(f.circuitState()).isEqualTo(method.startsWith("query_range") ? "OPEN" : "CLOSED");
    }

    @ParameterizedTest
    @CsvSource({"sometimes", "''", "REMOTE-READ"})
    void an_unknown_path_is_refused_naming_the_choices(String text) {
        assertThatThrownBy(() -> ReadPath.parse(text))
                .hasMessage("read: must be one of auto, remote-read, query-range, was '" + text + "'");
    }
}
