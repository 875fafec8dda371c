package dev.plumbline.sql.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migrations shipped with this build, read from the classpath: {@code migrations.txt} in this package lists them
 * in order ({@code 0001_telemetry_minute}, ...), and each has an {@code .up.sql} and a {@code .down.sql} file beside it.
 * A test checks that the list and the folder agree.
 */
public final class Migrations {

    static final String FOLDER = Migrations.class.getPackageName().replace('.', '/');
    static final String INDEX = "migrations.txt";
    private static final Pattern ID = Pattern.compile("(\\d{4})_([a-z0-9_]+)");

    private Migrations() {
    }

    public static List<Migration> all() {
        List<Migration> out = new ArrayList<>();
        int line = 0;
        for (String entry : read(INDEX).split("\n")) {
            line++;
            entry = entry.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Matcher m = ID.matcher(entry);
            if (!m.matches()) {
                throw new IllegalStateException(INDEX + " line " + line + ": '" + entry
                        + "' is not NNNN_lower_case_name");
            }
            int version = Integer.parseInt(m.group(1));
            if (!out.isEmpty() && version <= out.getLast().version()) {
                throw new IllegalStateException(INDEX + " line " + line + ": version " + version
                        + " does not follow " + out.getLast().version());
            }
            String up = read(entry + ".up.sql");
            out.add(new Migration(version, m.group(2), up, read(entry + ".down.sql"), sha256(up)));
        }
        return List.copyOf(out);
    }

    private static String read(String file) {
        String path = FOLDER + "/" + file;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration resource not found on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
