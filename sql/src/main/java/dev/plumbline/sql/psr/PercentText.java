package dev.plumbline.sql.psr;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every page, the PDF and the sentences write a share (0-1) as a percent: the one place where a share is
 * multiplied by 100 and rounded (half up, on the share's shortest decimal form, as {@code String.format} does). An
 * absent share (null, NaN, infinite) reads "–"; a value that rounds to zero never reads "-0". Pure.
 */
public final class PercentText {

    /** What an absent figure reads as, everywhere. */
    public static final String NONE = "–";

    private PercentText() {
    }

    /** 0.123456 with 3 decimals: "12.346%". */
    public static String of(Double share, int decimals) {
        BigDecimal p = percent(share, decimals);
        return p == null ? NONE : p.toPlainString() + "%";
    }

    /**
     * For a sentence: as few digits as still say something, none trailing. 0.38: "38%", 0.0123: "1.2%", 0.0005:
     * "0.05%", 0.00001234: "0.001%", 0: "0%".
     */
    public static String readable(Double share) {
        if (absent(share)) {
            return NONE;
        }
        double p = Math.abs(share * 100);
        int decimals = p >= 10 ? 0 : p >= 1 ? 1 : p >= 0.1 ? 2 : 3;
        return plain(percent(share, decimals)) + "%";
    }

    /** A target as it was written: 0.999: "99.9%", 0.95: "95%", 0.99995: "99.995%" (at most 4 decimals). */
    public static String exact(Double share) {
        BigDecimal p = percent(share, 4);
        return p == null ? NONE : plain(p) + "%";
    }

    /** A relative change, signed: 0.25 with 0 decimals: "+25%"; -0.031: "-3%". */
    public static String change(Double relative, int decimals) {
        BigDecimal p = percent(relative, decimals);
        return p == null ? NONE : (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }

    /** A change of a share in percentage points, signed: 0.0012 with 3 decimals: "+0.120 pp". */
    public static String points(Double change, int decimals) {
        BigDecimal p = percent(change, decimals);
        return p == null ? NONE : (p.signum() > 0 ? "+" : "") + p.toPlainString() + " pp";
    }

    /** The share x 100, rounded half up to {@code decimals} as every text here rounds it (the CSV's cells); null when absent. */
    public static BigDecimal percent(Double share, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more, was " + decimals);
        }
        if (absent(share)) {
            return null;
        }
        BigDecimal p = BigDecimal.valueOf(share).movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
        return p.signum() == 0 ? BigDecimal.ZERO.setScale(decimals) : p;
    }

    private static String plain(BigDecimal p) {
        return p.signum() == 0 ? "0" : p.stripTrailingZeros().toPlainString();
    }

    private static boolean absent(Double share) {
        return share == null || share.isNaN() || share.isInfinite();
    }
}
