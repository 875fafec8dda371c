package dev.plumbline.sql.auth;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
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
        Instant version = RowVersions.next(clock);
        clickHouse.insert(UPSERT, List.of(token), (t, c) -> {
            c.set("id", t.id());
            c.set("name", t.name());
            c.set("role", t.role());
            c.set("secret_hash", t.secretHash());
            c.set("created_by", t.createdBy());
            c.set("created_at", t.createdAt());
            c.set("revoked_at", t.revokedAt());
            c.set("updated_at", version);
        });
    }

    public Optional<ApiToken> find(String id) {
        return clickHouse.queryOne(FIND, Params.of("id", id), TokenStore::token);
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

    private static ApiToken token(Row row) {
        return new ApiToken(row.getString("id"), row.getString("name"), row.getString("role"),
                row.getString("secret_hash"), row.getString("created_by"), row.getInstant("created_at"),
                row.getInstant("revoked_at"));
    }

}
