package dev.plumbline.dashboards.alerts;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.PromDuration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A candidate policy as one URL parameter: {@code name:rule;rule}, each rule eight fields separated by commas, in the
 * order name, severity, long window, short window, factor, for, keep firing for, min requests, e.g.
 * {@code twitchy:page,page,5m,,1,0m,0m,0}. Nothing is checked here: the API's reading of the candidate refuses what
 * cannot work, naming the field. Pure.
 */
final class CandidateText {

    private static final int FIELDS = 8;

    private CandidateText() {
    }

    static String format(AlertTuning.Candidate c) {
        List<String> rules = new ArrayList<>();
        for (AlertTuning.Rule r : c.rules()) {
            rules.add(String.join(",", blank(r.name()), blank(r.severity()), blank(r.longWindow()),
                    blank(r.shortWindow()), blank(r.factor()), blank(r.forDuration()), blank(r.keepFiringFor()),
                    blank(r.minRequests())));
        }
        return blank(c.name()) + ":" + String.join(";", rules);
    }

    /** The candidate a parameter holds; missing fields are blank (the API's defaults, or its refusal). */
    static AlertTuning.Candidate parse(String text) {
        String s = text == null ? "" : text.strip();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        List<AlertTuning.Rule> rules = new ArrayList<>();
        if (colon >= 0 && colon < s.length() - 1) {
            for (String rule : s.substring(colon + 1).split(";", -1)) {
                String[] f = Arrays.copyOf(rule.split(",", FIELDS), FIELDS);
                for (int i = 0; i < FIELDS; i++) {
                    f[i] = f[i] == null ? "" : f[i].strip();
                }
                rules.add(new AlertTuning.Rule(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
            }
        }
        return new AlertTuning.Candidate(name.strip(), rules);
    }

    /** A policy (a preset, a saved one) as the page types it: durations in Prometheus' notation. */
    static AlertTuning.Candidate of(AlertPolicy p) {
        return new AlertTuning.Candidate(p.name(), p.description(), p.rules().stream().map(CandidateText::rule).toList());
    }

    private static AlertTuning.Rule rule(BurnRule r) {
        return new AlertTuning.Rule(r.name(), r.severity().label(), PromDuration.format(r.longWindow()),
                r.shortWindow() == null ? "" : PromDuration.format(r.shortWindow()), Double.toString(r.factor()),
                PromDuration.format(r.forDuration()), PromDuration.format(r.keepFiringFor()),
                Long.toString(r.minRequests()));
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
