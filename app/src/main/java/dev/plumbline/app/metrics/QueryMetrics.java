package dev.plumbline.app.metrics;

import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.StoreException;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * ClickHouse statements as self-metrics: {@value #QUERIES}_total by statement and outcome, and
 * {@value #DURATION} by statement.
 */
@Singleton
public class QueryMetrics implements QueryListener {

    static final String QUERIES = "plumbline_clickhouse_queries";
    static final String DURATION = "plumbline_clickhouse_query_duration_seconds";

    private final Counter queries;
    private final Histogram duration;

    public QueryMetrics(PrometheusRegistry registry) {
        queries = Counter.builder().name(QUERIES).help("ClickHouse statements run, by statement and outcome")
                .labelNames("query", "outcome").register(registry);
        duration = Histogram.builder().name(DURATION).help("Time to run a ClickHouse statement and read its result")
                .labelNames("query").register(registry);
    }

    @Override
    public void onQuery(String query, Duration took, long rows, StoreException failure) {
        queries.labelValues(query, failure == null ? "ok" : failure.retryable() ? "unavailable" : "error").inc();
        duration.labelValues(query).observe(took.toNanos() / 1e9);
    }
}
