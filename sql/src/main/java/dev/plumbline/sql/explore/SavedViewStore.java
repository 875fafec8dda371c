package dev.plumbline.sql.explore;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.RowVersions;
import dev.plumbline.sql.psr.ExploreBy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved Explore views (table saved_views): each is private to its owner unless shared. A change or a deletion writes
 * the view's row again, so what a reader sees is always one whole version of it.
 */
public final class SavedViewStore {

    private static final NamedQuery UPSERT = NamedQuery.load(SavedViewStore.class, "upsert_view.sql");
    private static final NamedQuery LIST = NamedQuery.load(SavedViewStore.class, "list_views.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public SavedViewStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Saves a new view owned by {@code owner}; returns it as stored. */
    public SavedView create(String name, boolean shared, ExploreQuery query, String owner) {
        Instant now = clock.instant();
        SavedView view = new SavedView(UUID.randomUUID().toString(), name, owner, shared, query, now, now);
        write(view, false);
        return find(view.id(), owner, false).orElseThrow(() -> new IllegalStateException("the saved view "
                + view.id() + " is not found again"));
    }

    /** Writes {@code view}'s new name, sharing and query (its id, owner and creation kept); returns it as stored. */
    public SavedView update(SavedView view, String name, boolean shared, ExploreQuery query) {
        SavedView changed = new SavedView(view.id(), name, view.owner(), shared, query, view.createdAt(),
                clock.instant());
        write(changed, false);
        return find(view.id(), view.owner(), false).orElseThrow(() -> new IllegalStateException("the saved view "
                + view.id() + " is not found again"));
    }

    /** Deletes {@code view}: no one lists or opens it any more. */
    public void delete(SavedView view) {
        write(new SavedView(view.id(), view.name(), view.owner(), view.shared(), view.query(), view.createdAt(),
                clock.instant()), true);
    }

    /** The views {@code user} can open (their own and the shared ones; every view when {@code everyone}), by name. */
    public List<SavedView> visibleTo(String user, boolean everyone) {
        return clickHouse.query(LIST, Params.of("user", user).and("everyone", everyone).and("id", ""),
                SavedViewStore::view);
    }

    /** The view {@code id} if {@code user} can open it (their own or shared; any when {@code everyone}). */
    public Optional<SavedView> find(String id, String user, boolean everyone) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return clickHouse.queryOne(LIST, Params.of("user", user).and("everyone", everyone).and("id", id),
                SavedViewStore::view);
    }

    private void write(SavedView view, boolean deleted) {
        Instant version = RowVersions.next(clock);
        clickHouse.insert(UPSERT, List.of(view), (v, c) -> {
            c.set("id", v.id());
            c.set("name", v.name());
            c.set("owner", v.owner());
            c.set("shared", v.shared());
            c.set("figure", v.query().figure().id());
            c.set("group_by", v.query().by().id());
            c.set("service", v.query().service());
            c.set("month", v.query().month());
            c.set("from_value", v.query().from());
            c.set("to_value", v.query().to());
            c.set("created_at", v.createdAt());
            c.set("saved_at", v.savedAt());
            c.set("is_deleted", deleted ? 1 : 0);
            c.set("row_version", version);
        });
    }

    private static SavedView view(Row row) {
        ExploreQuery query = new ExploreQuery(
                ExploreFigure.of(row.getString("figure")).orElse(ExploreFigure.REQUESTS),
                ExploreBy.of(row.getString("group_by")).orElse(ExploreBy.SERVICE), row.getString("service"),
                row.getString("month"), row.getString("from_value"), row.getString("to_value"));
        return new SavedView(row.getString("id"), row.getString("name"), row.getString("owner"),
                row.getBoolean("shared"), query, row.getInstant("created_at"), row.getInstant("saved_at"));
    }
}
