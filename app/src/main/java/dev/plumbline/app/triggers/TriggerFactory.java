package dev.plumbline.app.triggers;

import dev.plumbline.app.config.TriggerProperties;
import dev.plumbline.app.config.WebProperties;
import dev.plumbline.app.notify.Destinations;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.triggers.FigureReader;
import dev.plumbline.sql.triggers.TriggerEvaluation;
import dev.plumbline.sql.triggers.TriggerStateStore;
import dev.plumbline.sql.triggers.TriggerStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the triggers: their stores, the messages in each destination's format, and the evaluation. */
@Factory
public class TriggerFactory {

    @Singleton
    TriggerStore triggerStore(ClickHouse clickHouse, Clock clock) {
        return new TriggerStore(clickHouse, clock);
    }

    @Singleton
    TriggerStateStore triggerStateStore(ClickHouse clickHouse, Clock clock) {
        return new TriggerStateStore(clickHouse, clock);
    }

    @Singleton
    TriggerMessages triggerMessages(Destinations destinations, WebProperties web, CurrencyRates rates) {
        return new TriggerMessages(destinations, web.externalUrl(), rates.reporting());
    }

    @Singleton
    TriggerChecks triggerChecks(Destinations destinations, ServiceCatalogStore catalog, CustomerStore customers,
                                PsrEngine engine, Definitions definitions, Clock clock) {
        return new TriggerChecks(destinations, catalog, customers, engine, definitions, clock);
    }

    @Singleton
    TriggerEvaluation triggerEvaluation(TriggerStore triggers, TriggerStateStore states, PsrEngine engine,
                                        OutboxStore outbox, TriggerMessages messages, TriggerProperties properties) {
        return new TriggerEvaluation(triggers, states, new FigureReader(engine, properties.maxSubjects()), outbox,
                messages);
    }
}
