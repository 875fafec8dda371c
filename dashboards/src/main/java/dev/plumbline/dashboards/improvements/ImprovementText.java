package dev.plumbline.dashboards.improvements;

import dev.plumbline.sql.fixes.Effect;
import dev.plumbline.sql.fixes.Hypothesis;
import dev.plumbline.sql.fixes.Significance;
import dev.plumbline.sql.psr.PercentText;
import java.util.Locale;

/** How the Improvements page, the Review and its PDF write a tracked fix's figures. */
public final class ImprovementText {

    private ImprovementText() {
    }

    /** A value of {@code figure}: an error ratio as a percentage ("2.10%"), a p95 in ms ("812 ms"); "–" for none. */
    public static String value(Hypothesis.Figure figure, Double value) {
        if (value == null) {
            return PercentText.NONE;
        }
        return figure == Hypothesis.Figure.ERROR_RATIO ? PercentText.of(value, 2)
                : String.format(Locale.ROOT, "%.0f ms", value);
    }

    /** "error ratio below 0.10%", "p95 below 800 ms". */
    public static String hypothesis(Hypothesis h) {
        String name = h.figure() == Hypothesis.Figure.ERROR_RATIO ? "error ratio" : "p95";
        return name + " " + h.comparison().label() + " " + value(h.figure(), h.value());
    }

    /** "2.10% → 0.40%": the figure over the before and the after window. */
    public static String beforeAfter(Hypothesis.Figure figure, Effect effect) {
        return value(figure, effect.before().value()) + " → " + value(figure, effect.after().value());
    }

    /**
     * The test's verdict: "improved (p = 0.0001)", "no significant change (p = 0.42)", "worse (p = 0.003)", or, before
     * there is anything to test, "measuring: 2 of 3 days" (none when there is no effect yet).
     */
    public static String verdict(Effect effect) {
        if (effect == null) {
            return PercentText.NONE;
        }
        Significance s = effect.significance();
        if (s == null) {
            return effect.windows().measurable() ? "too few days with data"
                    : "measuring: " + effect.windows().days() + " of " + dev.plumbline.sql.fixes.EffectWindows.MIN_DAYS
                    + " days";
        }
        String change = switch (s.change()) {
            case IMPROVED -> "improved";
            case NO_SIGNIFICANT_CHANGE -> "no significant change";
            case WORSE -> "worse";
        };
        String p = p(s.pValue());
        return change + (p.startsWith("<") ? " (p " : " (p = ") + p + ")";
    }

    /** A p-value with two significant digits, "< 0.0001" below that. */
    public static String p(double p) {
        if (p < 0.0001) {
            return "< 0.0001";
        }
        return new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /**
     * A shipped fix in a sentence, for the Review and its PDF (in words: the PDF's fonts have no arrow): "Roll back
     * checkout 4.2 (checkout availability), shipped 2026-10-12: error ratio from 2.10% to 0.40%, improved
     * (p = 0.0001); hypothesis error ratio below 0.10% not held; revenue at risk from $40,000 to $5,000" (the money
     * part only for a money role).
     */
    public static String sentence(dev.plumbline.sql.fixes.FixTracking.Tracked t, boolean money, String currency) {
        var f = t.fix();
        String title = f.title().isEmpty() ? "Fix " + f.service() + " " + f.problem() : f.title();
        StringBuilder out = new StringBuilder(title + " (" + f.service() + " " + f.problem() + "), shipped "
                + f.shipDay());
        Effect e = t.effect().orElse(null);
        if (e == null) {
            return out.toString();
        }
        out.append(": ").append(f.hypothesis().figure() == Hypothesis.Figure.ERROR_RATIO ? "error ratio " : "p95 ")
                .append("from ").append(value(f.hypothesis().figure(), e.before().value())).append(" to ")
                .append(value(f.hypothesis().figure(), e.after().value())).append(", ").append(verdict(e));
        if (e.significance() != null) {
            out.append("; hypothesis ").append(hypothesis(f.hypothesis())).append(" ").append(held(e));
        }
        if (money) {
            out.append("; revenue at risk from ").append(dev.plumbline.sql.psr.MoneyText.of(e.revenueAtRiskBefore(),
                    currency)).append(" to ").append(dev.plumbline.sql.psr.MoneyText.of(e.revenueAtRiskAfter(), currency));
        }
        return out.toString();
    }

    /** "held", "not held", or "–" before there is an effect. */
    public static String held(Effect effect) {
        if (effect == null || effect.significance() == null) {
            return PercentText.NONE;
        }
        return effect.hypothesisHeld() ? "held" : "not held";
    }

    /** A fix's state, with its ship day once shipped: "verified-improved, shipped 2026-11-27". */
    public static String state(String state, java.time.LocalDate shipDay) {
        return shipDay == null ? state : state + ", shipped " + shipDay;
    }

    /** The test's verdict and, once measured, whether the hypothesis held: "improved (p = 0.003); hypothesis held". */
    public static String test(Effect effect) {
        String held = held(effect);
        return verdict(effect) + (held.equals(PercentText.NONE) ? "" : "; hypothesis " + held);
    }
}
