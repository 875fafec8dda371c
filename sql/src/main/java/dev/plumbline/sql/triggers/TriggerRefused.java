package dev.plumbline.sql.triggers;

/**
 * A trigger cannot be saved as given: {@link #field()} names what is wrong (a body field, as the API and the form
 * call it), and the message begins with it.
 */
public final class TriggerRefused extends RuntimeException {

    /** Why: a value that cannot work (400), or one the caller may not set (403). */
    public enum Kind { INVALID, FORBIDDEN }

    private final String field;
    private final Kind kind;

    public TriggerRefused(String field, String reason) {
        this(Kind.INVALID, field, reason);
    }

    public TriggerRefused(Kind kind, String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.kind = kind;
    }

    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    /** The message without its field. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
