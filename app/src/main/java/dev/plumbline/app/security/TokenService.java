package dev.plumbline.app.security;

import dev.plumbline.dashboards.admin.Tokens;
import dev.plumbline.sql.auth.ApiToken;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.TokenStore;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens: {@code plb_<id>.<secret>}, where the id is public (it names the token in lists and logs) and only the
 * SHA-256 of the 256-bit random secret is stored. A token acts with exactly one role.
 * <p>
 * A request's token is checked from memory: what the store said about a token id is trusted for
 * {@code plumbline.security.identity-refresh} (10 s by default) before it is read again, so a busy API does not take
 * a store connection per request. A revocation made through this process takes effect at once; one made through
 * another replica, within that time.
 */
@Singleton
public class TokenService implements Tokens {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    private static final Pattern FORMAT = Pattern.compile("plb_([a-z2-7]{12})\\.([A-Za-z0-9_-]{43})");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private final TokenStore store;
    private final RoleCatalog roles;
    private final Clock clock;
    private final Duration refreshAfter;
    private final SecureRandom random = new SecureRandom();
    /** Token id to what the store said about it (also that there is no such token), least recently used first. */
    private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Token ids remembered at most (the least recently used are forgotten first). */
    static final int REMEMBERED = 10_000;

    private record Seen(Optional<ApiToken> token, Instant readAt) {
    }

    public TokenService(TokenStore store, RoleCatalog roles, Clock clock, SecurityProperties properties) {
        this.store = store;
        this.roles = roles;
        this.clock = clock;
        this.refreshAfter = properties.identityRefresh();
    }

    @Override
    public List<ApiToken> all() {
        return store.all();
    }

    @Override
    public Issued create(String name, String role, String createdBy) {
        String what = name == null ? "" : name.strip();
        if (what.isEmpty() || what.length() > 200) {
            throw new IllegalArgumentException("name: say what the token is for (1 to 200 characters)");
        }
        roles.requireKnown("role", role == null ? List.of() : List.of(role));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiToken token = new ApiToken(id.toString(), what, role, sha256(secret), createdBy, clock.instant(), null);
        store.save(token);
        LOG.info("API token {} ('{}', role {}) created by {}", token.id(), what, role, createdBy);
        return new Issued(token, "plb_" + token.id() + "." + secret);
    }

    @Override
    public boolean revoke(String id) {
        boolean found = store.revoke(id);
        forget(id);
        if (found) {
            LOG.info("API token {} revoked", id);
        }
        return found;
    }

    /** The identity a presented token acts as, if it is well formed, known, not revoked and its secret matches. */
    public Optional<Identity> authenticate(String presented) {
        Matcher m = FORMAT.matcher(presented == null ? "" : presented.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<ApiToken> token = find(m.group(1));
        byte[] expected = token.map(t -> t.secretHash().getBytes(StandardCharsets.US_ASCII)).orElse(new byte[64]);
        boolean matches = MessageDigest.isEqual(expected, sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII));
        if (token.isEmpty() || !matches || token.get().revoked()) {
            LOG.info("API token {} refused ({})", m.group(1),
                    token.isEmpty() ? "unknown" : token.get().revoked() ? "revoked" : "wrong secret");
            return Optional.empty();
        }
        ApiToken t = token.get();
        return Optional.of(new Identity("token:" + t.id(), t.name(), Set.of(t.role()),
                roles.permissionsOf(Set.of(t.role())), "token"));
    }

    /** The token with this id: from memory while it was read less than the refresh time ago, else from the store. */
    private Optional<ApiToken> find(String id) {
        Instant now = clock.instant();
        synchronized (seen) {
            Seen known = seen.get(id);
            if (known != null && known.readAt().plus(refreshAfter).isAfter(now)) {
                return known.token();
            }
        }
        Optional<ApiToken> token = store.find(id);
        synchronized (seen) {
            seen.put(id, new Seen(token, now));
        }
        return token;
    }

    private void forget(String id) {
        synchronized (seen) {
            seen.remove(id);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
