package dev.plumbline.collectors.spans;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Spans of a small platform with a planted problem, and their truth computed here, span by span: every minute each
 * customer calls api-gateway (a root server span), which calls search (a client span, then search's server span, its
 * child). In the problem's minutes search fails 40% of one customer's requests and is slow for them (0.5-1.5 s, over
 * the 300 ms threshold); elsewhere 2% fail and most are fast. Mixed in, each counted by the source: spans without the
 * customer attribute, unknown status codes, sampled spans (adjusted count 4), unreadable sampling values, both
 * spellings of the exporter's enums, and durations exactly on the threshold.
 */
final class PlantedSpans {

    static final List<String> CUSTOMERS = List.of("acme", "globex", "initech", "umbrella");
    static final String PROBLEM_SERVICE = "search";
    static final String PROBLEM_CUSTOMER = "globex";
    static final long THRESHOLD_NS = 300_000_000L;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * One span as both schemas store it.
     *
     * @param customer  null: no customer attribute
     * @param status    0 unset, 1 ok, 2 error, 7 a code neither schema knows
     * @param weight    the sampling attribute's text, null when absent
     * @param http      the HTTP status attribute, 0 when absent
     */
    record Span(Instant start, String service, String customer, int kind, boolean root, int status, boolean oldSpelling,
                long durationNanos, String weight, int http, String traceId, String spanId) {

        boolean request() {
            return kind == 2;
        }

        /** The weight the documented rule gives: the adjusted count when it is a number of at least 1, else 1. */
        double countedWeight() {
            if (weight == null) {
                return 1;
            }
            try {
                double w = Double.parseDouble(weight);
                return w >= 1 && Double.isFinite(w) ? w : 1;
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    /** The truth of one slice and minute, summed from the spans. */
    record Truth(double requests, double errors, double within, double httpErrors) {
        Truth plus(Span s) {
            double w = s.countedWeight();
            return new Truth(requests + w, errors + (s.status() == 2 ? w : 0),
                    within + (s.durationNanos() <= THRESHOLD_NS ? w : 0),
                    httpErrors + (s.http() >= 500 && s.http() <= 599 ? w : 0));
        }
    }

    static final Truth ZERO = new Truth(0, 0, 0, 0);

    private PlantedSpans() {
    }

    /** The spans of [from, from + minutes); the problem in minutes [problemFrom, problemTo) of that range. */
    static List<Span> generate(long seed, Instant from, int minutes, int problemFrom, int problemTo) {
        Random random = new Random(seed);
        List<Span> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            Instant minute = from.plus(Duration.ofMinutes(m));
            boolean problem = m >= problemFrom && m < problemTo;
            for (String customer : CUSTOMERS) {
                int calls = 4 + random.nextInt(6);
                for (int c = 0; c < calls; c++) {
                    Instant start = minute.plusNanos(random.nextLong(59_000_000_000L));
                    String trace = hex(random, 16);
                    boolean slow = problem && customer.equals(PROBLEM_CUSTOMER);
                    Span search = span(random, start.plusMillis(2), PROBLEM_SERVICE, customer, 2, false,
                            slow ? 0.4 : 0.02, slow, trace);
                    Span client = new Span(start.plusMillis(1), "api-gateway", customer, 3, false, 0, false,
                            search.durationNanos() + 1_000_000, null, 0, trace, hex(random, 8));
                    Span gateway = span(random, start, "api-gateway", customer, 2, true, 0.01, false, trace);
                    out.add(gateway);
                    out.add(client);
                    out.add(search);
                }
            }
            for (int n = 0; n < 3; n++) {   // health checks: no customer
                out.add(new Span(minute.plusSeconds(10 + 15L * n), "api-gateway", null, 2, true, 1, false, 1_000_000,
                        null, 200, hex(random, 16), hex(random, 8)));
            }
        }
        return out;
    }

    private static Span span(Random random, Instant start, String service, String customer, int kind, boolean root,
                             double errorShare, boolean slow, String trace) {
        int status = random.nextDouble() < errorShare ? 2 : random.nextInt(20) == 0 ? 7 : random.nextInt(2);
        long duration = slow ? 500_000_000L + random.nextLong(1_000_000_000L)
                : random.nextInt(25) == 0 ? THRESHOLD_NS : 5_000_000L + random.nextLong(350_000_000L);
        int pick = random.nextInt(20);
        String weight = pick == 0 ? "4" : pick == 1 ? "abc" : null;
        int http = status == 2 ? 500 + random.nextInt(4) : random.nextInt(30) == 0 ? 0 : 200;
        return new Span(start, service, customer, kind, root, status, random.nextBoolean(), duration, weight, http,
                trace, hex(random, 8));
    }

    /** Per service|customer|minute, the truth of the request spans with a customer. */
    static java.util.Map<String, Truth> truth(List<Span> spans, Instant from, Instant to, boolean rootsOnly) {
        java.util.Map<String, Truth> out = new java.util.TreeMap<>();
        for (Span s : spans) {
            boolean counted = rootsOnly ? s.root() : s.request();
            if (counted && s.customer() != null && !s.start().isBefore(from) && s.start().isBefore(to)) {
                out.merge(key(s.service(), s.customer(), s.start().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
                        ZERO.plus(s), (a, b) -> new Truth(a.requests + b.requests, a.errors + b.errors,
                                a.within + b.within, a.httpErrors + b.httpErrors));
            }
        }
        return out;
    }

    static String key(String service, String customer, Instant minute) {
        return service + "|" + customer + "|" + minute;
    }

    /** The spans as JSONEachRow rows of otel_traces. */
    static String otelRows(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span s : spans) {
            String kind = s.oldSpelling() ? new String[] {"Unspecified", "Internal", "Server", "Client"}[s.kind()]
                    : new String[] {"SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT"}[s.kind()];
            String status = s.status() == 7 ? "STATUS_CODE_SEVEN" : s.oldSpelling()
                    ? new String[] {"Unset", "Ok", "Error"}[s.status()]
                    : new String[] {"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"}[s.status()];
            StringBuilder attrs = new StringBuilder();
            if (s.customer() != null) {
                attrs.append("\"customer.id\":\"").append(s.customer()).append('"');
            }
            if (s.weight() != null) {
                attrs.append(attrs.isEmpty() ? "" : ",").append("\"sampling.adjusted_count\":\"").append(s.weight()).append('"');
            }
            if (s.http() > 0) {
                attrs.append(attrs.isEmpty() ? "" : ",").append("\"http.response.status_code\":\"").append(s.http()).append('"');
            }
            String resource = "\"service.name\":\"" + s.service() + "\""
                    + (s.customer() != null ? ",\"tenant\":\"" + s.customer() + "\"" : "");
            out.append(String.format(Locale.ROOT, "{\"Timestamp\":\"%s\",\"TraceId\":\"%s\",\"SpanId\":\"%s\","
                    + "\"ParentSpanId\":\"%s\",\"SpanName\":\"%s\",\"SpanKind\":\"%s\",\"ServiceName\":\"%s\","
                    + "\"ResourceAttributes\":{%s},\"SpanAttributes\":{%s},\"Duration\":%d,\"StatusCode\":\"%s\"}\n",
                    timestamp(s.start()), s.traceId(), s.spanId(), s.root() ? "" : "00f067aa0ba902b7",
                    s.service().equals("search") ? "GET /search" : "GET /api", kind, s.service(), resource, attrs,
                    s.durationNanos(), status));
        }
        return out.toString();
    }

    /** The spans as JSONEachRow rows of signoz_index_v3: numbers in attributes_number, as SigNoz keeps them. */
    static String signozRows(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span s : spans) {
            StringBuilder strings = new StringBuilder();
            StringBuilder numbers = new StringBuilder();
            if (s.customer() != null) {
                strings.append("\"customer.id\":\"").append(s.customer()).append('"');
            }
            if (s.weight() != null) {
                if (s.weight().equals("4")) {
                    numbers.append("\"sampling.adjusted_count\":4");
                } else {
                    strings.append(strings.isEmpty() ? "" : ",").append("\"sampling.adjusted_count\":\"")
                            .append(s.weight()).append('"');
                }
            }
            if (s.http() > 0) {
                numbers.append(numbers.isEmpty() ? "" : ",").append("\"http.response.status_code\":").append(s.http());
            }
            out.append(String.format(Locale.ROOT, "{\"ts_bucket_start\":%d,\"resource_fingerprint\":\"service.name=%s\","
                    + "\"timestamp\":\"%s\",\"trace_id\":\"%s\",\"span_id\":\"%s\",\"parent_span_id\":\"%s\","
                    + "\"name\":\"%s\",\"kind\":%d,\"kind_string\":\"%s\",\"duration_nano\":%d,\"status_code\":%d,"
                    + "\"status_code_string\":\"%s\",\"has_error\":%s,\"attributes_string\":{%s},"
                    + "\"attributes_number\":{%s},\"resources_string\":{\"service.name\":\"%s\"}}\n",
                    s.start().getEpochSecond() / 1800 * 1800, s.service(), timestamp(s.start()), s.traceId(),
                    s.spanId(), s.root() ? "" : "00f067aa0ba902b7", s.service().equals("search") ? "GET /search" : "GET /api",
                    s.kind(), new String[] {"Unspecified", "Internal", "Server", "Client"}[s.kind()], s.durationNanos(),
                    s.status(), s.status() == 2 ? "Error" : s.status() == 1 ? "Ok" : "Unset", s.status() == 2,
                    strings, numbers, s.service()));
        }
        return out.toString();
    }

    private static String timestamp(Instant t) {
        return TS.format(t) + String.format(Locale.ROOT, ".%09d", t.getNano());
    }

    private static String hex(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
