package dev.plumbline.collectors.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * What a source sent that was not stored, counted so the source's status and log can say so: series that lack the
 * service or customer tag (a wrong tag name would otherwise look like a quiet month), and values refused because
 * they are not finite, negative, or above the source's documented maximum per minute. The minutes such data fell in
 * are not counted as collected (coverage).
 *
 * @param untaggedSeries    series (per query and chunk) without the service or customer tag, dropped
 * @param untaggedValues    the non-null values those series carried
 * @param notFinite         values refused as NaN or infinite
 * @param negative          values refused as negative counts
 * @param aboveMaximum      values refused as above the maximum per minute
 * @param minutesNotCovered minutes not counted as collected because data of theirs was dropped or refused
 * @param untaggedExamples  the tags of a few dropped series (at most 3), to show which tag was missing
 * @param refusedExamples   a few refused values with their slice and minute (at most 3)
 */
public record Rejections(long untaggedSeries, long untaggedValues, long notFinite, long negative, long aboveMaximum,
                         long minutesNotCovered, List<String> untaggedExamples, List<String> refusedExamples) {

    private static final int EXAMPLES = 3;
    public static final Rejections NONE = new Rejections(0, 0, 0, 0, 0, 0, List.of(), List.of());

    public Rejections {
        untaggedExamples = first(untaggedExamples, List.of());
        refusedExamples = first(refusedExamples, List.of());
    }

    public boolean isEmpty() {
        return untaggedSeries == 0 && untaggedValues == 0 && refusedValues() == 0 && minutesNotCovered == 0;
    }

    public long refusedValues() {
        return notFinite + negative + aboveMaximum;
    }

    /** Both counts together; the first examples of both, without repeats. */
    public Rejections plus(Rejections other) {
        return new Rejections(untaggedSeries + other.untaggedSeries, untaggedValues + other.untaggedValues,
                notFinite + other.notFinite, negative + other.negative, aboveMaximum + other.aboveMaximum,
                minutesNotCovered + other.minutesNotCovered, first(untaggedExamples, other.untaggedExamples),
                first(refusedExamples, other.refusedExamples));
    }

    /** The same counts with the minutes not covered set (they are counted once per chunk, not per query). */
    public Rejections withMinutesNotCovered(long minutes) {
        return new Rejections(untaggedSeries, untaggedValues, notFinite, negative, aboveMaximum, minutes,
                untaggedExamples, refusedExamples);
    }

    private static List<String> first(List<String> some, List<String> more) {
        List<String> out = new ArrayList<>();
        for (String e : some) {
            if (out.size() < EXAMPLES && !out.contains(e)) {
                out.add(e);
            }
        }
        for (String e : more) {
            if (out.size() < EXAMPLES && !out.contains(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** A sentence for the status and the log, e.g. "2 series without the service or customer tag dropped ...". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (untaggedSeries > 0) {
            parts.add(untaggedSeries + " series without the service or customer tag dropped (" + untaggedValues
                    + " values" + examples(untaggedExamples) + ")");
        }
        if (refusedValues() > 0) {
            List<String> why = new ArrayList<>();
            if (notFinite > 0) {
                why.add(notFinite + " not finite");
            }
            if (negative > 0) {
                why.add(negative + " negative");
            }
            if (aboveMaximum > 0) {
                why.add(aboveMaximum + " above the maximum per minute");
            }
            parts.add(refusedValues() + " values refused (" + String.join(", ", why) + examples(refusedExamples) + ")");
        }
        if (minutesNotCovered > 0) {
            parts.add(minutesNotCovered + " minutes not counted as collected");
        }
        return parts.isEmpty() ? "nothing refused" : String.join("; ", parts);
    }

    private static String examples(List<String> examples) {
        return examples.isEmpty() ? "" : "; e.g. " + String.join(", ", examples);
    }
}
