package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final Passwords passwords = new Passwords(SecurityFixtures.properties(), (password, hash) -> {
        checks.incrementAndGet();
        return BCrypt.verifyer().verify(password, hash).verified;
    });

    @Test
    void a_hash_is_bcrypt_with_the_configured_cost_and_matches_only_its_password() {
        String hash = passwords.hash("correct horse battery");

        assertThat(hash).startsWith("$2a$04$");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void an_unknown_user_costs_one_real_bcrypt_check_like_a_wrong_password() {
        String hash = passwords.hash("correct horse battery");
        checks.set(0);

        assertThat(passwords.matches("guess", null)).isFalse();
        assertThat(checks.get()).isEqualTo(1);
        assertThat(passwords.matches("guess", hash)).isFalse();
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_never_matches() {
        String longPassword = "x".repeat(72);
        String hash = passwords.hash(longPassword);

        assertThat(passwords.matches(longPassword, hash)).isTrue();
        assertThat(passwords.matches(longPassword + "more", hash)).isFalse();
    }

    @Test
    void a_malformed_hash_is_a_mismatch_not_an_error() {
        assertThat(passwords.matches("x", "not-a-bcrypt-hash")).isFalse();
    }

    @Test
    void new_passwords_must_be_long_enough_and_fit_bcrypt() {
        assertThatThrownBy(() -> passwords.checkNew("short")).hasMessage("password: must be at least 10 characters");
        assertThatThrownBy(() -> passwords.checkNew("é".repeat(40)))
                .hasMessage("password: must be at most 72 bytes (bcrypt's limit)");
        assertThatThrownBy(() -> passwords.checkNew(" ".repeat(12))).hasMessage("password: must not be only spaces");
    }
}
