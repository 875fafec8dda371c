package dev.plumbline.sql.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The view definitions shipped with this build: {@code dev/plumbline/sql/views/views.txt} lists them in dependency
 * order, each {@code NAME.sql} beside it holds one {@code CREATE OR REPLACE VIEW NAME}. Unlike migrations they are
 * edited in place; {@link Migrator} creates a view again whenever its text changed.
 */
public final class Views {

    public static final String FOLDER = "dev/plumbline/sql/views";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private Views() {
    }

    /** One view: its name, the file's text and the text's checksum. */
    public record View(String name, String sql, String checksum) {

        public String file() {
            return FOLDER + "/" + name + ".sql";
        }
    }

    public static List<View> all() {
        List<View> out = new ArrayList<>();
        int line = 0;
        for (String entry : read("views.txt").split("\n")) {
            line++;
            entry = entry.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (!NAME.matcher(entry).matches()) {
                throw new IllegalStateException("views.txt line " + line + ": '" + entry + "' is not a lower_case name");
            }
            String sql = read(entry + ".sql");
            if (!sql.contains("CREATE OR REPLACE VIEW " + entry + " ")) {
                throw new IllegalStateException(FOLDER + "/" + entry + ".sql: must hold CREATE OR REPLACE VIEW " + entry);
            }
            out.add(new View(entry, sql, Migrations.sha256(sql)));
        }
        return List.copyOf(out);
    }

    private static String read(String file) {
        String path = FOLDER + "/" + file;
        try (InputStream in = Views.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("view resource not found on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
