package dev.plumbline.dashboards.admin;

import dev.plumbline.sql.auth.ApiToken;
import java.util.List;

/**
 * API token administration, as the Tokens page and the tokens API need it. Implemented by the application.
 */
public interface Tokens {

    /** Every token, newest first; never their secrets. */
    List<ApiToken> all();

    /** Creates a token acting with {@code role}; the result holds the token, which is shown this once only. */
    Issued create(String name, String role, String createdBy);

    /** Revokes a token; false when there is no such token. */
    boolean revoke(String id);

    /**
     * A token just created.
     *
     * @param token  what is stored
     * @param secret the full token to give to the script ({@code plb_<id>.<secret>}); not stored anywhere
     */
    record Issued(ApiToken token, String secret) {

        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }
}
