package dev.plumbline.sql.fixes;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Whether a figure's daily values changed between two windows: Welch's two-sided t-test (unequal variances) from
 * Apache Commons Math 3.6.1, at {@link #CONFIDENCE} confidence. Lower is better for every figure a fix is judged on,
 * so a significant fall is an improvement and a significant rise is worse.
 *
 * @param beforeMean the mean of the daily values before
 * @param afterMean  the mean of the daily values after
 * @param t          Welch's t statistic, (before mean - after mean) / sqrt(s1²/n1 + s2²/n2)
 * @param pValue     the two-sided p-value; the change is significant when it is below 1 - {@link #CONFIDENCE}
 */
public record Significance(int beforeDays, int afterDays, double beforeMean, double afterMean, double t,
                           double pValue, Change change) {

    /** The confidence a change must reach: 95%. */
    public static final double CONFIDENCE = 0.95;
    /** The test, as the API and pages name it. */
    public static final String TEST = "Welch's two-sided t-test on the daily values, 95% confidence";

    /** What the test says happened. */
    public enum Change {
        IMPROVED, NO_SIGNIFICANT_CHANGE, WORSE
    }

    /**
     * The test of {@code before} against {@code after}, each at least two daily values. When both windows have no
     * spread at all the t statistic is undefined: equal means are no change (p = 1), different ones a certain
     * change (p = 0).
     */
    public static Significance welch(double[] before, double[] after) {
        if (before.length < 2 || after.length < 2) {
            throw new IllegalArgumentException("daily values: at least 2 each side, were " + before.length + " before and "
                    + after.length + " after");
        }
        double beforeMean = mean(before);
        double afterMean = mean(after);
        double t;
        double p;
        if (constant(before) && constant(after)) {
            t = beforeMean == afterMean ? 0 : Math.copySign(Double.POSITIVE_INFINITY, beforeMean - afterMean);
            p = beforeMean == afterMean ? 1 : 0;
        } else {
            TTest test = new TTest();
            t = test.t(before, after);
            p = test.tTest(before, after);
        }
        Change change = p >= 1 - CONFIDENCE ? Change.NO_SIGNIFICANT_CHANGE
                : afterMean < beforeMean ? Change.IMPROVED : Change.WORSE;
        return new Significance(before.length, after.length, beforeMean, afterMean, t, p, change);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static boolean constant(double[] values) {
        return Arrays.stream(values).allMatch(v -> v == values[0]);
    }
}
