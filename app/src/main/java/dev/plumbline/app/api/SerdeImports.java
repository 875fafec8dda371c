package dev.plumbline.app.api;

import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import io.micronaut.serde.annotation.SerdeImport;

/** The store's records the API returns as they are (the sql module stays free of Micronaut). */
@SerdeImport(CatalogEntry.class)
@SerdeImport(Service.class)
@SerdeImport(Objective.class)
@SerdeImport(ObjectiveWindow.class)
@SerdeImport(ObjectiveWindow.Calendar.class)
@SerdeImport(dev.plumbline.sql.catalog.Budgeting.class)
@SerdeImport(dev.plumbline.sql.catalog.Budgeting.Method.class)
@SerdeImport(dev.plumbline.sql.psr.TimeSliceCounts.class)
@SerdeImport(Indicator.class)
@SerdeImport(Accounts.Account.class)
@SerdeImport(dev.plumbline.collectors.customers.CustomerImporter.Outcome.class)
@SerdeImport(dev.plumbline.sql.psr.MonthOverMonth.class)
@SerdeImport(dev.plumbline.sql.psr.Figures.class)
@SerdeImport(dev.plumbline.sql.psr.ObjectiveResult.class)
@SerdeImport(dev.plumbline.sql.definitions.Definition.class)
@SerdeImport(dev.plumbline.sql.psr.ServiceTrend.class)
@SerdeImport(dev.plumbline.sql.psr.ServiceTrend.Day.class)
@SerdeImport(dev.plumbline.sql.psr.ServiceTrend.SegmentDay.class)
@SerdeImport(dev.plumbline.sql.psr.CustomerTrend.class)
@SerdeImport(dev.plumbline.sql.psr.CustomerTrend.ServiceDay.class)
@SerdeImport(dev.plumbline.sql.psr.SliceRisk.Account.class)
@SerdeImport(dev.plumbline.sql.psr.SliceRisk.Traffic.class)
@SerdeImport(dev.plumbline.sql.psr.SliceRisk.Burn.class)
@SerdeImport(dev.plumbline.sql.psr.SliceRisk.Availability.class)
@SerdeImport(dev.plumbline.sql.psr.SliceRisk.Latency.class)
@SerdeImport(dev.plumbline.sql.psr.SliceRisk.Score.class)
@SerdeImport(dev.plumbline.sql.psr.SliceRisk.Money.class)
@SerdeImport(dev.plumbline.sql.psr.CustomerDay.class)
@SerdeImport(dev.plumbline.sql.psr.PlatformDay.class)
@SerdeImport(dev.plumbline.sql.psr.PlatformSummary.Changes.class)
@SerdeImport(dev.plumbline.sql.explore.Exploration.Row.class)
final class SerdeImports {

    private SerdeImports() {
    }
}
