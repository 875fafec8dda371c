package dev.plumbline.app.replicas;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Ready once this replica has joined the others (its member lease is live), so that a rolling update waits until a
 * new pod takes its share before the next old one stops; always ready without coordination.
 */
@Singleton
@Readiness
public class ReplicaHealthIndicator implements HealthIndicator {

    private final Replicas replicas;

    public ReplicaHealthIndicator(Replicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(() -> {
            Replicas.Status s = replicas.status();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("id", s.id());
            details.put("coordination", s.coordination());
            details.put("holds", s.holds());
            details.put("members", s.members());
            details.put("shares", s.shares());
            if (s.lastError() != null) {
                details.put("lastError", s.lastError());
            }
            return HealthResult.builder("replicas", s.joined() ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(details).build();
        });
    }
}
