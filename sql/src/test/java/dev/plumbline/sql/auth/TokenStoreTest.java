package dev.plumbline.sql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class TokenStoreTest {

    private static TokenStore store;
    private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00.123Z");

    @BeforeAll
    static void setUp(TestDatabase db) {
        // a clock that stands still: the revocation must replace the row all the same (RowVersions)
        store = new TokenStore(db.migrate().clickHouse(), Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), java.time.ZoneOffset.UTC));
    }

    @Test
    void a_token_is_found_by_id_until_and_after_it_is_revoked() {
        ApiToken token = new ApiToken("abc123", "CI annotations", "pm", "f".repeat(64), "admin", CREATED, null);
        store.save(token);
        assertThat(store.find("abc123")).contains(token);

        assertThat(store.revoke("abc123")).isTrue();

        ApiToken revoked = store.find("abc123").orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.secretHash()).isEqualTo(token.secretHash());
    }

    @Test
    void revoking_an_unknown_token_says_so() {
        assertThat(store.revoke("nope")).isFalse();
    }

    @Test
    void the_secret_hash_never_appears_in_to_string() {
        assertThat(new ApiToken("x", "n", "pm", "deadbeef", "a", CREATED, null).toString()).doesNotContain("deadbeef");
    }
}
