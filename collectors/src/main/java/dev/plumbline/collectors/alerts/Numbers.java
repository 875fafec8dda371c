package dev.plumbline.collectors.alerts;

import java.math.BigDecimal;
import java.math.MathContext;

/** How exports write numbers: exactly where a machine reads them, briefly where a person does. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The shortest decimal that reads back as exactly {@code value} (Java's and Go's parsers both round correctly, so
     * Prometheus parses the same float64), without an exponent: 0.0144, 0.014400000000000002.
     */
    public static String exact(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** For people: at most {@code digits} significant digits, no trailing zeros (14.4, 2.14, 0.1). */
    public static String brief(double value, int digits) {
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** A share as a percentage for people: 0.0144 as 1.44%, 0.001 as 0.1%. */
    public static String percent(double share) {
        return brief(share * 100, 3) + "%";
    }
}
