package dev.plumbline.app.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing with bcrypt. Checking a password against no hash (unknown user) costs the same as against a real
 * one, so the answer time does not tell whether a user exists.
 */
@Singleton
public class Passwords {

    /** bcrypt uses at most 72 bytes of a password; longer ones are refused instead of silently cut. */
    static final int MAX_BYTES = 72;

    private final int cost;
    private final int minLength;
    private final String dummyHash;
    private final Verifier verifier;

    /** Checks a password against a bcrypt hash; a seam so a test can see that every check really runs bcrypt. */
    @FunctionalInterface
    interface Verifier {
        boolean verify(byte[] password, byte[] hash);
    }

    @jakarta.inject.Inject
    public Passwords(SecurityProperties properties) {
        this(properties, (password, hash) -> BCrypt.verifyer().verify(password, hash).verified);
    }

    Passwords(SecurityProperties properties, Verifier verifier) {
        this.cost = properties.bcryptCost();
        this.minLength = properties.minPasswordLength();
        this.verifier = verifier;
        this.dummyHash = hash("not a password of anybody: equalises timing");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** True when {@code password} matches {@code hash}; a null hash costs the same and is false. */
    public boolean matches(String password, String hash) {
        byte[] bytes = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        boolean tooLong = bytes.length > MAX_BYTES; // never accepted as a password: check the dummy, answer no
        if (tooLong) {
            bytes = java.util.Arrays.copyOf(bytes, MAX_BYTES);
        }
        String against = hash == null || hash.isBlank() || tooLong ? dummyHash : hash;
        boolean ok;
        try {
            ok = verifier.verify(bytes, against.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformedHash) {
            ok = false;
        }
        return ok && !tooLong && hash != null && !hash.isBlank();
    }

    /** Fails with a message naming the rule when {@code password} is not acceptable as a new password. */
    public void checkNew(String password) {
        if (password == null || password.length() < minLength) {
            throw new IllegalArgumentException("password: must be at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("password: must be at most " + MAX_BYTES + " bytes (bcrypt's limit)");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("password: must not be only spaces");
        }
    }
}
