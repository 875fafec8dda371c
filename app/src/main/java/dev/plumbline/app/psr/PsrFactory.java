package dev.plumbline.app.psr;

import dev.plumbline.app.config.CacheProperties;
import dev.plumbline.app.config.RoiProperties;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.psr.FigureCache;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.telemetry.RollupStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The PSR engine, configured with the ROI model and the currency rates. */
@Factory
public class PsrFactory {

    @Singleton
    PsrEngine psrEngine(ClickHouse clickHouse, ServiceCatalogStore catalog, CurrencyRates rates, RoiProperties roi,
                        Clock clock, FigureCache cache) {
        return new PsrEngine(clickHouse, catalog, rates, roi.toModel(), clock, cache);
    }

    /** The figures computed once per version of the data (plumbline.cache.entries). */
    @Singleton
    FigureCache figureCache(ClickHouse clickHouse, CacheProperties cache) {
        return new FigureCache(clickHouse, cache.entries());
    }

    @Singleton
    RollupStore rollupStore(ClickHouse clickHouse, Clock clock) {
        return new RollupStore(clickHouse, clock);
    }

    /** The definitions catalog (read once; it ships with the code). */
    @Singleton
    Definitions definitions() {
        return Definitions.load();
    }
}
