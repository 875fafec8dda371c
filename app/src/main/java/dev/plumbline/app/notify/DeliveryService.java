package dev.plumbline.app.notify;

import dev.plumbline.app.config.DeliveryProperties;
import dev.plumbline.app.config.RetryProperties;
import dev.plumbline.app.config.SmtpProperties;
import dev.plumbline.sql.outbox.OutboxStore;
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

/**
 * The process's one delivery worker, run every plumbline.notify.delivery.interval after the previous run ended (so two
 * runs never overlap) once the server has started.
 */
@Singleton
public class DeliveryService implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryProperties properties;
    private final TaskScheduler scheduler;
    private final DeliveryWorker worker;
    private final dev.plumbline.app.replicas.Replicas replicas;
    private ScheduledFuture<?> task;

    /** With several replicas, one of them delivers (a notification goes out once). */
    static final String JOB = "job/deliveries";

    public DeliveryService(DeliveryProperties properties, RetryProperties retry, SmtpProperties smtp,
                           OutboxStore outbox, Destinations destinations, Clock clock,
                           @Named("scheduled") TaskScheduler scheduler, dev.plumbline.app.replicas.Replicas replicas) {
        this.properties = properties;
        this.replicas = replicas;
        this.scheduler = scheduler;
        this.worker = new DeliveryWorker(outbox, destinations, new HttpSender(properties.timeout(), clock),
                new MailSender(smtp), new Backoff(retry), clock);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!properties.enabled()) {
            LOG.info("notification delivery: off in this process ({}.enabled)", DeliveryProperties.PREFIX);
            return;
        }
        replicas.register(JOB);
        task = scheduler.scheduleWithFixedDelay(Duration.ZERO, properties.interval(), this::run);
    }

    private void run() {
        if (!replicas.holds(JOB)) {
            return;
        }
        try {
            worker.deliverDue(properties.batch());
        } catch (RuntimeException e) {   // ClickHouse away: what is pending stays pending, the next run tries again
            LOG.warn("notification delivery: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
