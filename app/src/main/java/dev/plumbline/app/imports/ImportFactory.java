package dev.plumbline.app.imports;

import dev.plumbline.app.config.CatalogProperties;
import dev.plumbline.app.config.CurrencyProperties;
import dev.plumbline.collectors.catalog.CatalogFolder;
import dev.plumbline.collectors.catalog.CatalogImporter;
import dev.plumbline.collectors.customers.CustomerImporter;
import dev.plumbline.collectors.customers.CustomerParser;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.imports.MappingStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/** Wires the business-data importers (customers, the OpenSLO catalog). */
@Factory
public class ImportFactory {

    @Singleton
    CurrencyRates currencyRates(CurrencyProperties properties) {
        return properties.toRates();
    }

    @Singleton
    CustomerImporter customerImporter(CurrencyRates rates, CustomerStore customers, MappingStore mappings, Clock clock) {
        return new CustomerImporter(new CustomerParser(rates), customers, mappings, clock);
    }

    @Singleton
    CatalogImporter catalogImporter(ServiceCatalogStore catalog, AlertPolicyStore policies) {
        return new CatalogImporter(catalog, policies);
    }

    @Singleton
    @Requires(property = CatalogProperties.PREFIX + ".folder", pattern = ".+")
    CatalogFolder catalogFolder(CatalogProperties properties, CatalogImporter importer, Clock clock) {
        return new CatalogFolder(Path.of(properties.folder()), importer, clock);
    }
}
