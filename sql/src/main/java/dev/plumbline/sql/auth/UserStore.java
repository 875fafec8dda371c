package dev.plumbline.sql.auth;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
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
        var created = clickHouse.queryOne(FIND, Params.of("username", user.username()), row -> row.getInstant("created_at"))
                .orElse(clock.instant());
        var version = RowVersions.next(clock);
        clickHouse.insert(UPSERT, List.of(user), (u, c) -> {
            c.set("username", u.username());
            c.set("display_name", u.displayName());
            c.set("roles", u.roles());
            c.set("password_hash", u.passwordHash());
            c.set("disabled", u.disabled());
            c.set("created_at", created);
            c.set("updated_at", version);
        });
    }

    public Optional<User> find(String username) {
        return clickHouse.queryOne(FIND, Params.of("username", username), UserStore::user);
    }

    /** Every user, by name. */
    public List<User> all() {
        return clickHouse.query(LIST, UserStore::user);
    }

    public long count() {
        return clickHouse.queryOne(COUNT, Params.NONE, row -> row.getLong("users")).orElse(0L);
    }

    private static User user(Row row) {
        return new User(row.getString("username"), row.getString("display_name"), row.getStrings("roles"),
                row.getString("password_hash"), row.getBoolean("disabled"));
    }
}
