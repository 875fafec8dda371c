package dev.plumbline.app.triggers;

import dev.plumbline.app.config.TriggerProperties;
import dev.plumbline.sql.triggers.TriggerEvaluation;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every enabled trigger every plumbline.triggers.interval (the first time one interval after the start),
 * at the application's clock. A trigger that fails (ClickHouse away, its destination no longer configured) is logged
 * and left in its state, to be evaluated again at the next interval; the others go on.
 */
@Singleton
public class TriggerJob implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerJob.class);

    private final TriggerEvaluation evaluation;
    private final TriggerProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final dev.plumbline.app.replicas.Replicas replicas;
    private ScheduledFuture<?> task;

    /** With several replicas, one of them evaluates the triggers on schedule (a crossing is enqueued once). */
    static final String JOB = "job/triggers";

    public TriggerJob(TriggerEvaluation evaluation, TriggerProperties properties,
                      @Named("scheduled") TaskScheduler scheduler, Clock clock,
                      dev.plumbline.app.replicas.Replicas replicas) {
        this.replicas = replicas;
        replicas.register(JOB);
        this.evaluation = evaluation;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("triggers: evaluated every {}", properties.interval());
        task = scheduler.scheduleAtFixedRate(properties.interval(), properties.interval(), () -> {
            if (replicas.holds(JOB)) {
                evaluateNow();
            }
        });
    }

    /** One evaluation of every enabled trigger now; what each one did. */
    public List<TriggerEvaluation.Outcome> evaluateNow() {
        List<TriggerEvaluation.Outcome> outcomes = evaluation.evaluateAll(clock.instant());
        for (TriggerEvaluation.Outcome o : outcomes) {
            if (!o.error().isEmpty()) {
                LOG.warn("triggers: {} not evaluated: {}", o.triggerId(), o.error());
            } else if (!o.crossings().isEmpty()) {
                LOG.info("triggers: {} enqueued {}", o.triggerId(), o.notificationIds());
            }
        }
        return outcomes;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
