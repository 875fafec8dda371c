package dev.plumbline.sql.triggers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a figure is compared with a trigger's threshold: the rule holds (the subject breaches) when it is true. */
public enum Comparison {
    /** Strictly above the threshold. */
    ABOVE,
    /** Strictly below the threshold. */
    BELOW;

    /** Whether {@code value} breaches {@code threshold}. Pure. */
    public boolean breaches(double value, double threshold) {
        return this == ABOVE ? value > threshold : value < threshold;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Comparison> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
    }
}
