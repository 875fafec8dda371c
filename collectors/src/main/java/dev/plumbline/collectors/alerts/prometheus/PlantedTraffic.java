package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.alerts.ExportRefused;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.sql.alerts.MinuteCounts;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planted traffic of one service from time 0 (the epoch, as promtool's time 0), per customer and minute: requests,
 * failed requests, and slow requests (slower than the latency threshold; they succeed). It is written twice from the
 * same numbers: as promtool input series in the source's metric and label names, and as the minutes Plumbline's
 * rule manager replays, so both evaluate the same history. Minute i is the increase from sample i to sample i + 1.
 */
public final class PlantedTraffic {

    private static final List<String> ERROR_STATUSES = List.of("500", "503", "502", "504", "429", "5xx", "error");
    private static final List<String> OK_STATUSES = List.of("200", "204", "2xx", "ok");

    private final int minutes;
    private final Map<String, double[][]> customers = new LinkedHashMap<>();

    public PlantedTraffic(int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes: at least 1, was " + minutes);
        }
        this.minutes = minutes;
    }

    public int minutes() {
        return minutes;
    }

    /** Sets a customer's requests, failed and slow requests per minute in [from, to) (whole numbers). */
    public PlantedTraffic set(String customer, int from, int to, double requests, double failed, double slow) {
        if (failed + slow > requests) {
            throw new IllegalArgumentException("failed + slow requests exceed requests: " + failed + " + " + slow
                    + " > " + requests);
        }
        double[][] c = customers.computeIfAbsent(customer, k -> new double[3][minutes]);
        for (int m = Math.max(0, from); m < Math.min(minutes, to); m++) {
            c[0][m] = requests;
            c[1][m] = failed;
            c[2][m] = slow;
        }
        return this;
    }

    /** The minutes as the rule manager reads them: bad requests are failed ones, or slow ones for latency. */
    public MinuteCounts counts(Indicator indicator) {
        double[] total = new double[minutes];
        double[] bad = new double[minutes];
        for (double[][] c : customers.values()) {
            for (int m = 0; m < minutes; m++) {
                total[m] += c[0][m];
                bad[m] += indicator == Indicator.AVAILABILITY ? c[1][m] : c[2][m];
            }
        }
        return new MinuteCounts(Instant.EPOCH, total, bad);
    }

    /** One input series: a selector and its values in promtool's notation. */
    public record Series(String series, String values) {
    }

    /**
     * The counters a source with these names holds: the histogram's count (and, for latency, the threshold's bucket and
     * +Inf) by status, and the error counter by status when it is not the histogram's count.
     */
    public List<Series> series(MetricNames names, Objective objective) {
        String failedStatus = status(names, ERROR_STATUSES, true);
        String okStatus = status(names, OK_STATUSES, false);
        boolean latency = objective.indicator() == Indicator.LATENCY;
        String le = latency ? SliQueries.leTexts(SliQueries.thresholdSeconds(objective)).iterator().next() : null;
        List<Series> out = new ArrayList<>();
        for (var entry : customers.entrySet()) {
            double[][] c = entry.getValue();
            double[] ok = new double[minutes];
            double[] fastOk = new double[minutes];
            for (int m = 0; m < minutes; m++) {
                ok[m] = c[0][m] - c[1][m];
                fastOk[m] = ok[m] - c[2][m];
            }
            for (boolean failed : new boolean[] {false, true}) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put(names.serviceLabel(), objective.service());
                labels.put(names.customerLabel(), entry.getKey());
                labels.put(names.statusLabel(), failed ? failedStatus : okStatus);
                double[] count = failed ? c[1] : ok;
                out.add(series(names.histogram() + "_count", labels, count));
                if (latency) {
                    out.add(series(names.histogram() + "_bucket", with(labels, le), failed ? c[1] : fastOk));
                    out.add(series(names.histogram() + "_bucket", with(labels, "+Inf"), count));
                }
                if (!names.errorCounter().equals(names.histogram() + "_count")) {
                    out.add(series(names.errorCounter(), labels, count));
                }
            }
        }
        return out;
    }

    private static Series series(String metric, Map<String, String> labels, double[] increments) {
        return new Series(SeriesValues.selector(metric, labels), SeriesValues.encode(increments));
    }

    private static Map<String, String> with(Map<String, String> labels, String le) {
        Map<String, String> out = new LinkedHashMap<>(labels);
        out.put(RuleConventions.LE, le);
        return out;
    }

    /** A status value the source's error-status expression matches (or, for good requests, does not). */
    private static String status(MetricNames names, List<String> candidates, boolean matching) {
        for (String s : candidates) {
            if (s.matches(names.errorStatus()) == matching) {
                return s;
            }
        }
        throw new ExportRefused("source", "the error status expression '" + names.errorStatus() + "' "
                + (matching ? "matches none" : "matches all") + " of " + String.join(", ", candidates)
                + ", so the promtool test cannot plant " + (matching ? "failed" : "successful") + " requests");
    }
}
