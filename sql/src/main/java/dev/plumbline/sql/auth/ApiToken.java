package dev.plumbline.sql.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as stored: never the token itself, only the SHA-256 of its secret part.
 *
 * @param id         public identifier, the part of the token before the dot
 * @param name       what it is for, e.g. "CI deploy annotations"
 * @param role       the role it acts with
 * @param secretHash hex SHA-256 of the secret part
 * @param createdBy  the admin who created it
 * @param revokedAt  when it was revoked, or null while it is valid
 */
public record ApiToken(String id, String name, String role, String secretHash, String createdBy, Instant createdAt,
                       Instant revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name == null ? "" : name;
        createdBy = createdBy == null ? "" : createdBy;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    @Override
    public String toString() {
        return "ApiToken[" + id + ", " + name + ", role=" + role + (revoked() ? ", revoked" : "") + "]";
    }
}
