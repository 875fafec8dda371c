package dev.plumbline.app.collect;

import dev.plumbline.app.config.CollectorProperties;
import dev.plumbline.app.config.DatadogSourceProperties;
import dev.plumbline.app.config.PrometheusSourceProperties;
import dev.plumbline.app.config.RemoteWriteProperties;
import dev.plumbline.app.config.SpansSourceProperties;
import dev.plumbline.collectors.spans.SpansCollector;
import dev.plumbline.collectors.spans.SpansFetcher;
import dev.plumbline.collectors.spans.SpansSource;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.spans.SpanReader;
import dev.plumbline.app.replicas.Replicas;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.remotewrite.RemoteWriteReceiver;
import dev.plumbline.collectors.remotewrite.SeriesClassifier;
import dev.plumbline.sql.telemetry.PushedSeriesStore;
import dev.plumbline.collectors.datadog.DatadogClientApi;
import dev.plumbline.collectors.datadog.DatadogFetcher;
import dev.plumbline.collectors.datadog.DatadogSource;
import dev.plumbline.collectors.prometheus.PrometheusCollector;
import dev.plumbline.collectors.prometheus.PrometheusHttpApi;
import dev.plumbline.collectors.prometheus.PrometheusFetcher;
import dev.plumbline.collectors.prometheus.PrometheusSource;
import dev.plumbline.collectors.prometheus.ReadPath;
import dev.plumbline.collectors.prometheus.ReadPathFetcher;
import dev.plumbline.collectors.prometheus.RemoteReadFetcher;
import dev.plumbline.collectors.prometheus.ResilientPrometheusApi;
import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.collectors.telemetry.TelemetryCollector;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.watermark.WatermarkStore;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every configured telemetry source on its own thread every interval, all writing through one spool, and
 * answers for their state. A source that fails (or whose circuit is open) only marks itself failing.
 */
