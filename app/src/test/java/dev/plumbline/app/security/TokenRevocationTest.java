package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.TokenStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API tokens are checked from memory, read again from the store after {@code identity-refresh} (10 s here): two
 * replicas share one store; a revocation works at once on the replica that made it and within the refresh time on
 * the other.
 */
@ExtendWith(ClickHouseExtension.class)
class TokenRevocationTest {

    private final SignInThrottleTest.ManualClock clock = new SignInThrottleTest.ManualClock();
    private final Duration refresh = SecurityFixtures.properties().identityRefresh();

    @Test
    void a_busy_client_costs_one_store_read_per_refresh_time_not_one_per_request(TestDatabase db) {
        AtomicInteger reads = new AtomicInteger();
        try (ClickHouse counted = ClickHouse.connect(db.migrate().spec(), 2, readsOfFindToken(reads))) {
            TokenService tokens = replica(counted);
            String token = tokens.create("load test", "exec", "admin").secret();

            for (int i = 0; i < 200; i++) {
                assertThat(tokens.authenticate(token)).isPresent();
            }
            assertThat(reads).hasValue(1);

            clock.advance(refresh);
            assertThat(tokens.authenticate(token)).isPresent();
            assertThat(reads).hasValue(2);

            assertThat(tokens.authenticate(token.substring(0, token.length() - 1) + "x")).isEmpty();
            assertThat(reads).as("a wrong secret is checked against the remembered hash").hasValue(2);
        }
    }

    @Test
    void a_revoked_token_stops_at_once_where_it_was_revoked_and_within_the_refresh_time_elsewhere(TestDatabase db) {
        ClickHouse store = db.migrate().clickHouse();
        TokenService here = replica(store);
        TokenService there = replica(store);
        dev.plumbline.dashboards.admin.Tokens.Issued issued = here.create("nightly export", "pm", "admin");
        Optional<Identity> before = there.authenticate(issued.secret());
        assertThat(before).map(Identity::roles).contains(java.util.Set.of("pm"));
        assertThat(here.authenticate(issued.secret())).isPresent();

        assertThat(here.revoke(issued.token().id())).isTrue();

        assertThat(here.authenticate(issued.secret())).as("where it was revoked").isEmpty();
        clock.advance(refresh.minusMillis(1));
        assertThat(there.authenticate(issued.secret())).as("another replica trusts what it read for the refresh time")
                .isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(there.authenticate(issued.secret())).as("another replica, once the refresh time has passed").isEmpty();
    }

    @Test
    void an_unknown_token_id_is_remembered_as_unknown_too(TestDatabase db) {
        AtomicInteger reads = new AtomicInteger();
        try (ClickHouse counted = ClickHouse.connect(db.migrate().spec(), 2, readsOfFindToken(reads))) {
            TokenService tokens = replica(counted);
            String unknown = "plb_abcdefghijkl." + "A".repeat(43);

            for (int i = 0; i < 50; i++) {
                assertThat(tokens.authenticate(unknown)).isEmpty();
            }
            assertThat(reads).hasValue(1);
        }
    }

    private TokenService replica(ClickHouse store) {
        return new TokenService(new TokenStore(store, clock), new RoleCatalog(SecurityFixtures.properties()), clock,
                SecurityFixtures.properties());
    }

    private static QueryListener readsOfFindToken(AtomicInteger reads) {
        return (query, took, rows, failure) -> {
            if (query.equals("find_token")) {
                reads.incrementAndGet();
            }
        };
    }
}
