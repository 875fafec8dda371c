package dev.plumbline.app.security;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins: after {@code max} failures within the lockout period, for one user name or from one client
 * address, further attempts are refused until the oldest failure is older than the period. In memory, per instance.
 */
@Singleton
public class SignInThrottle {

    private final int max;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(SecurityProperties properties, Clock clock) {
        this.max = properties.maxFailedSignIns();
        this.period = properties.lockout();
        this.clock = clock;
    }

    /** How long attempts for this user or from this address are still refused, if they are. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(username, address)) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                prune(times, now);
                if (times.size() >= max) {
                    Duration left = Duration.between(now, times.peekFirst().plus(period));
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
    }

    /** A successful sign-in clears the user's failures (not the address's). */
    public void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(period).isAfter(now)) {
            times.pollFirst();
        }
    }

    private static String[] keys(String username, String address) {
        return new String[] {"user:" + username, "address:" + address};
    }
}
