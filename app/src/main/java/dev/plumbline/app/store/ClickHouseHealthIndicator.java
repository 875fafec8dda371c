package dev.plumbline.app.store;

import dev.plumbline.sql.ClickHouse;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Ready only while ClickHouse answers: without it no page or API call can work. */
@Singleton
@Readiness
public class ClickHouseHealthIndicator implements HealthIndicator {

    private final ClickHouse clickHouse;

    public ClickHouseHealthIndicator(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(() -> {
            boolean up = clickHouse.ping();
            return HealthResult.builder("clickhouse", up ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(Map.of("url", clickHouse.spec().httpUrl(), "database", clickHouse.spec().database()))
                    .build();
        });
    }
}
