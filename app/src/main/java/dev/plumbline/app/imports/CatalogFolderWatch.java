package dev.plumbline.app.imports;

import dev.plumbline.app.config.CatalogProperties;
import dev.plumbline.collectors.catalog.CatalogFolder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the catalog folder at start and whenever it changes (checked every poll interval). */
@Singleton
@Requires(property = CatalogProperties.PREFIX + ".folder", pattern = ".+")
public class CatalogFolderWatch implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFolderWatch.class);

    private final CatalogFolder folder;
    private final CatalogProperties properties;
    private final TaskScheduler scheduler;
    private final dev.plumbline.app.replicas.Replicas replicas;
    private ScheduledFuture<?> task;

    /** With several replicas, one of them imports the folder's catalog. */
    static final String JOB = "job/catalog-folder";

    public CatalogFolderWatch(CatalogFolder folder, CatalogProperties properties,
                              @Named("scheduled") TaskScheduler scheduler,
                              dev.plumbline.app.replicas.Replicas replicas) {
        this.folder = folder;
        this.replicas = replicas;
        replicas.register(JOB);
        this.properties = properties;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("catalog: watching {} every {}", properties.folder(), properties.pollInterval());
        task = scheduler.scheduleWithFixedDelay(java.time.Duration.ZERO, properties.pollInterval(), this::poll);
    }

    private void poll() {
        if (!replicas.holds(JOB)) {
            return;
        }
        try {
            folder.poll();
        } catch (RuntimeException e) {
            LOG.error("catalog folder check failed: {}", e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
