package dev.plumbline.collectors.alerts;

/**
 * A policy or an objective that an export cannot express; {@link #field()} names what is at fault (e.g.
 * {@code objective}, {@code policy.rules[1].factor}) and the message begins with it.
 */
public final class ExportRefused extends RuntimeException {

    private final String field;

    public ExportRefused(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
