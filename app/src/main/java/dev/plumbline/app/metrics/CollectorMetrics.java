package dev.plumbline.app.metrics;

import dev.plumbline.app.collect.CollectorService;
import dev.plumbline.app.collect.SourceStatus;
import io.micronaut.context.annotation.Context;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.ToDoubleFunction;

/** The collectors' self-metrics, read from their state at each scrape. */
@Context
public class CollectorMetrics {

    public CollectorMetrics(PrometheusRegistry registry, CollectorService collectors) {
        gauge(registry, collectors, "plumbline_collector_last_success_timestamp_seconds",
                "When the source's last collection succeeded (Unix time; absent before the first)",
                s -> s.lastSuccess() == null ? Double.NaN : s.lastSuccess().getEpochSecond());
        gauge(registry, collectors, "plumbline_collector_lag_seconds", "Now minus the source's watermark",
                s -> s.lagSeconds() == null ? Double.NaN : s.lagSeconds());
        gauge(registry, collectors, "plumbline_collector_backfill_progress_ratio",
                "The running or last backfill's share done (0-1)", s -> s.backfill() == null ? Double.NaN : s.backfill().fraction());
        counter(registry, collectors, "plumbline_collector_rows_written", "Minute rows written (or spooled)",
                SourceStatus::rowsWritten);
        counter(registry, collectors, "plumbline_collector_errors", "Failed collections", SourceStatus::errors);
        counter(registry, collectors, "plumbline_collector_queries", "Queries sent to the source", SourceStatus::queries);
        GaugeWithCallback.builder().name("plumbline_collector_spool_batches").help("Batches waiting for ClickHouse")
                .callback(cb -> cb.call(collectors.status().stream().findFirst().map(SourceStatus::spoolBatches).orElse(0)))
                .register(registry);
        GaugeWithCallback.builder().name("plumbline_collector_spool_bytes").help("Bytes waiting for ClickHouse")
                .callback(cb -> cb.call(collectors.status().stream().findFirst().map(SourceStatus::spoolBytes).orElse(0L)))
                .register(registry);
    }

    private static void gauge(PrometheusRegistry registry, CollectorService collectors, String name, String help,
                              ToDoubleFunction<SourceStatus> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("source")
                .callback(cb -> collectors.status().forEach(s -> {
                    double v = value.applyAsDouble(s);
                    if (!Double.isNaN(v)) {
                        cb.call(v, s.source());
                    }
                })).register(registry);
    }

    private static void counter(PrometheusRegistry registry, CollectorService collectors, String name, String help,
                                ToDoubleFunction<SourceStatus> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("source")
                .callback(cb -> collectors.status().forEach(s -> cb.call(value.applyAsDouble(s), s.source())))
                .register(registry);
    }
}
