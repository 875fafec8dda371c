package dev.plumbline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Behind a TLS-terminating proxy (X-Forwarded-Proto: https from a private address) the session cookie is Secure. */
@ExtendWith(ClickHouseExtension.class)
class SecureCookieTest {

    @Test
    void the_session_cookie_is_secure_over_tls_and_not_over_plain_http(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, Map.of())) {
            HttpResponse<String> viaTls = app.get("/login", Map.of("X-Forwarded-Proto", "https"));
            HttpResponse<String> plain = app.get("/login");

            assertThat(viaTls.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax"));
            assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith("JSESSIONID=").doesNotContain("Secure").contains("; HttpOnly"));
        }
    }
}
