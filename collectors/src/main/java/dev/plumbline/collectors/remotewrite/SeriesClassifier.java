package dev.plumbline.collectors.remotewrite;

import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.remote.prompb.Label;
import dev.plumbline.sql.telemetry.PushedSeriesStore.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which of a pushed series' counts Plumbline keeps, by the source's {@link MetricNames} (the same series remote read and
 * query_range read): the histogram's {@code _count} counts requests, its {@code _bucket} series the latency buckets,
 * and the error counter with a status the error rule matches counts errors (one series may count both requests and
 * errors, as OpenTelemetry's {@code _count} does). Every other series is not Plumbline's and is skipped.
 */
public final class SeriesClassifier {

    /** What one series is. */
    public sealed interface Classified {
    }

    /** One of Plumbline's series, with the counts it makes (one or two). */
    public record Kept(List<Counter> counters) implements Classified {
    }

    /** Not a series Plumbline reads. */
    public record Other() implements Classified {
    }

    /** One of Plumbline's metrics, but without what makes it usable: why, for the receiver's counts and log. */
    public record Unusable(String why) implements Classified {
    }

    private final MetricNames names;
    private final Set<String> replicaLabels;
    private final Pattern errorStatus;

    /** @param replicaLabels labels that tell the servers of an HA pair apart; left out of a series' identity */
    public SeriesClassifier(MetricNames names, Set<String> replicaLabels) {
        this.names = names;
        this.replicaLabels = Set.copyOf(replicaLabels);
        this.errorStatus = Pattern.compile("(?:" + names.errorStatus() + ")");   // PromQL's =~ is anchored: matches()
    }

    public Classified classify(List<Label> labels) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Label l : labels) {
            if (!replicaLabels.contains(l.getName())) {
                sorted.put(l.getName(), l.getValue());
            }
        }
        String name = sorted.getOrDefault("__name__", "");
        boolean count = name.equals(names.histogram() + "_count");
        boolean bucket = name.equals(names.histogram() + "_bucket");
        boolean error = name.equals(names.errorCounter());
        if (!count && !bucket && !error) {
            return new Other();
        }
        String service = sorted.getOrDefault(names.serviceLabel(), "");
        String customer = sorted.get(names.customerLabel());
        if (service.isEmpty() || customer == null) {
            return new Unusable(name + " without " + (service.isEmpty() ? names.serviceLabel() : names.customerLabel()));
        }
        String series = text(sorted);
        List<Counter> out = new ArrayList<>(2);
        if (bucket) {
            String le = sorted.get("le");
            double bound;
            try {
                bound = le == null ? Double.NaN : le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            } catch (NumberFormatException e) {
                bound = Double.NaN;
            }
            if (!(bound >= 0)) {
                return new Unusable(name + " with le '" + le + "', not a bucket bound");
            }
            out.add(new Counter(series, Kind.BUCKET, service, customer, bound));
        }
        if (count) {
            out.add(new Counter(series, Kind.REQUESTS, service, customer, 0));
        }
        if (error && errorStatus.matcher(sorted.getOrDefault(names.statusLabel(), "")).matches()) {
            out.add(new Counter(series, Kind.ERRORS, service, customer, 0));
        }
        return out.isEmpty() ? new Other() : new Kept(List.copyOf(out));
    }

    /** Prometheus' text form of a series: {@code name{a="1",b="2"}}, labels sorted, values escaped. */
    static String text(TreeMap<String, String> labels) {
        StringBuilder out = new StringBuilder(labels.getOrDefault("__name__", "")).append('{');
        boolean first = true;
        for (var e : labels.entrySet()) {
            if (e.getKey().equals("__name__")) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(e.getKey()).append("=\"");
            for (char c : e.getValue().toCharArray()) {
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '"' -> out.append("\\\"");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        return out.append('}').toString();
    }
}
