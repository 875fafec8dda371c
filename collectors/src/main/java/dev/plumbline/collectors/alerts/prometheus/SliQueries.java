package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.alerts.ExportRefused;
import dev.plumbline.collectors.alerts.Numbers;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.PromQl;
import dev.plumbline.sql.alerts.PromDuration;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The PromQL of an objective's indicator in a source's own metric and label names, summed over customers: the share
 * of bad requests over a window. Availability: errors (the error counter with an error status) / requests (the
 * histogram's count). Latency: 1 - requests in the bucket whose bound is the threshold / requests, which is exact
 * only at a bucket bound, so the threshold must be one.
 */
public final class SliQueries {

    private final MetricNames names;
    private final Objective objective;
    private final String leMatcher;

    /**
     * @param bounds the histogram's bucket bounds in seconds as collected, when known: a latency threshold that is
     *               not one of them is refused
     */
    public SliQueries(MetricNames names, Objective objective, Optional<List<Double>> bounds) {
        this.names = names;
        this.objective = objective;
        this.leMatcher = objective.indicator() == Indicator.LATENCY ? leMatcher(bounds) : null;
    }

    /** The share of bad requests over {@code window}. */
    public String errorRatio(Duration window) {
        String w = "[" + PromDuration.format(window) + "]";
        String requests = "sum(rate(" + names.histogram() + "_count{" + service() + "}" + w + "))";
        if (objective.indicator() == Indicator.AVAILABILITY) {
            return "sum(rate(" + names.errorCounter() + "{" + service() + ", " + names.statusLabel() + "=~"
                    + PromQl.quote(names.errorStatus()) + "}" + w + ")) / " + requests;
        }
        return "1 - sum(rate(" + names.histogram() + "_bucket{" + service() + ", " + leMatcher + "}" + w + ")) / "
                + requests;
    }

    /** Requests in {@code window}. */
    public String requests(Duration window) {
        return "sum(increase(" + names.histogram() + "_count{" + service() + "}["
                + PromDuration.format(window) + "]))";
    }

    /** The latency threshold in seconds, as the histogram's le label. */
    public static double thresholdSeconds(Objective o) {
        return o.latencyThresholdMs() / 1000;
    }

    /**
     * The le label values a bound may be written as: shortest plain decimal (Go clients, OpenTelemetry: 1, 0.25) and
     * Java's (client_java, Micrometer: 1.0, 0.25).
     */
    public static Set<String> leTexts(double seconds) {
        Set<String> out = new LinkedHashSet<>();
        out.add(new BigDecimal(Double.toString(seconds)).stripTrailingZeros().toPlainString());
        out.add(Double.toString(seconds));
        return out;
    }

    private String service() {
        return names.serviceLabel() + "=" + PromQl.quote(objective.service());
    }

    private String leMatcher(Optional<List<Double>> bounds) {
        double seconds = thresholdSeconds(objective);
        if (bounds.isPresent() && bounds.get().stream().noneMatch(b -> b == seconds)) {
            throw new ExportRefused("objective", "the latency threshold " + Numbers.brief(objective.latencyThresholdMs(), 6)
                    + " ms of " + objective.service() + "/" + objective.name() + " is not a bucket bound of "
                    + names.histogram() + " (its bounds in seconds: " + bounds.get().stream().map(SliQueries::bound)
                    .collect(Collectors.joining(", ")) + "); a rule counts the requests under a threshold exactly only "
                    + "at a bound: choose a threshold at a bound, or add that bound to the histogram");
        }
        Set<String> texts = leTexts(seconds);
        if (texts.size() == 1) {
            return RuleConventions.LE + "=" + PromQl.quote(texts.iterator().next());
        }
        return RuleConventions.LE + "=~" + PromQl.quote(texts.stream().map(t -> t.replace(".", "\\."))
                .collect(Collectors.joining("|")));
    }

    private static String bound(double b) {
        return b == Double.POSITIVE_INFINITY ? "+Inf" : Numbers.exact(b);
    }
}
