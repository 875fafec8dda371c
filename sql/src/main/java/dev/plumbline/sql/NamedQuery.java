package dev.plumbline.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL statement the product runs, kept as a {@code .sql} resource next to the store that uses it. Values are bound
 * by name and type through ClickHouse's query parameters ({@code {from:DateTime('UTC')}}), which the server parses;
 * the statement text is never built from input. An insert file names its table and columns
 * ({@code INSERT INTO users (username, roles)}); its rows are sent in RowBinary by column name.
 *
 * @param name       the resource path, e.g. {@code dev/plumbline/sql/catalog/list_services.sql}; used in logs and metrics
 * @param sql        the statement
 * @param parameters the statement's parameters, name to ClickHouse type, in order of first use
 */
public record NamedQuery(String name, String sql, Map<String, String> parameters) {

    private static final Set<String> LOADED = ConcurrentHashMap.newKeySet();
    /** {name:Type}: a name as ClickHouse allows it, then a type that may hold parentheses and quotes. */
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*([^{}]+?)\\s*}");
    private static final Pattern INSERT = Pattern.compile(
            "(?is)\\s*INSERT\\s+INTO\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^()]+)\\)\\s*");

    public NamedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A statement whose parameters are read from its text. */
    public NamedQuery(String name, String sql) {
        this(name, sql, parameters(name, sql));
    }

    /**
     * Loads {@code file} from the package of {@code owner}. Fails at class initialisation if it is missing or declares
     * a parameter twice with different types, so such a file never reaches a running server.
     */
    public static NamedQuery load(Class<?> owner, String file) {
        String path = owner.getPackageName().replace('.', '/') + "/" + file;
        try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource not found on the classpath: " + path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.endsWith(";")) {
                text = text.substring(0, text.length() - 1);
            }
            LOADED.add(path);
            return new NamedQuery(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + path, e);
        }
    }

    /** The resource paths loaded so far; lets a test check that every {@code .sql} file is used by some store. */
    public static Set<String> loaded() {
        return Set.copyOf(LOADED);
    }

    /** The short name for logs and metric labels: the file name without folder and extension. */
    public String shortName() {
        int slash = name.lastIndexOf('/');
        String file = slash < 0 ? name : name.substring(slash + 1);
        return file.endsWith(".sql") ? file.substring(0, file.length() - 4) : file;
    }

    /** For an insert file ({@code INSERT INTO table (a, b)} and nothing else): its table; else empty. */
    public java.util.Optional<String> insertTable() {
        Matcher m = INSERT.matcher(withoutComments(sql));
        return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** For an insert file: its columns in order; else empty. */
    public List<String> insertColumns() {
        Matcher m = INSERT.matcher(withoutComments(sql));
        if (!m.matches()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : m.group(2).split(",")) {
            out.add(c.strip());
        }
        return List.copyOf(out);
    }

    private static Map<String, String> parameters(String name, String sql) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(withoutComments(sql));
        while (m.find()) {
            String type = m.group(2).strip();
            String before = out.putIfAbsent(m.group(1), type);
            if (before != null && !before.equals(type)) {
                throw new IllegalStateException(name + ": parameter '" + m.group(1) + "' is declared as " + before
                        + " and as " + type);
            }
        }
        return out;
    }

    /** The text without {@code --} comments (which may mention parameters by way of explanation). */
    static String withoutComments(String sql) {
        return sql.replaceAll("(?m)--.*$", "");
    }
}
