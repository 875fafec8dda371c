package dev.plumbline.app.replicas;

import dev.plumbline.app.config.ReplicaProperties;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.coordination.LeaseStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes this replica's {@link Replicas} and runs its lease rounds from the start to a graceful stop. */
@Factory
public class ReplicaRounds {

    /**
     * Leases expire by the machines' clocks (the system clock, not {@code plumbline.clock.start}, which only moves
     * what "today" means and differs between replicas started at different times).
     */
    @Singleton
    Replicas replicas(ReplicaProperties properties, ClickHouse clickHouse) {
        if (!properties.coordinated()) {
            return Replicas.alone(properties);
        }
        LeaseStore store = new LeaseStore(clickHouse);
        store.create();
        return new Replicas(properties, Optional.of(store), Clock.systemUTC());
    }

    /** The rounds: a first one at start, then every renew interval; the leases given up at a graceful stop. */
    @Singleton
    public static class Runner implements ApplicationEventListener<ServerStartupEvent> {

        private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

        private final Replicas replicas;
        private final ReplicaProperties properties;
        private final TaskScheduler scheduler;
        private ScheduledFuture<?> task;

        public Runner(Replicas replicas, ReplicaProperties properties, @Named("scheduled") TaskScheduler scheduler) {
            this.replicas = replicas;
            this.properties = properties;
            this.scheduler = scheduler;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            if (!replicas.coordinated()) {
                return;
            }
            LOG.info("replicas: {} shares the work through KeeperMap leases (TTL {}, renewed every {})",
                    replicas.id(), properties.leaseTtl(), properties.renew());
            replicas.round();
            task = scheduler.scheduleWithFixedDelay(properties.renew(), properties.renew(), replicas::round);
        }

        @PreDestroy
        void stop() {
            if (task != null) {
                task.cancel(false);
            }
            replicas.leave();
        }
    }
}
