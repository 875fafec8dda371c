package dev.plumbline.collectors.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The part of the Prometheus HTTP API Plumbline uses. */
public interface PrometheusApi {

    /** /api/v1/query_range: the matrix of {@code promql} evaluated at start, start + step, ..., end. */
    List<Series> queryRange(String promql, Instant start, Instant end, Duration step);
}
