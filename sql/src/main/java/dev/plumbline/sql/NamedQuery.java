package dev.plumbline.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SQL statement the product runs, kept as a {@code .sql} resource next to the store that uses it. Values are bound
 * through {@code ?} placeholders only; the statement text is never built from input.
 *
 * @param name the resource path, e.g. {@code dev/plumbline/sql/catalog/list_services.sql}; used in logs and metrics
 * @param sql  the statement
 */
public record NamedQuery(String name, String sql) {

    private static final Set<String> LOADED = ConcurrentHashMap.newKeySet();

    public NamedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
    }

    /**
     * Loads {@code file} from the package of {@code owner}. Fails at class initialisation if it is missing, so a typo
     * in a file name never reaches a running server.
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
}
