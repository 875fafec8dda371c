package dev.plumbline.app.bench;

import com.microsoft.playwright.Page;
import dev.plumbline.app.demo.DemoTelemetry;
import dev.plumbline.app.security.TokenService;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.psr.BareStatements;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.RoiRankingBenchmark;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review meeting at once: CONNECTIONS concurrent API clients (Debian's wrk, API token, 2 threads) for SECONDS each
 * on the Summary, the ROI ranking and the service figures of one closed month, on the demo's data (200 customers x 40
 * services) and on CUSTOMERS x SERVICES x 30 days of hourly roll-ups; beside each, the endpoint's main statement sent
 * bare to ClickHouse by the same wrk. Then SESSIONS Chromium sessions (one browser, a context each) open the Summary
 * at once, ROUNDS times: first render from each page's navigation start. The app runs with its default pool, queue
 * and identity refresh. Arguments: ClickHouse URL, customers, services, seconds, connections, sessions, rounds, file.
 */
public final class ApiLoadBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private ApiLoadBenchmark() {
    }

    /**
     * One wrk run: latency percentiles in seconds, requests, rate, errors (socket errors, timeouts, non-2xx) and the
     * answers by HTTP status.
     */
    record Load(double p50, double p90, double p99, long requests, double rate, long errors, Map<Integer, Long> statuses) {
    }

    /** Counts the answers by status in each wrk thread and prints the totals ("status 200: 1234") at the end. */
    private static final String STATUSES = """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) statuses = {} end
            function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
            function done(summary, latency, requests)
              local total = {}
              for _, t in ipairs(threads) do
                for k, v in pairs(t:get("statuses")) do total[k] = (total[k] or 0) + v end
              end
              for k, v in pairs(total) do io.write(string.format("status %d: %d\\n", k, v)) end
            end
            """;
    private static final Pattern STATUS = Pattern.compile("^status (\\d+): (\\d+)$", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int customers = Integer.parseInt(args[1]);
        int services = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        int sessions = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        Path out = Path.of(args[7]);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                API load benchmark: %d concurrent clients (wrk, 2 threads, API token, 10 s timeout) for %d s per
                endpoint, on one closed month; the app with its defaults (pool 8, queue 64, queue wait 5 s, tokens
                trusted 10 s); beside each endpoint its main statement sent bare to ClickHouse by the same wrk.
                Latency p50 / p90 / p99 in seconds, requests, requests per second, errors (socket, timeout, non-2xx).
                """, connections, seconds));

        // the demo: 200 customers x 40 services, about two months of history up to the app's clock
        ConnectionSpec demoSpec = database(url, "bench_api_demo_");
        ClickHouse demoStore = ClickHouse.connect(demoSpec, 4, QueryListener.NONE);
        YearMonth demoMonth = YearMonth.from(RunningApp.NOW.atZone(ZoneOffset.UTC)).minusMonths(1);
        try (RunningApp app = start(demoSpec, demoStore, Map.of("plumbline.demo.seed", true,
                "plumbline.demo.platform-port", freePort()))) {
            long rows = app.bean(DemoTelemetry.class).history().get();
            report.append(String.format(Locale.ROOT, "%n  demo data (200 customers x 40 services, %,d hourly rows), month %s%n",
                    rows, demoMonth));
            load(app, url, demoSpec, demoMonth, seconds, connections, report);
        }
        drop(demoStore, demoSpec);

        // CUSTOMERS x SERVICES x 30 days of hourly roll-ups (the ROI benchmark's data set)
        ConnectionSpec spec = database(url, "bench_api_");
        ClickHouse ch = ClickHouse.connect(spec, 4, QueryListener.NONE);
        Clock clock = Clock.fixed(RoiRankingBenchmark.BENCH_MONTH.atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);
        long t0 = System.nanoTime();
        RoiRankingBenchmark.seedBusiness(ch, clock, customers, services);
        long rows = RoiRankingBenchmark.generateHours(ch, customers, services);
        RoiRankingBenchmark.rollUp(ch, clock);
        ch.execute(new NamedQuery("optimize", "OPTIMIZE TABLE telemetry_day FINAL"));
        ch.execute(new NamedQuery("optimize", "OPTIMIZE TABLE telemetry_month FINAL"));
        double ready = (System.nanoTime() - t0) / 1e9;
        try (RunningApp app = start(spec, ch, Map.of())) {
            report.append(String.format(Locale.ROOT, "%n  %,d customers x %d services (%,d hourly rows, ready in %.0f s), month %s%n",
                    customers, services, rows, ready, RoiRankingBenchmark.BENCH_MONTH));
            load(app, url, spec, RoiRankingBenchmark.BENCH_MONTH, seconds, connections, report);
            quiesce(url, spec);
            pages(app, RoiRankingBenchmark.BENCH_MONTH, sessions, rounds, report);
        }
        drop(ch, spec);

        System.out.print(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
    }

    private static RunningApp start(ConnectionSpec spec, ClickHouse ch, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("plumbline.clickhouse.pool-size", 8);
        properties.put("plumbline.clickhouse.queue", 64);
        properties.put("plumbline.clickhouse.queue-wait", "5s");
        properties.put("plumbline.security.identity-refresh", "10s");
        return RunningApp.start(new TestDatabase(spec, ch, null), properties);
    }

    /** Each endpoint alone (first request, then again), under load, and its main statement bare under load. */
    private static void load(RunningApp app, String clickHouseUrl, ConnectionSpec spec, YearMonth month, int seconds,
                             int connections, StringBuilder report) throws Exception {
        String token = app.bean(TokenService.class).create("api-load benchmark", "exec", "admin").secret();
        PsrEngine engine = app.bean(PsrEngine.class);
        Period period = Period.month(month);
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        endpoints.put("Summary", new String[] {"/api/v1/summary?month=" + month, BareStatements.summaryRisks(engine, period, 5)});
        endpoints.put("ROI ranking", new String[] {"/api/v1/rankings/slices?month=" + month + "&limit=20",
                BareStatements.ranking(engine, period, 20)});
        endpoints.put("service figures", new String[] {"/api/v1/figures/services?month=" + month,
                BareStatements.serviceFigures(period)});
        for (Map.Entry<String, String[]> e : endpoints.entrySet()) {
            String path = e.getValue()[0];
            quiesce(clickHouseUrl, spec);
            double first = alone(app.uri(path), token);
            double again = alone(app.uri(path), token);
            Load api = wrk(List.of("-H", "Authorization: Bearer " + token, app.baseUrl() + path), seconds, connections);
            quiesce(clickHouseUrl, spec);
            Load bare = bare(clickHouseUrl, spec, e.getValue()[1], seconds, connections);
            report.append(String.format(Locale.ROOT, """
                        %s (%s)
                          alone: first request %.3f s, the next %.3f s
                          API, %d clients:  %.3f / %.3f / %.3f s, %,d requests, %.1f req/s, %d errors, statuses %s
                          bare statement:   %.3f / %.3f / %.3f s, %,d requests, %.1f req/s, %d errors, statuses %s
                    """, e.getKey(), path, first, again, connections, api.p50(), api.p90(), api.p99(), api.requests(),
                    api.rate(), api.errors(), api.statuses(), bare.p50(), bare.p90(), bare.p99(), bare.requests(),
                    bare.rate(), bare.errors(), bare.statuses()));
        }
    }

    /**
     * Until ClickHouse runs no statement on the benchmark's database: wrk leaves when its time is up, but the server
     * goes on with what the clients left (the bare statements above all), which would load the next measurement.
     */
    private static void quiesce(String clickHouseUrl, ConnectionSpec spec) throws Exception {
        URI uri = URI.create(clickHouseUrl + "/?param_db=" + spec.database() + "&query=" + java.net.URLEncoder.encode(
                "SELECT count() FROM system.processes WHERE current_database = {db:String}",
                java.nio.charset.StandardCharsets.UTF_8));
        while (!HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body().strip().equals("0")) {
            Thread.sleep(200);
        }
    }

    private static double alone(URI uri, String token) throws Exception {
        long a = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return (System.nanoTime() - a) / 1e9;
    }

    /** The statement POSTed to ClickHouse's HTTP interface with its parameters in the URL, as the store sends it. */
    private static Load bare(String clickHouseUrl, ConnectionSpec spec, String bare, int seconds, int connections)
            throws Exception {
        int split = bare.indexOf('\n');
        String target = clickHouseUrl + "/?database=" + spec.database() + bare.substring(0, split);
        return wrk(List.of(target), "wrk.method = \"POST\"\nwrk.body = [==[" + bare.substring(split + 1) + "]==]\n",
                seconds, connections);
    }

    private static Load wrk(List<String> target, int seconds, int connections) throws Exception {
        return wrk(target, "", seconds, connections);
    }

    private static Load wrk(List<String> target, String lua, int seconds, int connections) throws Exception {
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(script, lua + STATUSES);
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-s", script.toString()));
        command.addAll(target);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        Files.delete(script);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        Matcher st = STATUS.matcher(output);
        while (st.find()) {
            statuses.put(Integer.parseInt(st.group(1)), Long.parseLong(st.group(2)));
        }
        Map<String, Double> percentiles = new HashMap<>();
        Matcher m = PERCENTILE.matcher(output);
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            percentiles.put(m.group(1), switch (m.group(3)) {
                case "us" -> value / 1e6;
                case "ms" -> value / 1e3;
                case "m" -> value * 60;
                default -> value;
            });
        }
        long errors = 0;
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher requests = REQUESTS.matcher(output);
        Matcher rate = RATE.matcher(output);
        if (!requests.find() || !rate.find() || percentiles.size() != 3) {
            throw new IllegalStateException("cannot read wrk's output: " + output);
        }
        return new Load(percentiles.get("50"), percentiles.get("90"), percentiles.get("99"),
                Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)), errors, statuses);
    }

    /**
     * SESSIONS signed-in sessions (one Chromium, a context each) open the month's Summary at once, ROUNDS times. Each
     * page records, in the page itself, when the risks and the chart are on screen (ms from its navigation start),
     * so the order in which the benchmark collects them does not matter.
     */
    private static void pages(RunningApp app, YearMonth month, int sessions, int rounds, StringBuilder report)
            throws Exception {
        String ready = """
                (() => {
                  const check = () => {
                    if (window.__plumblineReady === undefined && document.querySelector('.summary-risk')
                        && document.querySelector("[data-chart='Platform availability per day'][data-drawn=true]")) {
                      window.__plumblineReady = performance.now();
                    }
                  };
                  setInterval(check, 5);
                })();
                """;
        String summary = app.baseUrl() + "/summary?month=" + month;
        List<double[]> byRound = new ArrayList<>();
        int[] failed = {0};
        try (Browser browser = new Browser()) {
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                Page page = browser.newPage();
                Browser.signIn(page, app.baseUrl(), "exec", RunningApp.PASSWORD);
                page.addInitScript(ready);
                pages.add(page);
            }
            for (int round = 0; round < rounds; round++) {
                double[] times = new double[pages.size()];
                List<Object> before = new ArrayList<>();
                for (Page page : pages) {   // starts every navigation without waiting for any
                    before.add(page.evaluate("() => performance.timeOrigin"));
                    page.evaluate("url => { window.location.href = url; }", summary);
                }
                for (int i = 0; i < pages.size(); i++) {   // a new document (its own time origin) with the figures on it
                    try {
                        pages.get(i).waitForFunction("old => performance.timeOrigin !== old && window.__plumblineReady !== undefined",
                                before.get(i), new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(20));
                        times[i] = ((Number) pages.get(i).evaluate("() => window.__plumblineReady")).doubleValue() / 1000;
                    } catch (com.microsoft.playwright.PlaywrightException e) {   // an error page: never drawn
                        times[i] = Double.POSITIVE_INFINITY;
                        failed[0]++;
                    }
                }
                java.util.Arrays.sort(times);
                byRound.add(times);
            }
        }
        report.append(String.format(Locale.ROOT, "    Summary page (/summary?month=%s), %d Chromium sessions (one browser) at once,"
                + " first render from navigation start (%d renders never drawn in 60 s):%n", month, sessions, failed[0]));
        for (int r = 0; r < byRound.size(); r++) {
            double[] t = byRound.get(r);
            report.append(String.format(Locale.ROOT, "      round %d%s: p50 %.3f s, p99 %.3f s (min %.3f s)%n", r + 1,
                    r == 0 ? " (the page's figures not computed yet)" : "", t[t.length / 2],
                    t[(int) Math.ceil(0.99 * t.length) - 1], t[0]));
        }
    }

    private static ConnectionSpec database(String url, String prefix) {
        ConnectionSpec spec = new ConnectionSpec(url, prefix + System.currentTimeMillis(), null, null);
        ClickHouse.createDatabase(spec, "");
        try (ClickHouse ch = ClickHouse.connect(spec, 1, QueryListener.NONE)) {
            new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
        }
        return spec;
    }

    private static void drop(ClickHouse ch, ConnectionSpec spec) {
        if (System.getenv("BENCH_KEEP") == null) {
            ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database() + " SYNC"));
        }
        ch.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
