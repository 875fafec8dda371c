package dev.plumbline.app.digests;

import dev.plumbline.app.config.DigestProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the digest schedules every plumbline.digests.interval, from the start (unless plumbline.digests.enabled is false). */
@Singleton
@Requires(property = DigestProperties.PREFIX + ".enabled", notEquals = "false")
public class DigestScheduler implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestRuns runs;
    private final DigestProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final dev.plumbline.app.replicas.Replicas replicas;
    private ScheduledFuture<?> task;

    /** With several replicas, one of them checks the schedules (a digest is sent once). */
    static final String JOB = "job/digests";

    public DigestScheduler(DigestRuns runs, DigestProperties properties, @Named("scheduled") TaskScheduler scheduler,
                           Clock clock, dev.plumbline.app.replicas.Replicas replicas) {
        this.runs = runs;
        this.replicas = replicas;
        replicas.register(JOB);
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("digests: schedules checked every {}", properties.interval());
        task = scheduler.scheduleWithFixedDelay(Duration.ZERO, properties.interval(), this::check);
    }

    private void check() {
        if (!replicas.holds(JOB)) {
            return;
        }
        try {
            runs.evaluate(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("digests: the schedules could not be checked: {}", e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
