package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.config.RetryProperties;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private static final Backoff BACKOFF = new Backoff(new RetryProperties(Duration.ofSeconds(30), 2,
            Duration.ofMinutes(5), 4));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the first failure waits the initial interval                  | 1 |     | 30
            the second waits the multiplier times longer                  | 2 |     | 60
            the third twice that again                                    | 3 |     | 120
            the fourth eight times the initial one                        | 4 |     | 240
            a wait never passes the max interval                          | 5 |     | 300
            a far later failure still waits the max interval              | 9 |     | 300
            a Retry-After longer than the backoff is respected            | 1 | 600 | 600
            a Retry-After shorter than the backoff does not shorten it    | 3 | 5   | 120
            """)
    void waits(String sentence, int failedAttempts, Long retryAfterSeconds, long expectedSeconds) {
        Duration retryAfter = retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds);
        assertThat(BACKOFF.after(failedAttempts, retryAfter)).as(sentence).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @ParameterizedTest(name = "after {0} failed attempts of at most 4, given up: {1}")
    @CsvSource({"1, false", "3, false", "4, true", "5, true"})
    void gives_up_at_the_last_attempt(int failedAttempts, boolean exhausted) {
        assertThat(BACKOFF.exhausted(failedAttempts)).isEqualTo(exhausted);
    }
}
