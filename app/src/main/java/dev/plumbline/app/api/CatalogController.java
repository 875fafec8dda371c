package dev.plumbline.app.api;

import dev.plumbline.collectors.catalog.CatalogFolder;
import dev.plumbline.collectors.catalog.CatalogImporter;
import dev.plumbline.collectors.catalog.OpenSloReader;
import dev.plumbline.collectors.imports.TextInput;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The service catalog as OpenSLO v1 YAML: export it, import it (all or nothing; a refused import answers 422 naming
 * file and YAML path of every problem), and see the state of the watched catalog folder.
 */
@Controller("/api/v1/catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CatalogController {

    private final CatalogImporter importer;
    private final Optional<CatalogFolder> folder;

    public CatalogController(CatalogImporter importer, Optional<CatalogFolder> folder) {
        this.importer = importer;
        this.folder = folder;
    }

    /** The whole catalog as OpenSLO v1 YAML (Service and SLO documents). */
    @Get(value = "/openslo", produces = "application/yaml")
    @Secured(Permission.VIEW_SERVICES)
    public HttpResponse<byte[]> exportOpenSlo() {
        return HttpResponse.ok(importer.export().getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.of("application/yaml"));
    }

    /**
     * Imports OpenSLO v1 YAML. The services in it are replaced with their objectives; with replace=true, services
     * not in it are deleted too. At most plumbline.limits.max-catalog-bytes (4 MiB).
     */
    @Post(value = "/openslo")
    @BodyLimit(BodyLimit.Kind.CATALOG)
    @Consumes({"application/yaml", "text/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    @Secured(Permission.IMPORT)
    public Imported importOpenSlo(@Body byte[] yaml, @QueryValue(defaultValue = "false") boolean replace,
                                  @Nullable @QueryValue String file, Authentication authentication) {
        String name = file == null || file.isBlank() ? "request body" : file;
        CatalogImporter.Outcome o = importer.importCatalog(List.of(new OpenSloReader.Source(name,
                TextInput.decode(yaml))), replace, authentication.getName());
        return new Imported(o.services(), o.objectives(), o.servicesDeleted(), o.objectivesDeleted(), o.policiesSaved(),
                o.alertPolicies().stream().map(p -> new ImportedPolicy(p.service(), p.objective(),
                        AlertPolicyJson.of(p.policy()))).toList());
    }

    /**
     * What an import did.
     *
     * @param alertPolicies the alert policies its SLOs give objectives (AlertPolicy and AlertCondition documents),
     *                      read and checked
     * @param policiesSaved how many of them were saved as a new version of their objective's alert policy (the others
     *                      equal the current one)
     */
    @Serdeable
    public record Imported(int services, int objectives, int servicesDeleted, int objectivesDeleted,
                           int policiesSaved, List<ImportedPolicy> alertPolicies) {
    }

    /** An objective's alert policy as the catalog gives it. */
    @Serdeable
    public record ImportedPolicy(String service, String objective, AlertPolicyJson policy) {
    }

    /** The watched catalog folder: when it was last checked and loaded, its files and problems. */
    @Get("/folder")
    @Secured(Permission.VIEW_SERVICES)
    public FolderStatus catalogFolder() {
        return folder.map(f -> {
            var s = f.status();
            return new FolderStatus(true, s.folder().toString(), s.checkedAt(), s.loadedAt(), s.files(),
                    s.problems().stream().map(ImportProblems.CatalogIssue::of).toList());
        }).orElse(new FolderStatus(false, null, null, null, List.of(), List.of()));
    }

    /**
     * @param enabled false when no folder is configured (plumbline.catalog.folder)
     */
    @Serdeable
    public record FolderStatus(boolean enabled, @Nullable String folder, @Nullable Instant checkedAt,
                               @Nullable Instant loadedAt, List<String> files,
                               List<ImportProblems.CatalogIssue> problems) {
    }
}
