package dev.plumbline.app.web;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder for embedded Tomcat: its work files ({@code catalina.base}, else Tomcat writes
 * {@code tomcat.PORT} folders into the working directory) and an empty web root. Created before the server, removed
 * at shutdown.
 */
@Context
public class TomcatBaseDirectory {

    private final Path base;

    public TomcatBaseDirectory() {
        try {
            base = Files.createTempDirectory("plumbline-tomcat-");
            Files.createDirectories(emptyWebRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Tomcat's temporary folder", e);
        }
        if (System.getProperty("catalina.base") == null) {
            System.setProperty("catalina.base", base.toString());
        }
    }

    /**
     * The document root given to Tomcat. It stays empty: static files are served only from the classpath's
     * {@code META-INF/resources} (see {@link MicronautVaadinService#getStaticResource}), never from the file system.
     */
    public Path emptyWebRoot() {
        return base.resolve("webroot");
    }

    @PreDestroy
    void delete() {
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover folder in /tmp is harmless
        }
    }
}
