package dev.plumbline.app.store;

import dev.plumbline.app.config.ClickHouseProperties;
import dev.plumbline.app.config.ClockProperties;
import dev.plumbline.app.config.PeriodProperties;
import dev.plumbline.app.config.ReplicaProperties;
import dev.plumbline.app.config.SchemaProperties;
import dev.plumbline.app.replicas.ExclusiveLease;
import dev.plumbline.sql.coordination.LeaseStore;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertHistoryStore;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.auth.TokenStore;
import dev.plumbline.sql.auth.UserStore;
import dev.plumbline.sql.digests.SubscriptionStore;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.imports.MappingStore;
import dev.plumbline.sql.Sharding;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.ShardedMigrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.telemetry.ReportingSources;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.watermark.WatermarkStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the store: one ClickHouse pool, the schema brought up to date, and a store per concern. */
@Factory
public class StoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);
    /** The lease the migrations run under when replicas coordinate. */
    static final String MIGRATE_LEASE = "migrate";
    /** How long a starting replica waits for another's migrations. */
    private static final java.time.Duration MIGRATE_WAIT = java.time.Duration.ofMinutes(15);

    /** The application's clock: the system's, or one set by {@code plumbline.clock.start} (tests, demos). */
    @Singleton
    Clock clock(ClockProperties properties) {
        Clock clock = properties.toClock(Clock.systemUTC());
        if (properties.start() != null && !properties.start().isBlank()) {
            LOG.info("clock: starts at {} ({})", clock.instant(), ClockProperties.PREFIX + ".start");
        }
        return clock;
    }

    /** How the API and the pages read period parameters, with the default month of {@code plumbline.periods}. */
    @Singleton
    PeriodReader periodReader(Clock clock, PeriodProperties properties) {
        return new PeriodReader(clock, properties.youngMonthDays());
    }

    @Singleton
    SchemaOptions schemaOptions(ClickHouseProperties clickHouse, SchemaProperties schema) {
        return new SchemaOptions(clickHouse.ddlCluster(), schema.rawTtlDays(), schema.serviceMinuteTtlDays());
    }

    /**
     * The pool. With {@code plumbline.schema.migrate-on-start} (the default) it first creates the database when
     * missing and applies pending migrations; {@link SchemaAtStart} makes that happen at start.
     */
    @Singleton
    @Bean(preDestroy = "close")
    ClickHouse clickHouse(ClickHouseProperties properties, SchemaProperties schema, SchemaOptions options,
                          QueryListener listener, Clock clock, ReplicaProperties replicas) {
        Sharding sharding = properties.sharding();
        LOG.info("ClickHouse: {} database {}{}", properties.url(), properties.database(),
                sharding.sharded() ? " sharded over cluster " + sharding.cluster() + " " + sharding.shardUrls()
                        : options.clustered() ? " on cluster " + options.cluster() : "");
        if (schema.migrateOnStart()) {   // sharded: this node's database here (the leases live in it), every shard's after
            ClickHouse.createDatabase(properties.spec(), options.onCluster());
        }
        ClickHouse clickHouse = ClickHouse.connect(properties.spec(), properties.admission(), listener, sharding);
        if (schema.migrateOnStart()) {
            Runnable migrate = () -> {
                List<String> applied = sharding.sharded()
                        ? new ShardedMigrator(properties.spec(), sharding, options, listener).migrate()
                        : new Migrator(clickHouse, options).migrate();
                LOG.info("schema is current ({} migration(s) applied now)", applied.size());
                if (applied.contains("0017_telemetry_month") || applied.contains("0018_telemetry_month_by_month")) {
                    // the monthly roll-up is new (or created again): fill it from the days
                    new RollupStore(clickHouse, clock).rollUpEveryMonth();
                    LOG.info("monthly roll-up filled from the stored days");
                }
            };
            if (replicas.coordinated()) {
                // replicas starting together: one migrates while the others wait, then find nothing pending
                LeaseStore leases = new LeaseStore(clickHouse);
                leases.create();
                new ExclusiveLease(leases, replicas.id(), replicas.leaseTtl(), Clock.systemUTC())
                        .run(MIGRATE_LEASE, MIGRATE_WAIT, migrate);
            } else {
                migrate.run();
            }
        }
        return clickHouse;
    }

    @Singleton
    ServiceCatalogStore serviceCatalogStore(ClickHouse clickHouse, Clock clock) {
        return new ServiceCatalogStore(clickHouse, clock);
    }

    @Singleton
    CustomerStore customerStore(ClickHouse clickHouse, Clock clock) {
        return new CustomerStore(clickHouse, clock);
    }

    @Singleton
    ReportingSources reportingSources(ClickHouse clickHouse) {
        return new ReportingSources(clickHouse);
    }

    @Singleton
    TelemetryStore telemetryStore(ClickHouse clickHouse, Clock clock) {
        return new TelemetryStore(clickHouse, clock);
    }

    @Singleton
    AnnotationStore annotationStore(ClickHouse clickHouse, Clock clock) {
        return new AnnotationStore(clickHouse, clock);
    }

    @Singleton
    UserStore userStore(ClickHouse clickHouse, Clock clock) {
        return new UserStore(clickHouse, clock);
    }

    @Singleton
    SubscriptionStore subscriptionStore(ClickHouse clickHouse, Clock clock) {
        return new SubscriptionStore(clickHouse, clock);
    }

    @Singleton
    TokenStore tokenStore(ClickHouse clickHouse, Clock clock) {
        return new TokenStore(clickHouse, clock);
    }

    @Singleton
    MappingStore mappingStore(ClickHouse clickHouse, Clock clock) {
        return new MappingStore(clickHouse, clock);
    }

    @Singleton
    WatermarkStore watermarkStore(ClickHouse clickHouse, Clock clock) {
        return new WatermarkStore(clickHouse, clock);
    }

    @Singleton
    AlertHistoryStore alertHistoryStore(ClickHouse clickHouse, SchemaOptions options, Clock clock) {
        return new AlertHistoryStore(clickHouse, options, clock);
    }

    @Singleton
    AlertPolicyStore alertPolicyStore(ClickHouse clickHouse, Clock clock) {
        return new AlertPolicyStore(clickHouse, clock);
    }

    @Singleton
    OutboxStore outboxStore(ClickHouse clickHouse, Clock clock) {
        return new OutboxStore(clickHouse, clock);
    }

    @Singleton
    dev.plumbline.sql.explore.SavedViewStore savedViewStore(ClickHouse clickHouse, Clock clock) {
        return new dev.plumbline.sql.explore.SavedViewStore(clickHouse, clock);
    }

    @Singleton
    dev.plumbline.sql.explore.SavedViews savedViews(dev.plumbline.sql.explore.SavedViewStore store) {
        return new dev.plumbline.sql.explore.SavedViews(store);
    }

    @Singleton
    AlertBacktests alertBacktests(AlertHistoryStore history, AnnotationStore annotations) {
        return new AlertBacktests(history, annotations);
    }
}
