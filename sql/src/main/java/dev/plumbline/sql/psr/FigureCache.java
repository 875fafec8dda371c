package dev.plumbline.sql.psr;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Figures computed once per version of the data they read (psr/data_version.sql: a collection, a roll-up or an import
 * into the months they read changes it) and reused until it changes: everyone opening the same month's pages shares
 * one computation, and a closed month whose data did not change is never computed again, however often this month's
 * data is collected. The months a result reads come from its key ({@link #monthsOf}): every {@link Period} in it
 * with the period before it (most figures compare the two), and every date and instant; a key with none of them
 * reads every month. Identical requests that arrive while one is being
 * computed wait for it rather than computing it again. At most {@code entries} results are kept, the least recently
 * used dropped first; a failure is not kept, nor a result of more than {@link #MAX_ROWS} rows (an export of every
 * slice: computed each time rather than held in memory).
 */
public final class FigureCache {

    private static final NamedQuery VERSION = NamedQuery.load(FigureCache.class, "data_version.sql");
    /** The same over every shard's local database, in a sharded store. */
    private static final NamedQuery SHARDED_VERSION = NamedQuery.load(FigureCache.class, "sharded/data_version.sql");
    /** The most rows a kept result has. */
    public static final int MAX_ROWS = 10_000;

    private final ClickHouse clickHouse;
    private final Map<List<Object>, CompletableFuture<Object>> results;
    private final boolean none;

    public FigureCache(ClickHouse clickHouse, int entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("entries: at least 0, was " + entries);
        }
        this.clickHouse = clickHouse;
        this.none = entries == 0;
        this.results = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, CompletableFuture<Object>> eldest) {
                return size() > entries;
            }
        };
    }

    /** A cache that keeps nothing: every figure is computed when asked for. */
    public static FigureCache none(ClickHouse clickHouse) {
        return new FigureCache(clickHouse, 0);
    }

    /** The current version of every month's data (a hash: only whether it changed means anything). */
    public String version() {
        return version(EVERY_MONTH);
    }

    /** The current version of the data of {@code months} (first and last, 'YYYYMM'), and of the business data. */
    public String version(List<String> months) {
        Params params = Params.of("from_month", months.get(0)).and("to_month", months.get(1));
        dev.plumbline.sql.Sharding sharding = clickHouse.sharding();
        if (sharding.sharded()) {
            return clickHouse.queryOne(SHARDED_VERSION, params.and("cluster", sharding.cluster())
                    .and("local_database", dev.plumbline.sql.Sharding.localDatabase(clickHouse.spec().database())),
                    row -> row.getString("version")).orElse("");
        }
        return clickHouse.queryOne(VERSION, params, row -> row.getString("version")).orElse("");
    }

    private static final List<String> EVERY_MONTH = List.of("000000", "999999");
    private static final java.time.format.DateTimeFormatter MONTH_ID =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMM").withZone(java.time.ZoneOffset.UTC);

    /**
     * The months (first and last, 'YYYYMM' UTC) a result with this key reads: from the earliest to the latest of
     * every {@link Period} in it (from the start of the period before it to its end) and every {@link LocalDate}
     * and {@link Instant}; every month when the key holds none of them.
     */
    static List<String> monthsOf(List<Object> key) {
        Instant first = null;
        Instant last = null;
        for (Object part : key) {
            Instant[] ends = switch (part) {
                case Period p -> new Instant[] {p.previous().from(), p.to().minusNanos(1)};
                case LocalDate d -> new Instant[] {d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                        d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()};
                case Instant i -> new Instant[] {i, i};
                case null, default -> null;
            };
            if (ends != null) {
                first = first == null || ends[0].isBefore(first) ? ends[0] : first;
                last = last == null || ends[1].isAfter(last) ? ends[1] : last;
            }
        }
        return first == null ? EVERY_MONTH : List.of(MONTH_ID.format(first), MONTH_ID.format(last));
    }

    /**
     * The result of {@code compute} for {@code key} (what it is and everything it depends on but the data) at the
     * data's current version: kept from an earlier call, or computed now. Lists come back unmodifiable.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(List<Object> key, Supplier<T> compute) {
        if (none) {
            return compute.get();
        }
        List<Object> k = new ArrayList<>(key);
        k.add(version(monthsOf(key)));
        CompletableFuture<Object> future;
        boolean mine = false;
        synchronized (results) {
            future = results.get(k);
            if (future == null) {
                future = new CompletableFuture<>();
                results.put(k, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                Object value = compute.get();
                if (rows(value) > MAX_ROWS) {
                    synchronized (results) {
                        results.remove(k, future);
                    }
                }
                future.complete(value instanceof List<?> l ? Collections.unmodifiableList(new ArrayList<>(l)) : value);
            } catch (RuntimeException | Error e) {
                synchronized (results) {
                    results.remove(k, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static int rows(Object value) {
        if (value instanceof List<?> l) {
            return l.size();
        }
        if (value instanceof Ranking<?> r) {
            return r.rows().size();
        }
        return 0;
    }

    /** How many results are kept now. */
    public int size() {
        synchronized (results) {
            return results.size();
        }
    }
}
