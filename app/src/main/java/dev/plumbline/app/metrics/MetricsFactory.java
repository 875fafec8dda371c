package dev.plumbline.app.metrics;

import io.micronaut.context.annotation.Factory;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Singleton;

/** Plumbline's own metrics live in one registry per application (not the JVM-wide default one). */
@Factory
public class MetricsFactory {

    @Singleton
    PrometheusRegistry registry() {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        return registry;
    }
}
