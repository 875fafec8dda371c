package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.catalog.Budgeting;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The objectives of one {@code kind: SLO} document: a {@code ratioMetric} indicator is an availability objective, a
 * {@code thresholdMetric} one with {@code op: lte} and {@code value} in milliseconds a latency objective; the target
 * is {@code target} (0-1) or {@code targetPercent} (0-100); {@code timeWindow} is rolling or calendar-aligned (see
 * {@link OpenSloDuration}); {@code budgetingMethod} is Occurrences (also when absent), Timeslices (each objective with
 * {@code timeSliceTarget} and {@code timeSliceWindow}) or RatioTimeslices ({@code timeSliceWindow}).
 */
final class OpenSloObjectives {

    static final int MAX_DESCRIPTION = 1050;   // OpenSLO v1: description is "at most 1050 characters"

    private OpenSloObjectives() {
    }

    static List<Objective> read(YamlNode doc, String sloName, Map<String, Service> services) {
        YamlNode spec = doc.get("spec");
        description(spec);
        YamlNode serviceNode = spec.get("service");
        String service = serviceNode.asText();
        if (!services.containsKey(service)) {
            throw new YamlNode.Invalid(serviceNode.path(), "unknown service '" + service
                    + "': define it in a kind: Service document of this catalog");
        }
        if (spec.has("indicatorRef")) {
            throw new YamlNode.Invalid(spec.path() + ".indicatorRef", "indicatorRef is not supported: put the indicator inline under spec.indicator");
        }
        YamlNode indicatorSpec = spec.get("indicator").get("spec");
        description(indicatorSpec);
        Indicator indicator;
        if (indicatorSpec.has("ratioMetric")) {
            indicator = Indicator.AVAILABILITY;
        } else if (indicatorSpec.has("thresholdMetric")) {
            indicator = Indicator.LATENCY;
        } else {
            throw new YamlNode.Invalid(indicatorSpec.path(), "needs a ratioMetric (availability) or a thresholdMetric (latency)");
        }
        ObjectiveWindow window = window(spec.get("timeWindow"));
        Budgeting.Method method = method(spec.get("budgetingMethod"));
        String base = sloName.startsWith(service + "-") ? sloName.substring(service.length() + 1) : sloName;
        List<YamlNode> objectives = spec.get("objectives").asList();
        if (objectives.isEmpty()) {
            throw new YamlNode.Invalid(spec.path() + ".objectives", "needs at least one objective");
        }
        List<Objective> out = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            YamlNode o = objectives.get(i);
            Double threshold = null;
            if (indicator == Indicator.LATENCY) {
                String op = o.get("op").asText();
                if (!op.equals("lte") && !op.equals("lt")) {
                    throw new YamlNode.Invalid(o.path() + ".op", "must be lte (a request is good when it takes at most value ms), was '" + op + "'");
                }
                BigDecimal value = o.get("value").asNumber();
                if (value.signum() <= 0) {
                    throw new YamlNode.Invalid(o.path() + ".value", "must be a positive number of milliseconds, was " + value);
                }
                threshold = value.doubleValue();
            }
            String name = objectives.size() == 1 ? base : base + "-" + o.get("displayName").optionalText()
                    .map(d -> d.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")).orElse(Integer.toString(i + 1));
            out.add(new Objective(service, name, indicator, target(o), threshold, window, budgeting(o, method)));
        }
        return out;
    }

    /** A description, where the spec allows one, is text of at most 1050 characters. */
    static void description(YamlNode spec) {
        if (spec.value() == null || !spec.has("description")) {
            return;
        }
        YamlNode d = spec.get("description");
        String text = d.optionalText().orElse("");
        int length = text.codePointCount(0, text.length());
        if (length > MAX_DESCRIPTION) {
            throw new YamlNode.Invalid(d.path(), "at most " + MAX_DESCRIPTION + " characters (the OpenSLO limit), has "
                    + length);
        }
    }

