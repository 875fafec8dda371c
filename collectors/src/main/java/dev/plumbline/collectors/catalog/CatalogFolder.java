package dev.plumbline.collectors.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of OpenSLO files kept as the catalog (GitOps): {@link #poll()} re-reads it when a {@code .yaml} or
 * {@code .yml} file was added, changed or removed, and replaces the catalog with its contents. An invalid folder
 * changes nothing and is reported; the previous catalog stays.
 */
public final class CatalogFolder {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFolder.class);

    private final Path folder;
    private final CatalogImporter importer;
    private final Clock clock;
    private String fingerprint = "";
    private volatile Status status;

    /** The last load: when, which files, and its problems (empty when it was written). */
    public record Status(Path folder, Instant checkedAt, Instant loadedAt, List<String> files,
                         List<CatalogProblem> problems) {
    }

    public CatalogFolder(Path folder, CatalogImporter importer, Clock clock) {
        this.folder = folder;
        this.importer = importer;
        this.clock = clock;
        this.status = new Status(folder, null, null, List.of(), List.of());
    }

    /** Reads the folder if it changed since the last call; returns true when the catalog was written. */
    public synchronized boolean poll() {
        Instant now = clock.instant();
        List<Path> files;
        String current;
        try {
            files = files();
            StringBuilder sb = new StringBuilder();
            for (Path f : files) {
                sb.append(f).append(':').append(Files.getLastModifiedTime(f).toMillis()).append(':').append(Files.size(f)).append('\n');
            }
            current = sb.toString();
        } catch (IOException e) {
            status = new Status(folder, now, status.loadedAt(), status.files(),
                    List.of(new CatalogProblem(folder.toString(), "", "cannot be read: " + e.getMessage())));
            LOG.error("catalog folder {} cannot be read: {}", folder, e.getMessage());
            return false;
        }
        if (current.equals(fingerprint)) {
            status = new Status(folder, now, status.loadedAt(), status.files(), status.problems());
            return false;
        }
        fingerprint = current;
        List<String> names = files.stream().map(f -> folder.relativize(f).toString()).toList();
        try {
            List<OpenSloReader.Source> sources = new ArrayList<>();
            for (Path f : files) {
                sources.add(new OpenSloReader.Source(folder.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
            importer.importCatalog(sources, true, "catalog folder " + folder);
            status = new Status(folder, now, now, names, List.of());
            return true;
        } catch (CatalogRejected e) {
            status = new Status(folder, now, status.loadedAt(), names, e.problems());
            LOG.error("catalog folder {} not loaded, the catalog is unchanged: {}", folder, e.getMessage());
            return false;
        } catch (IOException e) {
            status = new Status(folder, now, status.loadedAt(), names,
                    List.of(new CatalogProblem(folder.toString(), "", "cannot be read: " + e.getMessage())));
            LOG.error("catalog folder {} cannot be read: {}", folder, e.getMessage());
            return false;
        }
    }

    public Status status() {
        return status;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(folder, 4)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
        }
    }
}
