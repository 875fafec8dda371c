package dev.plumbline.dashboards.alerts;

import dev.plumbline.sql.alerts.AlertPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alerts page's state as its URL holds it, so a link shows the same backtest:
 * {@code alerts?service=checkout&objective=availability&segment=enterprise&from=2026-10-01T00:00:00Z&to=...
 * &presets=sre-workbook,pyrra&candidate=twitchy:page,page,5m,,1,0m,0m,0&zone=Europe/Berlin&start=08:00&end=18:00
 * &workdays=monday,tuesday&cooldown=30m}. Values are kept as written (the API reads and refuses them); a blank one
 * is the API's default. Pure.
 *
 * @param presets the chosen presets by name; null: all of them (the default)
 * @param custom  candidates typed on the page ({@link CandidateText}), after the presets
 */
public record AlertsQuery(String service, String objective, String customer, String segment, String from, String to,
                          List<String> presets, List<AlertTuning.Candidate> custom, String zone, String dayStart,
                          String dayEnd, List<String> workdays, String cooldown) {

    public AlertsQuery {
        service = blank(service);
        objective = blank(objective);
        customer = blank(customer);
        segment = blank(segment);
        from = blank(from);
        to = blank(to);
        presets = presets == null ? null : List.copyOf(presets);
        custom = List.copyOf(custom);
        zone = blank(zone);
        dayStart = blank(dayStart);
        dayEnd = blank(dayEnd);
        workdays = List.copyOf(workdays);
        cooldown = blank(cooldown);
    }

    /** Everything at its default: no service chosen yet. */
    public static final AlertsQuery NONE = new AlertsQuery("", "", "", "", "", "", null, List.of(), "", "", "",
            List.of(), "");

    public static AlertsQuery parse(Map<String, List<String>> q) {
        List<String> presets = q.containsKey("presets") ? list(first(q, "presets")) : null;
        List<AlertTuning.Candidate> custom = q.getOrDefault("candidate", List.of()).stream()
                .filter(s -> s != null && !s.isBlank()).map(CandidateText::parse).toList();
        return new AlertsQuery(first(q, "service"), first(q, "objective"), first(q, "customer"), first(q, "segment"),
                first(q, "from"), first(q, "to"), presets, custom, first(q, "zone"), first(q, "start"), first(q, "end"),
                list(first(q, "workdays")), first(q, "cooldown"));
    }

    /** The URL's parameters (blank ones left out), in a stable order. */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        put(out, "service", service);
        put(out, "objective", objective);
        put(out, "customer", customer);
        put(out, "segment", segment);
        put(out, "from", from);
        put(out, "to", to);
        if (presets != null) {
            out.put("presets", List.of(String.join(",", presets)));
        }
        if (!custom.isEmpty()) {
            out.put("candidate", custom.stream().map(CandidateText::format).toList());
        }
        put(out, "zone", zone);
        put(out, "start", dayStart);
        put(out, "end", dayEnd);
        put(out, "workdays", String.join(",", workdays));
        put(out, "cooldown", cooldown);
        return out;
    }

    /** The backtest request: the chosen presets (in the order {@code available} lists them), then the custom ones. */
    public AlertTuning.Request request(List<AlertPolicy> available) {
        List<AlertTuning.Candidate> candidates = new ArrayList<>();
        for (AlertPolicy p : available) {
            if (presets == null || presets.contains(p.name())) {
                candidates.add(CandidateText.of(p));
            }
        }
        candidates.addAll(custom);
        return new AlertTuning.Request(service, objective, customer, segment, from, to, candidates, zone, dayStart,
                dayEnd, workdays, cooldown);
    }

    public AlertsQuery withService(String service, String objective) {
        return new AlertsQuery(service, objective, customer, segment, from, to, presets, custom, zone, dayStart, dayEnd,
                workdays, cooldown);
    }

    public AlertsQuery withSlice(String customer, String segment) {
        return new AlertsQuery(service, objective, customer, segment, from, to, presets, custom, zone, dayStart, dayEnd,
                workdays, cooldown);
    }

    public AlertsQuery withRange(String from, String to) {
        return new AlertsQuery(service, objective, customer, segment, from, to, presets, custom, zone, dayStart, dayEnd,
                workdays, cooldown);
    }

    public AlertsQuery withCandidates(List<String> presets, List<AlertTuning.Candidate> custom) {
        return new AlertsQuery(service, objective, customer, segment, from, to, presets, custom, zone, dayStart, dayEnd,
                workdays, cooldown);
    }

    public AlertsQuery withSettings(String zone, String dayStart, String dayEnd, List<String> workdays, String cooldown) {
        return new AlertsQuery(service, objective, customer, segment, from, to, presets, custom, zone, dayStart, dayEnd,
                workdays, cooldown);
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() || v.getFirst() == null ? "" : v.getFirst().strip();
    }

    private static List<String> list(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static void put(Map<String, List<String>> out, String key, String value) {
        if (!value.isBlank()) {
            out.put(key, List.of(value));
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
