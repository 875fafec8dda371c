package dev.plumbline.app.fixes;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.fixes.FixEffects;
import dev.plumbline.sql.fixes.FixStore;
import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.psr.PsrEngine;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The tracked fixes: their store, the reader of their effects, and tracking them (API and pages alike). */
@Factory
public class FixesFactory {

    @Singleton
    FixStore fixStore(ClickHouse clickHouse, Clock clock) {
        return new FixStore(clickHouse, clock);
    }

    @Singleton
    FixEffects fixEffects(ClickHouse clickHouse, PsrEngine engine) {
        return new FixEffects(clickHouse, engine);
    }

    @Singleton
    FixTracking fixTracking(FixStore store, FixEffects effects, ServiceCatalogStore catalog, CustomerStore customers,
                            AnnotationStore annotations, Clock clock) {
        return new FixTracking(store, effects, catalog, customers, annotations, clock);
    }
}
