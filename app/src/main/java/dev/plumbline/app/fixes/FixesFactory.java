package dev.plumbline.app.fixes;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.fixes.FixEffects;
import dev.plumbline.sql.fixes.FixStore;
import dev.plumbline.sql.psr.PsrEngine;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The tracked fixes' store and the reader of their effects. */
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
}
