package dev.plumbline.sql.catalog;

import java.time.Duration;
import java.util.Locale;

/**
 * How an objective's error budget is counted (OpenSLO's {@code budgetingMethod}).
 * <ul>
 *   <li>{@link Method#OCCURRENCES}: the share of bad requests (the default);</li>
 *   <li>{@link Method#TIMESLICES}: the period is cut into slices of {@code sliceMinutes}; a slice is good when its own
 *       figure (the share of requests without error, or within the latency threshold) is at least
 *       {@code sliceTarget}; the bad share is the share of bad slices;</li>
 *   <li>{@link Method#RATIO_TIMESLICES}: the same slices; the bad share is 1 - the average of the slices' good
 *       shares, so every slice weighs the same whatever its traffic.</li>
 * </ul>
 *
 * @param sliceMinutes the time slice, 1 minute to 1 day (0 for occurrences)
 * @param sliceTarget  for time slices: the good share a slice needs, in (0, 1]; else null
 */
public record Budgeting(Method method, int sliceMinutes, Double sliceTarget) {

    public static final Budgeting OCCURRENCES = new Budgeting(Method.OCCURRENCES, 0, null);
    /** The longest time slice: one day. */
    public static final int MAX_SLICE_MINUTES = 24 * 60;

    /** OpenSLO's budgeting methods, by the names the spec gives them. */
    public enum Method {
        OCCURRENCES("Occurrences"), TIMESLICES("Timeslices"), RATIO_TIMESLICES("RatioTimeslices");

        private final String openSlo;

        Method(String openSlo) {
            this.openSlo = openSlo;
        }

        public String openSlo() {
            return openSlo;
        }

        /** The value stored in ClickHouse's Enum8 column. */
        public String sqlValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method fromSql(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public Budgeting {
        java.util.Objects.requireNonNull(method, "method");
        if (method == Method.OCCURRENCES) {
            if (sliceMinutes != 0 || sliceTarget != null) {
                throw new IllegalArgumentException("Occurrences has no time slice");
            }
        } else {
            if (sliceMinutes < 1 || sliceMinutes > MAX_SLICE_MINUTES) {
                throw new IllegalArgumentException("a time slice is 1 minute to 1 day, was " + sliceMinutes + " minutes");
            }
            if (method == Method.TIMESLICES && (sliceTarget == null || !(sliceTarget > 0 && sliceTarget <= 1))) {
                throw new IllegalArgumentException("Timeslices needs a slice target in (0, 1], was " + sliceTarget);
            }
            if (method == Method.RATIO_TIMESLICES && sliceTarget != null) {
                throw new IllegalArgumentException("RatioTimeslices has no slice target");
            }
        }
    }

    public static Budgeting timeslices(int sliceMinutes, double sliceTarget) {
        return new Budgeting(Method.TIMESLICES, sliceMinutes, sliceTarget);
    }

    public static Budgeting ratioTimeslices(int sliceMinutes) {
        return new Budgeting(Method.RATIO_TIMESLICES, sliceMinutes, null);
    }

    public boolean timeSliced() {
        return method != Method.OCCURRENCES;
    }

    public Duration slice() {
        return Duration.ofMinutes(sliceMinutes);
    }

    @Override
    public String toString() {
        return switch (method) {
            case OCCURRENCES -> "occurrences";
            case TIMESLICES -> "time slices of " + sliceMinutes + " min, each good at " + sliceTarget;
            case RATIO_TIMESLICES -> "average of " + sliceMinutes + "-min time slices";
        };
    }
}
