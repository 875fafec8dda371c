package dev.plumbline.app.web;

import dev.plumbline.app.api.ApiError;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error pages, for what Tomcat answers before any servlet (a malformed request line, an encoded slash in
 * a path, an unknown path outside /api): never naming the server or its version, and for /api paths the API's JSON
 * error body instead of an HTML page.
 */
public final class ApiErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    public ApiErrorReportValve(JsonMapper json) {
        this.json = json;
        setShowServerInfo(false);
        setShowReport(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
        if (path == null || !(path.equals("/api") || path.startsWith("/api/"))) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = HttpStatus.valueOf(status).getReason();
        String message = response.getMessage() == null || response.getMessage().isBlank() || status >= 500 ? reason
                : response.getMessage();
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(json.writeValueAsBytes(new ApiError(status, reason, message, request.getRequestURI(), List.of(), null)));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response cannot take a body any more: the status stands
        }
    }
}