@Singleton
public class CollectorService implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorService.class);

    private final Map<String, SourceRunner> runners = new LinkedHashMap<>();
    private final List<ClickHouse> spansServers = new java.util.ArrayList<>();
    private final CollectorProperties properties;
    private final TaskScheduler scheduler;
    private final SpooledWriter writer;
    private final RemoteWriteRunner pushed;
    private final Duration flushEvery;
    private final Replicas replicas;
    private ScheduledFuture<?> task;
    private ScheduledFuture<?> flushTask;

    public CollectorService(CollectorProperties properties, List<PrometheusSourceProperties> sources,
                            List<DatadogSourceProperties> datadog, List<SpansSourceProperties> spans,
                            RemoteWriteProperties remoteWrite,
                            ClickHouse clickHouse, Clock clock, @Named("scheduled") TaskScheduler scheduler,
                            Replicas replicas) {
        this.properties = properties;
        this.replicas = replicas;
        this.scheduler = scheduler;
        this.writer = new SpooledWriter(new TelemetryStore(clickHouse, clock), new RollupStore(clickHouse, clock),
                new Spool(properties.spool(), properties.spoolMaxBytes()));
        WatermarkStore watermarks = new WatermarkStore(clickHouse, clock);
        for (PrometheusSourceProperties p : sources.stream().sorted(java.util.Comparator.comparing(PrometheusSourceProperties::name)).toList()) {
            if (!p.enabled()) {
                continue;
            }
            PrometheusSource source = p.toSource();
            ReadPath path = p.readPath();
            ResilientPrometheusApi api = ResilientPrometheusApi.of(source.name(), new PrometheusHttpApi(source));
            RemoteReadFetcher remote = new RemoteReadFetcher(source, RemoteReadFetcher.client(source),
                    Resilience.of(source.name()));
            ReadPathFetcher fetcher = new ReadPathFetcher(source.name(), path, remote, remote::circuitState,
                    new PrometheusFetcher(source, api), api::circuitState);
            runners.put(source.name(), new SourceRunner(new PrometheusCollector(fetcher, writer, watermarks, clock),
                    "prometheus", fetcher::circuitState, writer.spool(), clock, properties.firstLookback()));
        }
        for (DatadogSourceProperties p : datadog.stream().sorted(java.util.Comparator.comparing(DatadogSourceProperties::name)).toList()) {
            if (!p.enabled()) {
                continue;
            }
            DatadogSource source = p.toSource();
            if (runners.containsKey(source.name())) {
                throw new IllegalArgumentException(DatadogSourceProperties.PREFIX + "." + source.name()
                        + ": a Prometheus source has the same name; source names must be unique");
            }
            Resilience resilience = Resilience.of(source.name());
            runners.put(source.name(), new SourceRunner(new TelemetryCollector(new DatadogFetcher(source,
                    new DatadogClientApi(source, clock), resilience), writer, watermarks, clock), "datadog",
                    resilience::circuitState, writer.spool(), clock, properties.firstLookback()));
        }
        ServiceCatalogStore catalog = new ServiceCatalogStore(clickHouse, clock);
        for (SpansSourceProperties p : spans.stream().sorted(java.util.Comparator.comparing(SpansSourceProperties::name)).toList()) {
            if (!p.enabled()) {
                continue;
            }
            SpansSource source = p.toSource(clickHouse.spec());
            if (runners.containsKey(source.name())) {
                throw new IllegalArgumentException(SpansSourceProperties.PREFIX + "." + source.name()
                        + ": another source has the same name; source names must be unique");
            }
            ClickHouse spansServer = ClickHouse.connect(source.server(), 2, QueryListener.NONE);
            spansServers.add(spansServer);
            SpansFetcher fetcher = new SpansFetcher(source, new SpanReader(spansServer, source.schema(),
                    source.server().database(), source.table()), catalog::latencyThresholdsSeconds,
                    Resilience.of(source.name()));
            runners.put(source.name(), new SourceRunner(new SpansCollector(fetcher, writer, watermarks, clock), "spans",
                    fetcher.resilience()::circuitState, writer.spool(), clock, properties.firstLookback(),
                    () -> SourceStatus.Spans.of(fetcher.tally())));
        }
        runners.keySet().forEach(name -> replicas.register(work(name)));
        this.flushEvery = remoteWrite.flush();
        if (remoteWrite.enabled()) {
            if (runners.containsKey(remoteWrite.source())) {
                throw new IllegalArgumentException(RemoteWriteProperties.PREFIX + ".source: '" + remoteWrite.source()
                        + "' is also a configured source's name; source names must be unique");
            }
            MetricNames names = remoteWrite.names();
            pushed = new RemoteWriteRunner(new RemoteWriteReceiver(remoteWrite.source(), names,
                    new SeriesClassifier(names, java.util.Set.copyOf(remoteWrite.replicaLabels())),
                    new PushedSeriesStore(clickHouse, clock), writer, remoteWrite.stateWindow(), clock),
                    writer.spool(), clock);
        } else {
            pushed = null;
        }
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (pushed != null) {
            LOG.info("remote write: {} receives at /api/v1/write, summed every {}", pushed.receiver().source(), flushEvery);
            flushTask = scheduler.scheduleAtFixedRate(flushEvery, flushEvery, pushed::flush);
        }
        if (runners.isEmpty()) {
            return;
        }
        LOG.info("collectors: {} every {} (spool {})", runners.keySet(), properties.interval(), properties.spool());
        task = scheduler.scheduleAtFixedRate(Duration.ZERO, properties.interval(), this::tick);
    }

    /** The remote-write receiver, when enabled. */
    public java.util.Optional<RemoteWriteReceiver> remoteWrite() {
        return pushed == null ? java.util.Optional.empty() : java.util.Optional.of(pushed.receiver());
    }

    /** The lease a source's collection runs under: with several replicas, one of them collects it. */
    static String work(String source) {
        return "source/" + source;
    }

    /** Queues a collection of each source this replica collects. */
    private void tick() {
        for (SourceRunner r : runners.values()) {
            if (replicas.holds(work(r.name()))) {
                r.tick();
            }
        }
    }

    /**
     * Every source's state, in name order (the remote-write receiver's among them). A source another replica collects
     * shows state {@code elsewhere} and that replica; its figures here are this replica's, from when it last had it.
     */
    public List<SourceStatus> status() {
        List<SourceStatus> out = new java.util.ArrayList<>();
        for (SourceRunner r : runners.values()) {
            String work = work(r.name());
            out.add(r.status(replicas.holderOf(work).orElse(null), replicas.holds(work)));
        }
        if (pushed != null) {
            out.add(pushed.status(replicas.id()));
            out.sort(java.util.Comparator.comparing(SourceStatus::source));
        }
        return out;
    }

    /** Starts a backfill of [from, to) (whole minutes) for one source; its progress shows in {@link #status()}. */
    public SourceStatus backfill(String source, Instant from, Instant to) {
        SourceRunner runner = runners.get(source);
        if (runner == null && pushed != null && pushed.receiver().source().equals(source)) {
            throw new IllegalArgumentException("source: '" + source + "' is pushed through remote write; what Prometheus "
                    + "sends is stored as it arrives, there is nothing to collect again");
        }
        if (runner == null) {
            throw new java.util.NoSuchElementException("no source named '" + source + "'");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to (" + from + " >= " + to + ")");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            throw new IllegalArgumentException("to: a backfill covers at most 400 days, this one " + Duration.between(from, to).toDays());
        }
        runner.backfill(from.truncatedTo(ChronoUnit.MINUTES), to.truncatedTo(ChronoUnit.MINUTES));
        return runner.status(replicas.holderOf(work(source)).orElse(null), true);   // the backfill runs here
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (flushTask != null) {
            flushTask.cancel(false);
            pushed.flush();   // what was pushed since the last flush, summed before the store goes
        }
        runners.values().forEach(SourceRunner::close);
        spansServers.forEach(ClickHouse::close);
    }
}
