package dev.plumbline.sql;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ClientFaultCause;
import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Runs named statements against one ClickHouse database through its HTTP interface (ClickHouse's Java client v2).
 * The only class that talks to the server; the stores describe what to run and how to map rows, this class binds
 * the named parameters (parsed by the server as their declared types), runs it, times it and wraps failures in
 * {@link StoreException}.
 */
public final class ClickHouse implements AutoCloseable {

    private final Client client;
    private final ConnectionSpec spec;
    private final QueryListener listener;
    private final Admission admission;
    private final Sharding sharding;
    private final Map<String, TableSchema> insertSchemas = new ConcurrentHashMap<>();

    private ClickHouse(Client client, ConnectionSpec spec, Admission admission, QueryListener listener,
                       Sharding sharding) {
        this.client = client;
        this.spec = spec;
        this.admission = admission;
        this.listener = listener;
        this.sharding = sharding;
    }

    /**
     * A client of {@code spec}'s database, which must exist (see {@link #createDatabase}); at most
     * {@code maxConnections} HTTP connections at once. Nothing is contacted until the first statement.
     */
    public static ClickHouse connect(ConnectionSpec spec, int maxConnections, QueryListener listener) {
        return connect(spec, Admission.pool(maxConnections), listener);
    }

    /**
     * A client of {@code spec}'s database with {@code admission} in front of it: as many HTTP connections as it lets
     * statements run at once, and a bounded queue for the rest.
     */
    public static ClickHouse connect(ConnectionSpec spec, Admission admission, QueryListener listener) {
        return connect(spec, admission, listener, Sharding.NONE);
    }

    /**
     * A client of a sharded store's {@code Distributed} tables (or of one node, with {@link Sharding#NONE}): every
     * statement runs with {@link Sharding#sessionSettings()}.
     */
    public static ClickHouse connect(ConnectionSpec spec, Admission admission, QueryListener listener, Sharding sharding) {
        return new ClickHouse(client(spec, spec.database(), admission.connections(), sharding.sessionSettings()), spec,
                admission, listener, sharding);
    }

    /** How the store this client reads is laid out ({@link Sharding#NONE}: one node). */
    public Sharding sharding() {
        return sharding;
    }

    /** The admission control in front of this store: its running and waiting statements now. */
    public Admission admission() {
        return admission;
    }

    private static Client client(ConnectionSpec spec, String database, int maxConnections) {
        return client(spec, database, maxConnections, Map.of());
    }

    private static Client client(ConnectionSpec spec, String database, int maxConnections, Map<String, String> settings) {
        Client.Builder builder = new Client.Builder();
        settings.forEach(builder::serverSetting);
        return builder.addEndpoint(spec.httpUrl()).setUsername(spec.user()).setPassword(spec.password())
                .setDefaultDatabase(database).setMaxConnections(maxConnections)
                .setConnectTimeout(5, ChronoUnit.SECONDS).setConnectionRequestTimeout(10, ChronoUnit.SECONDS)
                .setSocketTimeout(300, ChronoUnit.SECONDS)
                // once, when a kept-alive connection turns out to be closed (the server restarted): every statement the
                // stores run is safe to send twice (reads, recomputed roll-ups, inserts into replacing tables); other
                // failures are for the callers to retry (collectors, spool)
                .retryOnFailures(ClientFaultCause.NoHttpResponse)
                .build();
    }

    /**
     * Creates {@code spec}'s database when it is missing, through the server's default database.
     *
     * @param onCluster {@code ""} on a single node, else {@code ON CLUSTER name}
     */
    public static void createDatabase(ConnectionSpec spec, String onCluster) {
        String name = "create_database";
        try (Client c = client(spec, "default", 1)) {
            c.execute("CREATE DATABASE IF NOT EXISTS " + spec.database() + " " + onCluster).get().close();
        } catch (Exception e) {
            throw StoreException.of(name + " (" + spec.database() + " at " + spec.httpUrl() + ")", unwrap(e));
        }
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(NamedQuery query, Params params, RowMapper<T> mapper) {
        Map<String, Object> bound = serverParameters(query, params);
        long start = System.nanoTime();
        List<GenericRecord> records;
        try (Admission.Turn turn = admission.enter(query.shortName())) {
            records = client.queryAll(query.sql(), bound);
        } catch (RuntimeException e) {
            throw fail(query.shortName(), start, e);
        }
        List<T> rows = new ArrayList<>(records.size());
        for (GenericRecord r : records) {
            rows.add(mapper.map(new Row(r)));
        }
        listener.onQuery(query.shortName(), since(start), rows.size(), null);
        return rows;
    }

    /** A query without parameters. */
    public <T> List<T> query(NamedQuery query, RowMapper<T> mapper) {
        return query(query, Params.NONE, mapper);
    }

    /** Runs a query that returns at most one row. */
    public <T> Optional<T> queryOne(NamedQuery query, Params params, RowMapper<T> mapper) {
        List<T> rows = query(query, params, mapper);
        if (rows.size() > 1) {
            throw new StoreException(query.shortName(), -1, false,
                    "query " + query.shortName() + " returned " + rows.size() + " rows where at most one was expected", null);
        }
        return rows.stream().findFirst();
    }

    /** A query without parameters that returns at most one row. */
    public <T> Optional<T> queryOne(NamedQuery query, RowMapper<T> mapper) {
        return queryOne(query, Params.NONE, mapper);
    }

    /** A statement without parameters that returns no rows. */
    public void execute(NamedQuery query) {
        execute(query, Params.NONE);
    }

    /** Runs a statement that returns no rows (DDL, INSERT ... SELECT, an ALTER). */
    public void execute(NamedQuery query, Params params) {
        Map<String, Object> bound = serverParameters(query, params);
        long start = System.nanoTime();
        try (Admission.Turn turn = admission.enter(query.shortName())) {
            client.execute(query.sql(), bound).get().close();
        } catch (Exception e) {
            throw fail(query.shortName(), start, unwrap(e));
        }
        listener.onQuery(query.shortName(), since(start), 0, null);
    }

    /**
     * Runs a statement that is not a named resource: only the schema migrations and definitions do, with text
     * rendered from their own files. Never pass text built from input.
     */
    public void executeScript(String name, String sql) {
        long start = System.nanoTime();
        try (Admission.Turn turn = admission.enter(name)) {
            client.execute(sql).get().close();
        } catch (Exception e) {
            throw fail(name, start, unwrap(e));
        }
        listener.onQuery(name, since(start), 0, null);
    }

    /**
     * Inserts {@code rows} as one batch (one request, one block) through an insert file ({@code INSERT INTO t (a, b)}):
     * each row's columns are set by name and sent in RowBinary, typed by the table's own schema.
     */
    public <T> int insert(NamedQuery query, Collection<T> rows, RowBinder<T> binder) {
        if (rows.isEmpty()) {
            return 0;
        }
        String table = query.insertTable().orElseThrow(() -> new IllegalArgumentException(query.name()
                + ": an insert file is 'INSERT INTO table (column, ...)' and nothing else"));
        List<String> columns = query.insertColumns();
        Set<String> known = Set.copyOf(columns);
        long start = System.nanoTime();
        try (Admission.Turn turn = admission.enter(query.shortName())) {
            TableSchema schema = insertSchemas.computeIfAbsent(query.name(),
                    n -> client.getTableSchemaFromQuery("SELECT " + String.join(", ", columns) + " FROM " + table));
            client.insert(table, columns, out -> {
                RowBinaryFormatWriter writer = new RowBinaryFormatWriter(out, schema, ClickHouseFormat.RowBinary);
                for (T row : rows) {
                    binder.bind(row, (column, value) -> {
                        if (!known.contains(column)) {
                            throw new IllegalArgumentException(query.name() + ": no column '" + column + "' in " + columns);
                        }
                        writer.setValue(column, value);
                    });
                    writer.commitRow();
                }
            }, ClickHouseFormat.RowBinary, new InsertSettings()).get().close();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw fail(query.shortName(), start, unwrap(e));
        }
        listener.onQuery(query.shortName(), since(start), rows.size(), null);
        return rows.size();
    }

    /**
     * Inserts a body already encoded in ClickHouse's RowBinary format through the HTTP interface: the fastest path
     * (no per-value driver work, one request, one block). {@code query} is an {@code INSERT ... FORMAT RowBinary}
     * statement without parameters. Failures become a {@link StoreException}: retryable when the server could not be
     * reached or answered with a passing condition.
     */
    public void insertRowBinary(NamedQuery query, byte[] body, int rows) {
        long start = System.nanoTime();
        StringBuilder settings = new StringBuilder();
        sharding.sessionSettings().forEach((name, value) -> settings.append('&').append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        java.net.URI uri = java.net.URI.create(spec.httpUrl() + "/?database="
                + java.net.URLEncoder.encode(spec.database(), java.nio.charset.StandardCharsets.UTF_8) + settings
                + "&query=" + java.net.URLEncoder.encode(query.sql(), java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60)).header("X-ClickHouse-User", spec.user())
                .header("X-ClickHouse-Key", spec.password())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        StoreException failure = null;
        try (Admission.Turn turn = admission.enter(query.shortName())) {
            var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failure = StoreException.ofHttp(query.shortName(), response.statusCode(), response.body());
            }
        } catch (java.io.IOException e) {
            failure = new StoreException(query.shortName(), -1, true, "query " + query.shortName()
                    + " failed: ClickHouse unreachable at " + spec.httpUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new StoreException(query.shortName(), -1, true, "query " + query.shortName() + " interrupted", e);
        } catch (StoreException e) {
            failure = e;
        }
        listener.onQuery(query.shortName(), since(start), failure == null ? rows : 0, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * True when the server answers a trivial query within 5 seconds. It goes around the admission control and the
     * pool (a connection of its own), so readiness says whether the store answers, not whether it is busy.
     */
    public boolean ping() {
        java.net.URI uri = java.net.URI.create(spec.httpUrl() + "/?database="
                + java.net.URLEncoder.encode(spec.database(), java.nio.charset.StandardCharsets.UTF_8)
                + "&query=SELECT%201");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("X-ClickHouse-User", spec.user()).header("X-ClickHouse-Key", spec.password()).GET().build();
        try {
            var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().strip().equals("1");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * The parameters as the server reads them (name to text of the declared type); exactly those the statement
     * declares, or an error naming the rest.
     */
    public static Map<String, Object> serverParameters(NamedQuery query, Params params) {
        Map<String, String> declared = query.parameters();
        Set<String> missing = new TreeSet<>(declared.keySet());
        missing.removeAll(params.values().keySet());
        Set<String> extra = new TreeSet<>(params.values().keySet());
        extra.removeAll(declared.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException(query.name() + ": parameters "
                    + (missing.isEmpty() ? "" : "missing " + missing) + (missing.isEmpty() || extra.isEmpty() ? "" : ", ")
                    + (extra.isEmpty() ? "" : "not declared " + extra));
        }
        Map<String, Object> out = new HashMap<>();
        params.values().forEach((name, value) -> out.put(name, QueryParameters.format(name, declared.get(name), value)));
        return out;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return t;
    }

    private StoreException fail(String name, long start, Throwable e) {
        StoreException failure = StoreException.of(name, e);
        listener.onQuery(name, since(start), 0, failure);
        return failure;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
