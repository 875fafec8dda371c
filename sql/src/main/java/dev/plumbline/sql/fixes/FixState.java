package dev.plumbline.sql.fixes;

import java.util.Locale;

/**
 * Where a tracked fix stands. {@link #PLANNED} and {@link #SHIPPED} are recorded by people; the other three are the
 * result of measuring its effect ({@link Effects}) once enough days after the ship day have passed.
 */
public enum FixState {
    PLANNED,
    SHIPPED,
    /** The daily figure fell, significantly at 95% confidence (Welch's t-test). */
    VERIFIED_IMPROVED,
    /** The daily figure did not change significantly at 95% confidence. */
    NO_SIGNIFICANT_CHANGE,
    /** The daily figure rose, significantly at 95% confidence. */
    WORSE;

    /** As the API and pages show it: "verified-improved". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FixState of(String label) {
        for (FixState s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("state: unknown '" + label + "'");
    }
}
