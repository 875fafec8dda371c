package dev.plumbline.dashboards.alerts;

import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnChart;
import dev.plumbline.sql.alerts.SavedPolicy;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert tuning as the Alerts page needs it. Implemented by the application with the API's own reading of a request
 * and the same backtest ({@code POST /api/v1/alerts/backtest}, {@code GET /api/v1/alerts/presets}, {@code PUT} and
 * {@code GET /api/v1/alerts/policies/{service}/{objective}}), so the page and the API give the same numbers and refuse
 * the same values with the same messages.
 */
public interface AlertTuning {

    /** The starting candidates for the objective's window (SRE workbook, Pyrra, single window); refused as the API. */
    List<AlertPolicy> presets(String service, String objective);

    /** Runs a backtest; {@link Refused} with the API's message when a value cannot work. */
    Backtest backtest(Request request);

    /** The policy saved for the objective, if any. */
    Optional<SavedPolicy> saved(String service, String objective);

    /** Saves {@code policy} as the objective's policy, kept as a new version by {@code user}. */
    SavedPolicy save(String service, String objective, AlertPolicy policy, String user);

    /**
     * The policy as each export of {@code POST /api/v1/alerts/export/...} gives it (Prometheus rules, promtool test,
     * Datadog, OpenSLO, in that order), with the same names and the same refusals.
     */
    List<Export> exports(String service, String objective, AlertPolicy policy);

    /**
     * One export of a policy: its file, or why this export cannot express it.
     *
     * @param kind     the API's name: prometheus, promtool-test, datadog, openslo
     * @param refusal  the API's 400 message when the export cannot express the policy or objective; else ""
     */
    record Export(String kind, String label, String fileName, String contentType, String text, String refusal) {
    }

    /**
     * What to backtest, in the API's words (a blank value: the API's default).
     *
     * @param from          an instant on a whole minute, e.g. 2026-10-01T00:00:00Z
     * @param to            the same, exclusive
     * @param candidates    in the order the report shows them
     * @param workdays      e.g. monday ... friday; empty: the default
     * @param cooldown      e.g. 30m
     */
    record Request(String service, String objective, String customer, String segment, String from, String to,
                   List<Candidate> candidates, String zone, String dayStart, String dayEnd, List<String> workdays,
                   String cooldown) {

        public Request {
            candidates = List.copyOf(candidates);
            workdays = List.copyOf(workdays);
        }
    }

    /** A candidate policy as typed (a preset's with its description): the API reads it and names the field at fault. */
    record Candidate(String name, String description, List<Rule> rules) {

        public Candidate {
            description = description == null ? "" : description;
            rules = List.copyOf(rules);
        }

        public Candidate(String name, List<Rule> rules) {
            this(name, "", rules);
        }
    }

    /**
     * A rule as typed; durations in Prometheus' notation (5m, 1h), blank for the default.
     *
     * @param factor      a number, e.g. 14.4
     * @param minRequests a whole number, e.g. 100
     */
    record Rule(String name, String severity, String longWindow, String shortWindow, String factor,
                String forDuration, String keepFiringFor, String minRequests) {
    }

    /** A backtest's outcome and its chart (at most as many points per window as the API's). */
    record Backtest(AlertBacktests.Result result, BurnChart chart) {
    }

    /**
     * A value the API refuses (400) or a name it does not know (404): the API's message, which begins with the field
     * at fault, e.g. {@code candidates[3].rules[0].factor: must be a positive burn rate, was -1.0}.
     */
    final class Refused extends RuntimeException {

        private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*(?:\\[\\d+])*"
                + "(?:\\.[A-Za-z0-9_]+(?:\\[\\d+])*)*): ");

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }

        /** The field the message begins with, e.g. {@code candidates[3].rules[0].factor}, or "". */
        public String field() {
            Matcher m = FIELD.matcher(getMessage() == null ? "" : getMessage());
            return m.find() ? m.group(1) : "";
        }
    }
}
