package dev.plumbline.sql.explore;

import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import java.util.List;

/**
 * The rules of saved Explore views, for the API and the page alike: everyone lists and opens their own views and the
 * shared ones whose figures their role sees (money needs view-money, a grouping by customer data view-business);
 * saving needs save-views; a name is used once per owner (whatever its case); the owner or an administrator changes
 * or deletes a view (it stays its owner's). Each refusal is a {@link ViewRefused} naming the field at fault.
 */
public final class SavedViews {

    /** The longest name a view may have. */
    public static final int MAX_NAME = 100;

    private final SavedViewStore store;

    public SavedViews(SavedViewStore store) {
        this.store = store;
    }

    /** Whether {@code who}'s role sees the figures {@code query} shows. */
    public static boolean sees(Identity who, ExploreQuery query) {
        return (!query.figure().money() || who.can(Permission.VIEW_MONEY))
                && (!query.by().business() || who.can(Permission.VIEW_BUSINESS));
    }

    /** The views {@code who} can open, by name. */
    public List<SavedView> list(Identity who) {
        return store.visibleTo(who.name(), false).stream().filter(v -> sees(who, v.query())).toList();
    }

    /** The view {@code id}, if {@code who} may open it. */
    public SavedView open(Identity who, String id) {
        SavedView view = find(who, id);
        if (!sees(who, view.query())) {
            throw new ViewRefused(ViewRefused.Kind.FORBIDDEN, "id", "the view '" + view.name()
                    + "' shows figures your role does not see");
        }
        return view;
    }

    /** Saves a new view owned by {@code who}. */
    public SavedView create(Identity who, String name, boolean shared, ExploreQuery query) {
        String n = checked(who, name, query, "", who.name());
        return store.create(n, shared, query, who.name());
    }

    /** Changes the view {@code id}: {@code who}'s own, or any for an administrator (its owner stays). */
    public SavedView update(Identity who, String id, String name, boolean shared, ExploreQuery query) {
        SavedView view = find(who, id);
        if (!view.owner().equals(who.name()) && !who.can(Permission.ADMINISTER)) {
            throw new ViewRefused(ViewRefused.Kind.FORBIDDEN, "id", "the view '" + view.name() + "' is "
                    + view.owner() + "'s: only its owner or an administrator changes it");
        }
        String n = checked(who, name, query, view.id(), view.owner());
        return store.update(view, n, shared, query);
    }

    /** Deletes the view {@code id}: {@code who}'s own, or any for an administrator. */
    public void delete(Identity who, String id) {
        SavedView view = find(who, id);
        if (!view.owner().equals(who.name()) && !who.can(Permission.ADMINISTER)) {
            throw new ViewRefused(ViewRefused.Kind.FORBIDDEN, "id", "the view '" + view.name() + "' is "
                    + view.owner() + "'s: only its owner or an administrator deletes it");
        }
        store.delete(view);
    }

    /** Whether {@code who} may delete {@code view} (the page shows the button only then). */
    public static boolean mayDelete(Identity who, SavedView view) {
        return who.can(Permission.SAVE_VIEWS) && (view.owner().equals(who.name()) || who.can(Permission.ADMINISTER));
    }

    private SavedView find(Identity who, String id) {
        String shown = id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "..." : id;
        return store.find(id, who.name(), false).orElseThrow(() -> new ViewRefused(ViewRefused.Kind.NOT_FOUND, "id",
                "no saved view with id '" + shown + "' that you can open"));
    }

    private String checked(Identity who, String name, ExploreQuery query, String except, String owner) {
        if (!who.can(Permission.SAVE_VIEWS)) {
            throw new ViewRefused(ViewRefused.Kind.FORBIDDEN, "name", "saving a view needs the save-views permission");
        }
        if (!sees(who, query)) {
            throw new ViewRefused(ViewRefused.Kind.FORBIDDEN, query.figure().money() ? "figure" : "by",
                    "your role does not see these figures");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new ViewRefused(ViewRefused.Kind.INVALID, "name", "required: what the view is called in the list");
        }
        if (n.length() > MAX_NAME) {
            throw new ViewRefused(ViewRefused.Kind.INVALID, "name", "at most " + MAX_NAME + " characters, was "
                    + n.length());
        }
        boolean taken = store.visibleTo(owner, true).stream().anyMatch(v -> v.owner().equals(owner)
                && !v.id().equals(except) && v.name().equalsIgnoreCase(n));
        if (taken) {
            throw new ViewRefused(ViewRefused.Kind.CONFLICT, "name", (owner.equals(who.name()) ? "you already have"
                    : owner + " already has") + " a view named '" + n + "'");
        }
        return n;
    }
}
