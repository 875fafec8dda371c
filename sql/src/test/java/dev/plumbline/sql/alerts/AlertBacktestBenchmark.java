package dev.plumbline.sql.alerts;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.alerts.BurnRule.Severity;
import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An alert backtest over 30, 90 and 180 days of per-service minutes of one service with 5 and 20 candidate policies:
 * the whole backtest as the API runs it (read the minutes through the store, find the bad episodes, replay every
 * candidate, build the chart) against the bare SQL that reads the same minutes (alert_minutes.sql with the same
 * values, posted to ClickHouse's HTTP interface), interleaved run by run. Run with {@code bin/benchmark
 * alert-backtest}; arguments: ClickHouse URL, result file, [runs].
 */
public final class AlertBacktestBenchmark {

    private static final NamedQuery GENERATE = NamedQuery.load(AlertBacktestBenchmark.class,
            "bench_generate_service_minutes.sql");
    private static final NamedQuery MINUTES = NamedQuery.load(AlertHistoryStore.class, "alert_minutes.sql");
    private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");
    private static final int MAX_DAYS = 180;
    private static final Duration LOOKBACK = Duration.ofDays(4);   // Pyrra's longest window
    private static final Objective AVAILABILITY = new Objective("checkout", "availability", Indicator.AVAILABILITY,
            0.999, null, ObjectiveWindow.rolling(30));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertBacktestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path out = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        ConnectionSpec spec = new ConnectionSpec(url, "bench_alerts_" + java.util.UUID.randomUUID().toString().replace("-", ""), null, null);
        ClickHouse.createDatabase(spec, "");
        Clock clock = Clock.fixed(END, ZoneOffset.UTC);
        SchemaOptions schema = new SchemaOptions("", 35, 3650);   // planted at fixed dates: never expired by the server
        try (ClickHouse ch = ClickHouse.connect(spec, 2, QueryListener.NONE)) {
            new Migrator(ch, schema).migrate();
            long minutes = Duration.between(END.minus(Duration.ofDays(MAX_DAYS)).minus(LOOKBACK), END).toMinutes();
            long t0 = System.nanoTime();
            ch.execute(GENERATE, Params.of("service", "checkout").and("start", END.minus(Duration.ofMinutes(minutes)))
                    .and("minutes", minutes));
            ch.execute(new NamedQuery("optimize", "OPTIMIZE TABLE service_minute FINAL"));
            double generated = (System.nanoTime() - t0) / 1e9;
            AnnotationStore annotations = new AnnotationStore(ch, clock);
            List<Annotation> incidents = new ArrayList<>();
            for (int d = 5; d < MAX_DAYS; d += 17) {
                Instant start = END.minus(Duration.ofDays(d)).plus(Duration.ofHours(10));
                incidents.add(new Annotation(UUID.randomUUID(), start, start.plus(Duration.ofHours(2)), "checkout", "",
                        AnnotationKind.INCIDENT, "incident " + d, ""));
            }
            annotations.insert(incidents);
            AlertHistoryStore history = new AlertHistoryStore(ch, schema, clock);
            AlertBacktests backtests = new AlertBacktests(history, annotations);
            List<AlertPolicy> all = candidates();

            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                    Alert backtest benchmark: one service, %,d per-service minutes generated in %.1f s, %d runs each
                    (p50 / min / max, seconds; whole = read through the store + bad episodes + replay + chart)
                    | days | candidates | rules | whole backtest | of which reading the minutes | bare SQL | alerts of the candidates |
                    | --- | --- | --- | --- | --- | --- | --- |
                    """, minutes, generated, runs));
            for (int days : new int[] {30, 90, 180}) {
                for (int n : new int[] {5, 20}) {
                    List<AlertPolicy> candidates = all.subList(0, n);
                    Instant from = END.minus(Duration.ofDays(days));
                    AlertBacktests.Request request = new AlertBacktests.Request(AVAILABILITY, AlertSlice.SERVICE, from,
                            END, candidates, ReportSettings.DEFAULT);
                    Duration lookback = request.lookback();
                    String bare = bareQuery(Params.of("service", "checkout").and("customer", "").and("segment", "")
                            .and("as_of", java.time.LocalDate.of(2026, 9, 1)).and("from", from.minus(lookback))
                            .and("to", END).and("per_customer", 0).and("latency", 0).and("threshold_seconds", 0.0));
                    int alerts = 0;
                    for (int i = 0; i < 2; i++) {   // warm-up
                        alerts = whole(backtests, request);
                        http(url, spec.database(), bare);
                    }
                    double[] wholes = new double[runs];
                    double[] reads = new double[runs];
                    double[] bares = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        long a = System.nanoTime();
                        whole(backtests, request);
                        long b = System.nanoTime();
                        http(url, spec.database(), bare);
                        long c = System.nanoTime();
                        history.minutes(AVAILABILITY, AlertSlice.SERVICE, from, END, lookback);
                        long d = System.nanoTime();
                        wholes[i] = (b - a) / 1e9;
                        bares[i] = (c - b) / 1e9;
                        reads[i] = (d - c) / 1e9;
                    }
                    int rules = candidates.stream().mapToInt(p -> p.rules().size()).sum();
                    report.append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %s | %s | %d |%n", days, n, rules,
                            stats(wholes), stats(reads), stats(bares), alerts));
                }
            }
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report.toString());
            if (System.getenv("BENCH_KEEP") == null) {
                ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database() + " SYNC"));
            } else {
                System.out.println("kept database " + spec.database() + " (BENCH_KEEP)");
            }
        }
    }

    /** The whole backtest as the API runs it; returns the alerts of all candidates (so nothing is optimised away). */
    private static int whole(AlertBacktests backtests, AlertBacktests.Request request) {
        AlertBacktests.Result result = backtests.run(request);
        BurnChart chart = result.chart(2000);
        return result.reports().stream().mapToInt(Report::alerts).sum() + (chart.windows().isEmpty() ? 1 : 0);
    }

    /** 20 candidates: the three presets and 17 variants of windows, factors, for, keep_firing_for and minimum requests. */
    static List<AlertPolicy> candidates() {
        ObjectiveWindow window = AVAILABILITY.window();
        List<AlertPolicy> out = new ArrayList<>(Presets.candidates(window));
        out.add(single("single-5m", Duration.ofMinutes(5), 20, Duration.ZERO, Duration.ZERO, 0));
        out.add(single("single-30m", Duration.ofMinutes(30), 10, Duration.ofMinutes(5), Duration.ZERO, 0));
        int i = 0;
        for (double scale : new double[] {0.5, 0.75, 1.5, 2}) {
            AlertPolicy sre = Presets.sreWorkbook(window);
            out.add(new AlertPolicy("sre-x" + (++i), "the SRE workbook's factors x " + scale, sre.rules().stream()
                    .map(r -> new BurnRule(r.name(), r.severity(), r.longWindow(), r.shortWindow(), r.factor() * scale,
                            r.forDuration(), r.keepFiringFor(), r.minRequests())).toList()));
        }
        for (int forMinutes : new int[] {1, 2, 5, 10, 15}) {
            out.add(single("single-1h-for-" + forMinutes + "m", Duration.ofHours(1), 14.4, Duration.ofMinutes(forMinutes),
                    Duration.ZERO, 0));
        }
        for (int keep : new int[] {5, 15, 30}) {
            out.add(single("single-6h-keep-" + keep + "m", Duration.ofHours(6), 6, Duration.ZERO, Duration.ofMinutes(keep), 0));
        }
        out.add(single("single-1h-min-10000", Duration.ofHours(1), 14.4, Duration.ZERO, Duration.ZERO, 10_000));
        out.add(single("single-1d", Duration.ofDays(1), 3, Duration.ofMinutes(30), Duration.ZERO, 0));
        out.add(single("single-3d", Duration.ofDays(3), 1, Duration.ofHours(1), Duration.ofMinutes(30), 0));
        if (out.size() != 20) {
            throw new IllegalStateException("20 candidates expected, made " + out.size());
        }
        return List.copyOf(out);
    }

    private static AlertPolicy single(String name, Duration window, double factor, Duration forDuration,
                                      Duration keepFiringFor, long minRequests) {
        return new AlertPolicy(name, "", List.of(new BurnRule("page", Severity.PAGE, window, null, factor, forDuration,
                keepFiringFor, minRequests)));
    }

    /** The statement's URL parameters as the server reads them (param_NAME=text) after a '?', then the statement. */
    private static String bareQuery(Params params) {
        StringBuilder url = new StringBuilder();
        ClickHouse.serverParameters(MINUTES, params).forEach((k, v) -> url.append("&param_").append(k).append('=')
                .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return url + "\n" + MINUTES.sql();
    }

    private static void http(String url, String database, String bare) throws Exception {
        int split = bare.indexOf('\n');
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/?database="
                        + URLEncoder.encode(database, StandardCharsets.UTF_8) + bare.substring(0, split)))
                .POST(HttpRequest.BodyPublishers.ofString(bare.substring(split + 1))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bare query failed: " + response.body());
        }
    }

    private static String stats(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        double p50 = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", p50, s[0], s[s.length - 1]);
    }
}
