package dev.plumbline.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs named statements against one ClickHouse database. The only class that holds JDBC connections; the stores
 * describe what to run and how to map rows, this class runs it, times it and wraps failures in {@link StoreException}.
 */
public final class ClickHouse implements AutoCloseable {

    private final DataSource dataSource;
    private final ConnectionSpec spec;
    private final QueryListener listener;

    private ClickHouse(DataSource dataSource, ConnectionSpec spec, QueryListener listener) {
        this.dataSource = dataSource;
        this.spec = spec;
        this.listener = listener;
    }

    /** Opens a connection pool to {@code spec}'s database, which must exist (see {@link #createDatabase}). */
    public static ClickHouse connect(ConnectionSpec spec, int poolSize, QueryListener listener) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("clickhouse-" + spec.database());
        config.setJdbcUrl(spec.jdbcUrl(spec.database()));
        config.setUsername(spec.user());
        config.setPassword(spec.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        // Do not fail construction when the server is down: the application reports it through health instead.
        config.setInitializationFailTimeout(-1);
        return new ClickHouse(new HikariDataSource(config), spec, listener);
    }

    /**
     * Creates {@code spec}'s database when it is missing, through the server's default database.
     *
     * @param onCluster {@code ""} on a single node, else {@code ON CLUSTER name}
     */
    public static void createDatabase(ConnectionSpec spec, String onCluster) {
        String name = "create_database";
        String sql = "CREATE DATABASE IF NOT EXISTS " + spec.database() + " " + onCluster;
        try (Connection c = java.sql.DriverManager.getConnection(spec.jdbcUrl(null), spec.user(), spec.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw StoreException.of(name + " (" + spec.database() + " at " + spec.httpUrl() + ")", e);
        }
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(NamedQuery query, RowMapper<T> mapper, Object... params) {
        long start = System.nanoTime();
        List<T> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query.sql())) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
        } catch (SQLException e) {
            throw fail(query.shortName(), start, e);
        }
        listener.onQuery(query.shortName(), since(start), rows.size(), null);
        return rows;
    }

    /** Runs a query that returns at most one row. */
    public <T> Optional<T> queryOne(NamedQuery query, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(query, mapper, params);
        if (rows.size() > 1) {
            throw new StoreException(query.shortName(), -1, false,
                    "query " + query.shortName() + " returned " + rows.size() + " rows where at most one was expected", null);
        }
        return rows.stream().findFirst();
    }

    /** Runs a statement that returns no rows (DDL, a single insert, an ALTER). */
    public void execute(NamedQuery query, Object... params) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query.sql())) {
            bind(s, params);
            s.execute();
        } catch (SQLException e) {
            throw fail(query.shortName(), start, e);
        }
        listener.onQuery(query.shortName(), since(start), 0, null);
    }

    /**
     * Runs a statement that is not a named resource: only the schema migrations do, with text rendered from their
     * own files. Never pass text built from input.
     */
    public void executeScript(String name, String sql) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw fail(name, start, e);
        }
        listener.onQuery(name, since(start), 0, null);
    }

    /** Inserts {@code rows} as one batch: one INSERT statement, so ClickHouse writes them as one block. */
    public <T> int insert(NamedQuery query, Collection<T> rows, RowBinder<T> binder) {
        if (rows.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query.sql())) {
            for (T row : rows) {
                binder.bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw fail(query.shortName(), start, e);
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
        java.net.URI uri = java.net.URI.create(spec.httpUrl() + "/?database="
                + java.net.URLEncoder.encode(spec.database(), java.nio.charset.StandardCharsets.UTF_8) + "&query="
                + java.net.URLEncoder.encode(query.sql(), java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60)).header("X-ClickHouse-User", spec.user())
                .header("X-ClickHouse-Key", spec.password())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        StoreException failure = null;
        try {
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
        }
        listener.onQuery(query.shortName(), since(start), failure == null ? rows : 0, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** True when the server answers a trivial query within the pool's timeout. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the ClickHouse pool failed", e);
            }
        }
    }

    private static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    private StoreException fail(String name, long start, SQLException e) {
        StoreException failure = StoreException.of(name, e);
        listener.onQuery(name, since(start), 0, failure);
        return failure;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
