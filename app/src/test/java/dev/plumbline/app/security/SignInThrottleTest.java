package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(SecurityFixtures.properties(), clock); // 3 in 15 min

    @Test
    void a_user_is_not_blocked_before_the_limit() {
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.2");

        assertThat(throttle.blocked("ada", "10.0.0.3")).isEmpty();
    }

    @Test
    void reaching_the_limit_blocks_the_user_from_any_address_until_the_oldest_failure_ages_out() {
        throttle.failed("ada", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        throttle.failed("ada", "10.0.0.2");
        throttle.failed("ada", "10.0.0.3");

        assertThat(throttle.blocked("ada", "10.9.9.9")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blocked("ada", "10.9.9.9")).isEmpty();
    }

    @Test
    void one_address_guessing_many_user_names_is_blocked_too() {
        throttle.failed("a", "10.0.0.1");
        throttle.failed("b", "10.0.0.1");
        throttle.failed("c", "10.0.0.1");

        assertThat(throttle.blocked("d", "10.0.0.1")).isPresent();
        assertThat(throttle.blocked("d", "10.0.0.2")).isEmpty();
    }

    @Test
    void a_success_clears_the_users_failures() {
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.2");
        throttle.succeeded("ada");
        throttle.failed("ada", "10.0.0.3");

        assertThat(throttle.blocked("ada", "10.0.0.4")).isEmpty();
    }
}
