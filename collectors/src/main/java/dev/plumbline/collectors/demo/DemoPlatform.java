package dev.plumbline.collectors.demo;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo platform, live: every second it plays the {@link DemoTraffic} of the second that just ended into a real
 * Prometheus client histogram ({@value DemoMetrics#HISTOGRAM}, classic buckets) and request counter, labelled by
 * service, customer and status code, and serves them at {@code /metrics} on loopback for a real Prometheus to scrape.
 */
public final class DemoPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);

    private final DemoTraffic traffic;
    private final Histogram latency;
    private final Counter requests;
    private final HTTPServer server;
    private final ScheduledExecutorService ticker;
    private final Clock clock;
    private long next;

    private DemoPlatform(DemoTraffic traffic, int port, Clock clock) throws IOException {
        this.traffic = traffic;
        this.clock = clock;
        PrometheusRegistry registry = new PrometheusRegistry();
        latency = Histogram.builder().name(DemoMetrics.HISTOGRAM).help("Server request latency")
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS).classicOnly()
                .classicUpperBounds(DemoTraffic.BUCKETS)
                .labelNames(DemoMetrics.SERVICE, DemoMetrics.CUSTOMER, DemoMetrics.STATUS).register(registry);
        requests = Counter.builder().name(DemoMetrics.REQUESTS_COUNTER).help("Requests served")
                .labelNames(DemoMetrics.SERVICE, DemoMetrics.CUSTOMER, DemoMetrics.STATUS).register(registry);
        // every series exists from the start, so a first failure is an increase and not a new series
        for (DemoSlice s : traffic.slices()) {
            for (boolean failed : new boolean[] {false, true}) {
                latency.labelValues(s.service(), s.customer(), DemoMetrics.status(failed));
                requests.labelValues(s.service(), s.customer(), DemoMetrics.status(failed));
            }
        }
        server = HTTPServer.builder().inetAddress(InetAddress.getLoopbackAddress()).port(port).registry(registry)
                .buildAndStart();
        next = clock.instant().getEpochSecond();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-platform");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Starts serving on 127.0.0.1:{@code port} (0: any free port). */
    public static DemoPlatform start(DemoTraffic traffic, int port, Clock clock) {
        try {
            return new DemoPlatform(traffic, port, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("demo platform: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public URI metricsUrl() {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/metrics");
    }

    public int port() {
        return server.getPort();
    }

    /** Plays every whole second that has ended since the last tick. */
    private void tick() {
        try {
            long now = clock.instant().getEpochSecond();
            for (; next < now; next++) {
                traffic.second(next, (slice, failed, seconds) -> {
                    String status = DemoMetrics.status(failed);
                    latency.labelValues(slice.service(), slice.customer(), status).observe(seconds);
                    requests.labelValues(slice.service(), slice.customer(), status).inc();
                });
            }
        } catch (RuntimeException e) {
            LOG.error("demo platform: traffic generation failed: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.close();
    }
}
