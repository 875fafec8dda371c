package dev.plumbline.app.api;

import dev.plumbline.app.collect.CollectorService;
import dev.plumbline.app.config.RemoteWriteProperties;
import dev.plumbline.collectors.remotewrite.RemoteWriteReceiver;
import dev.plumbline.collectors.remotewrite.WriteRequests;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * Prometheus remote write 1.0 into Plumbline (README, "Remote write"): a Prometheus server (or an OpenTelemetry
 * collector's Prometheus remote-write exporter) pushes its samples with an API token of a role with write-telemetry
 * (the collector role). 204 once the push is stored; 400 for a body that is not a push (Prometheus does not send it
 * again); 503 with Retry-After while the store cannot take it (Prometheus sends it again: nothing is lost).
 */
@Controller("/api/v1/write")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RemoteWriteController {

    private final CollectorService collectors;
    private final RemoteWriteProperties properties;

    public RemoteWriteController(CollectorService collectors, RemoteWriteProperties properties) {
        this.collectors = collectors;
        this.properties = properties;
    }

    /**
     * Stores one push: a snappy-compressed protobuf {@code WriteRequest} ({@code Content-Encoding: snappy},
     * {@code X-Prometheus-Remote-Write-Version: 0.1.0}).
     */
    @Post
    @Consumes("application/x-protobuf")
    @Secured(Permission.WRITE_TELEMETRY)
    public HttpResponse<Void> write(@Body byte[] body, @Nullable @Header("Content-Encoding") String encoding,
                                    @Nullable @Header("X-Prometheus-Remote-Write-Version") String version) {
        RemoteWriteReceiver receiver = collectors.remoteWrite().orElseThrow(() -> RequestRefused.notFound("remote write",
                "remote write is off here: set " + RemoteWriteProperties.PREFIX + ".enabled=true"));
        if (encoding == null || !encoding.strip().equalsIgnoreCase("snappy")) {
            throw RequestRefused.badRequest("Content-Encoding", "must be snappy (Prometheus remote write 1.0), was "
                    + (encoding == null ? "none" : "'" + encoding + "'"));
        }
        if (version != null && !version.strip().startsWith("0.1.")) {
            throw RequestRefused.badRequest("X-Prometheus-Remote-Write-Version", "'" + version
                    + "' is not supported; send remote write 1.0 (0.1.0)");
        }
        try {
            receiver.accept(WriteRequests.decode(body, properties.maxRequestBytes()));
        } catch (WriteRequests.Refused e) {
            throw RequestRefused.badRequest("body", e.getMessage());
        }
        return HttpResponse.noContent();
    }
}
