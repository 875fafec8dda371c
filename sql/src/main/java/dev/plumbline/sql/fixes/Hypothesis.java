package dev.plumbline.sql.fixes;

import java.util.Locale;
import java.util.Objects;

/**
 * What a fix is expected to achieve, in numbers: the figure of the affected customers on the service over the window
 * after the ship day, compared with a value ("p95_ms below 800", "error_ratio below 0.001").
 *
 * @param figure     the figure measured (also the daily figure the significance test compares)
 * @param comparison how the figure must stand against {@code value}
 * @param value      in the figure's unit: a ratio 0-1 for {@link Figure#ERROR_RATIO}, milliseconds for {@link Figure#P95_MS}
 */
public record Hypothesis(Figure figure, Comparison comparison, double value) {

    /** The figures a fix can be judged on; for both, lower is better. */
    public enum Figure {
        /** Errors / requests (an availability problem). */
        ERROR_RATIO,
        /** The 95th percentile latency in milliseconds, from the merged histogram (a latency problem). */
        P95_MS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The figure of {@code label} ("error_ratio", "p95_ms"); an error naming the field otherwise. */
        public static Figure of(String field, String label) {
            for (Figure f : values()) {
                if (f.label().equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(field + ": must be error_ratio or p95_ms, was '" + label + "'");
        }
    }

    /** How the measured figure must stand against the value. */
    public enum Comparison {
        BELOW, ABOVE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Comparison of(String field, String label) {
            for (Comparison c : values()) {
                if (c.label().equals(label)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(field + ": must be below or above, was '" + label + "'");
        }
    }

    public Hypothesis {
        Objects.requireNonNull(figure, "hypothesis.figure");
        Objects.requireNonNull(comparison, "hypothesis.comparison");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("hypothesis.value: must be a number of at least 0, was " + value);
        }
        if (figure == Figure.ERROR_RATIO && value > 1) {
            throw new IllegalArgumentException("hypothesis.value: an error ratio is between 0 and 1, was " + value);
        }
    }

    /** Whether {@code measured} (null: nothing measured) satisfies the hypothesis; strict comparison. */
    public boolean heldBy(Double measured) {
        if (measured == null) {
            return false;
        }
        return comparison == Comparison.BELOW ? measured < value : measured > value;
    }

    @Override
    public String toString() {
        return figure.label() + " " + comparison.label() + " " + value;
    }
}