    /** {@code target} in (0, 1) or {@code targetPercent} in (0, 100), exactly one of them. */
    private static double target(YamlNode o) {
        boolean fraction = o.has("target");
        boolean percent = o.has("targetPercent");
        if (fraction && percent) {
            throw new YamlNode.Invalid(o.path() + ".targetPercent", "give target or targetPercent, not both");
        }
        if (percent) {
            YamlNode node = o.get("targetPercent");
            BigDecimal p = node.asNumber();
            if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw new YamlNode.Invalid(node.path(), "must be between 0 and 100 (e.g. 99.9), was " + p);
            }
            return p.movePointLeft(2).doubleValue();
        }
        YamlNode node = o.get("target");
        if (node.value() == null) {
            throw new YamlNode.Invalid(node.path(), "missing: an objective needs target (e.g. 0.999) or targetPercent (e.g. 99.9)");
        }
        BigDecimal target = node.asNumber();
        if (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) >= 0) {
            throw new YamlNode.Invalid(node.path(), "must be between 0 and 1 (e.g. 0.999), was " + target
                    + (target.compareTo(BigDecimal.ONE) > 0 && target.compareTo(BigDecimal.valueOf(100)) < 0
                    ? "; a percentage goes in targetPercent" : ""));
        }
        return target.doubleValue();
    }

    private static Budgeting.Method method(YamlNode node) {
        if (node.value() == null) {
            return Budgeting.Method.OCCURRENCES;
        }
        String text = node.asText();
        for (Budgeting.Method m : Budgeting.Method.values()) {
            if (m.openSlo().equals(text)) {
                return m;
            }
        }
        throw new YamlNode.Invalid(node.path(), "must be Occurrences, Timeslices or RatioTimeslices, was '" + text + "'");
    }

    private static Budgeting budgeting(YamlNode o, Budgeting.Method method) {
        YamlNode target = o.get("timeSliceTarget");
        YamlNode window = o.get("timeSliceWindow");
        if (method == Budgeting.Method.OCCURRENCES) {
            for (YamlNode unused : List.of(target, window)) {
                if (unused.value() != null) {
                    throw new YamlNode.Invalid(unused.path(), "is only read with budgetingMethod: Timeslices or RatioTimeslices");
                }
            }
            return Budgeting.OCCURRENCES;
        }
        if (window.value() == null) {
            throw new YamlNode.Invalid(window.path(), "missing: budgetingMethod " + method.openSlo()
                    + " needs the time slice (e.g. timeSliceWindow: 5m)");
        }
        int minutes = OpenSloDuration.sliceMinutes(window);
        if (method == Budgeting.Method.RATIO_TIMESLICES) {
            if (target.value() != null) {
                throw new YamlNode.Invalid(target.path(), "is not read with RatioTimeslices (the slices' good shares are "
                        + "averaged); use Timeslices to judge each slice against it");
            }
            return Budgeting.ratioTimeslices(minutes);
        }
        if (target.value() == null) {
            throw new YamlNode.Invalid(target.path(), "missing: budgetingMethod Timeslices needs the good share a slice "
                    + "must reach (e.g. timeSliceTarget: 0.95)");
        }
        BigDecimal t = target.asNumber();
        if (t.signum() <= 0 || t.compareTo(BigDecimal.ONE) > 0) {
            throw new YamlNode.Invalid(target.path(), "must be above 0 and at most 1 (e.g. 0.95), was " + t);
        }
        return Budgeting.timeslices(minutes, t.doubleValue());
    }

    private static ObjectiveWindow window(YamlNode timeWindow) {
        if (timeWindow.value() == null) {
            throw new YamlNode.Invalid(timeWindow.path(), "missing: Plumbline judges an objective over its timeWindow, "
                    + "e.g. [{duration: 28d, isRolling: true}]");
        }
        List<YamlNode> windows = timeWindow.asList();
        if (windows.size() != 1) {
            throw new YamlNode.Invalid(timeWindow.path(), "must hold exactly one window, has " + windows.size());
        }
        YamlNode w = windows.getFirst();
        OpenSloDuration duration = OpenSloDuration.of(w.get("duration"));
        String path = w.path() + ".duration";
        return w.get("isRolling").asBoolean(false) ? duration.rolling(path) : duration.calendar(path);
    }
}
