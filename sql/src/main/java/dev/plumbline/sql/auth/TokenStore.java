package dev.plumbline.sql.auth;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.RowVersions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens (hashed). */
public final class TokenStore {

    private static final NamedQuery UPSERT = NamedQuery.load(TokenStore.class, "upsert_token.sql");
    private static final NamedQuery FIND = NamedQuery.load(TokenStore.class, "find_token.sql");
    private static final NamedQuery LIST = NamedQuery.load(TokenStore.class, "list_tokens.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public TokenStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    public void save(ApiToken token) {
        clickHouse.execute(UPSERT, token.id(), token.name(), token.role(), token.secretHash(), token.createdBy(),
                token.createdAt(), token.revokedAt(), RowVersions.next(clock));
    }

    public Optional<ApiToken> find(String id) {
        return clickHouse.queryOne(FIND, TokenStore::token, id);
    }

    /** Every token, newest first. */
    public List<ApiToken> all() {
        return clickHouse.query(LIST, TokenStore::token);
    }

    /** Marks a token revoked; returns false when there is no such token. Revoking twice keeps the first time. */
    public boolean revoke(String id) {
        Optional<ApiToken> token = find(id);
        if (token.isEmpty()) {
            return false;
        }
        if (!token.get().revoked()) {
            ApiToken t = token.get();
            save(new ApiToken(t.id(), t.name(), t.role(), t.secretHash(), t.createdBy(), t.createdAt(), clock.instant()));
        }
        return true;
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        Timestamp revoked = row.getTimestamp("revoked_at");
        return new ApiToken(row.getString("id"), row.getString("name"), row.getString("role"),
                row.getString("secret_hash"), row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

}
