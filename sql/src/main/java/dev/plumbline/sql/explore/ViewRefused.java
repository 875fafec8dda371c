package dev.plumbline.sql.explore;

/**
 * A saved-view request that the rules refuse ({@link SavedViews}): why, and about which field. The API answers it
 * with the status of its {@link Kind}; the Explore page shows its message.
 */
public final class ViewRefused extends RuntimeException {

    /** What kind of refusal: no such view (for this user), not allowed, a name taken, a value that cannot work. */
    public enum Kind {
        NOT_FOUND, FORBIDDEN, CONFLICT, INVALID
    }

    private final Kind kind;
    private final String field;

    public ViewRefused(Kind kind, String field, String message) {
        super(field + ": " + message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
