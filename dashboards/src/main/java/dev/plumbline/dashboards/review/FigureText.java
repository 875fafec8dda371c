package dev.plumbline.dashboards.review;

import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.ObjectiveResult;
import dev.plumbline.sql.psr.PercentText;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the review writes figures, on the page and in the PDF alike; shares and amounts as every page writes them
 * ({@link PercentText}). A change is "" when there is nothing to compare. Pure.
 */
public final class FigureText {

    private FigureText() {
    }

    public static String count(double n) {
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    /** Seconds as milliseconds; "–" when absent (no mergeable histogram). */
    public static String ms(Double seconds) {
        return seconds == null ? PercentText.NONE : String.format(Locale.ROOT, "%.0f ms", 1000 * seconds);
    }

    public static String rps(Double rps) {
        return rps == null ? PercentText.NONE : String.format(Locale.ROOT, "%.2f", rps);
    }

    /** A relative change of volume: "+12%"; "" when there is nothing to compare. */
    public static String relative(Double change) {
        return change == null ? "" : PercentText.change(change, 0);
    }

    /** A change of a share in percentage points: "+0.120 pp"; "" when there is nothing to compare. */
    public static String points(Double change) {
        return change == null ? "" : PercentText.points(change, 3);
    }

    /** A change of seconds in milliseconds: "+35 ms". */
    public static String msChange(Double change) {
        if (change == null) {
            return "";
        }
        long ms = Math.round(1000 * change);
        return ms == 0 ? "0 ms" : String.format(Locale.ROOT, "%+d ms", ms);   // never "-0 ms"
    }

    /** A burn rate (badness) as "5.9x"; "–" when there is none (no objective, no requests). */
    public static String burn(Double badness) {
        return badness == null ? PercentText.NONE : String.format(Locale.ROOT, "%.1fx", badness);
    }

    /** Each objective: name, met or missed, and its burn rate, e.g. "availability met 0.4x; latency-800ms missed 5.9x". */
    public static String objectives(Figures f) {
        if (f.objectives().isEmpty()) {
            return "no objective";
        }
        return f.objectives().stream().map(FigureText::objective).collect(Collectors.joining("; "));
    }

    static String objective(ObjectiveResult o) {
        String mark = o.met() == null ? "unknown" : o.met() ? "met" : "missed";
        String burn = o.burnRate() == null ? (o.note().isEmpty() ? "" : " " + o.note())
                : String.format(Locale.ROOT, " %.1fx", o.burnRate());
        return o.objective().name() + " " + mark + burn;
    }
}
