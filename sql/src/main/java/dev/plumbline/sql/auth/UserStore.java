package dev.plumbline.sql.auth;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.RowVersions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Users who may sign in. */
public final class UserStore {

    private static final NamedQuery UPSERT = NamedQuery.load(UserStore.class, "upsert_user.sql");
    private static final NamedQuery FIND = NamedQuery.load(UserStore.class, "find_user.sql");
    private static final NamedQuery LIST = NamedQuery.load(UserStore.class, "list_users.sql");
    private static final NamedQuery COUNT = NamedQuery.load(UserStore.class, "count_users.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public UserStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Inserts a user or replaces the one with the same name (keeping the original creation time). */
    public void save(User user) {
        var created = clickHouse.queryOne(FIND, row -> row.getTimestamp("created_at").toInstant(), user.username())
                .orElse(clock.instant());
        clickHouse.execute(UPSERT, user.username(), user.displayName(), user.roles(), user.passwordHash(),
                user.disabled(), created, RowVersions.next(clock));
    }

    public Optional<User> find(String username) {
        return clickHouse.queryOne(FIND, UserStore::user, username);
    }

    /** Every user, by name. */
    public List<User> all() {
        return clickHouse.query(LIST, UserStore::user);
    }

    public long count() {
        return clickHouse.queryOne(COUNT, row -> row.getLong(1)).orElse(0L);
    }

    private static User user(ResultSet row) throws SQLException {
        Array roles = row.getArray("roles");
        return new User(row.getString("username"), row.getString("display_name"),
                Arrays.stream((Object[]) roles.getArray()).map(String::valueOf).toList(),
                row.getString("password_hash"), row.getBoolean("disabled"));
    }
}
