package dev.plumbline.collectors.remotewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.remote.prompb.Label;
import dev.plumbline.sql.telemetry.PushedSeriesStore.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesClassifierTest {

    private static final SeriesClassifier PLUMBLINE = new SeriesClassifier(MetricNames.plumbline(),
            Set.of("__replica__", "prometheus_replica"));
    private static final SeriesClassifier OTEL = new SeriesClassifier(MetricNames.openTelemetry(), Set.of());

    private static List<Label> labels(String... pairs) {
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(Label.newBuilder().setName(pairs[i]).setValue(pairs[i + 1]).build());
        }
        return out;
    }

    @Test
    void the_histograms_count_and_buckets_and_the_matching_errors_are_kept() {
        assertEquals(new SeriesClassifier.Kept(List.of(new Counter(
                        "http_server_request_duration_seconds_count{customer=\"acme\",job=\"api\",service=\"checkout\"}",
                        Kind.REQUESTS, "checkout", "acme", 0))),
                PLUMBLINE.classify(labels("service", "checkout", "__name__", "http_server_request_duration_seconds_count",
                        "job", "api", "customer", "acme")));
        assertEquals(new SeriesClassifier.Kept(List.of(new Counter(
                        "http_server_request_duration_seconds_bucket{customer=\"acme\",le=\"+Inf\",service=\"checkout\"}",
                        Kind.BUCKET, "checkout", "acme", Double.POSITIVE_INFINITY))),
                PLUMBLINE.classify(labels("__name__", "http_server_request_duration_seconds_bucket", "le", "+Inf",
                        "service", "checkout", "customer", "acme")));
        assertEquals(Kind.ERRORS, ((SeriesClassifier.Kept) PLUMBLINE.classify(labels("__name__",
                "http_server_requests_total", "status_code", "503", "service", "s", "customer", "c")))
                .counters().getFirst().kind());
    }

    @Test
    void a_status_the_error_rule_does_not_match_whole_is_not_an_error() {
        assertEquals(new SeriesClassifier.Other(), PLUMBLINE.classify(labels("__name__", "http_server_requests_total",
                "status_code", "200", "service", "s", "customer", "c")));
        assertEquals(new SeriesClassifier.Other(), PLUMBLINE.classify(labels("__name__", "http_server_requests_total",
                "status_code", "5000", "service", "s", "customer", "c")));   // 5.. is anchored, as PromQL's =~
    }

    @Test
    void one_series_may_count_requests_and_errors() {
        var kept = (SeriesClassifier.Kept) OTEL.classify(labels("__name__", "http_server_request_duration_seconds_count",
                "http_response_status_code", "500", "service_name", "s", "customer", "c"));
        assertEquals(List.of(Kind.REQUESTS, Kind.ERRORS), kept.counters().stream().map(Counter::kind).toList());
    }

    @Test
    void the_replica_labels_of_an_ha_pair_are_not_part_of_the_identity() {
        var a = PLUMBLINE.classify(labels("__name__", "http_server_request_duration_seconds_count", "service", "s",
                "customer", "c", "__replica__", "prometheus-0"));
        var b = PLUMBLINE.classify(labels("__name__", "http_server_request_duration_seconds_count", "service", "s",
                "customer", "c", "__replica__", "prometheus-1"));
        assertEquals(a, b);
    }

    @Test
    void values_are_escaped_in_the_identity() {
        var kept = (SeriesClassifier.Kept) PLUMBLINE.classify(labels("__name__",
                "http_server_request_duration_seconds_count", "service", "s", "customer", "a\"b\\c\nd"));
        assertEquals("http_server_request_duration_seconds_count{customer=\"a\\\"b\\\\c\\nd\",service=\"s\"}",
                kept.counters().getFirst().series());
    }

    @Test
    void series_without_a_slice_or_a_bound_are_unusable_and_others_are_not_plumblines() {
        assertEquals(new SeriesClassifier.Unusable("http_server_request_duration_seconds_count without customer"),
                PLUMBLINE.classify(labels("__name__", "http_server_request_duration_seconds_count", "service", "s")));
        assertEquals(new SeriesClassifier.Unusable("http_server_request_duration_seconds_bucket with le 'fast', not a bucket bound"),
                PLUMBLINE.classify(labels("__name__", "http_server_request_duration_seconds_bucket", "service", "s",
                        "customer", "c", "le", "fast")));
        assertEquals(new SeriesClassifier.Other(), PLUMBLINE.classify(labels("__name__", "up", "job", "x")));
    }
}
