package dev.plumbline.app.metrics;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Prometheus scrape endpoint at {@code /metrics}, in the format the scraper asks for. Open to anonymous scrapers: it
 * holds operational series only (statement names, route templates, JVM), never customer or money data.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class MetricsController {

    private final PrometheusRegistry registry;
    private final ExpositionFormats formats = ExpositionFormats.init();

    public MetricsController(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Get(value = "/metrics", produces = {MediaType.TEXT_PLAIN, "application/openmetrics-text",
        "application/vnd.google.protobuf"})
    public HttpResponse<byte[]> scrape(@Nullable @Header(HttpHeaders.ACCEPT) String accept) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer.write(out, registry.scrape());
        return HttpResponse.ok(out.toByteArray()).header(HttpHeaders.CONTENT_TYPE, writer.getContentType());
    }
}
