package dev.plumbline.sql.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class UserStoreTest {

    private static UserStore store;

    @BeforeAll
    static void setUp(TestDatabase db) {
        // a clock that stands still: a second save must replace the first all the same (RowVersions)
        store = new UserStore(db.migrate().clickHouse(), Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), java.time.ZoneOffset.UTC));
        store.save(new User("ada", "Ada Lovelace", List.of("pm", "exec"), "$2a$12$hash", false));
        store.save(new User("bob", null, List.of("engineer"), "$2a$12$other", true));
    }

    @Test
    void a_saved_user_is_found_by_name_as_written() {
        assertThat(store.find("ada")).contains(new User("ada", "Ada Lovelace", List.of("pm", "exec"), "$2a$12$hash", false));
        assertThat(store.find("bob").orElseThrow().disabled()).isTrue();
        assertThat(store.find("nobody")).isEmpty();
    }

    @Test
    void saving_again_replaces_the_user() {
        store.save(new User("carol", null, List.of("exec"), "h1", false));
        store.save(new User("carol", "Carol", List.of("admin"), "h2", false));

        assertThat(store.find("carol")).contains(new User("carol", "Carol", List.of("admin"), "h2", false));
        assertThat(store.all()).extracting(User::username).containsExactly("ada", "bob", "carol");
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void user_names_are_lower_case_identifiers() {
        assertThatThrownBy(() -> new User("Ada", null, List.of(), "h", false))
                .hasMessageStartingWith("user name 'Ada' must be 1 to 100 lower case letters");
    }

    @Test
    void the_password_hash_never_appears_in_to_string() {
        assertThat(new User("ada", null, List.of("pm"), "$2a$12$secret", false).toString()).doesNotContain("secret");
    }
}
