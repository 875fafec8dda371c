package dev.plumbline.app.web;

import dev.plumbline.app.security.SecurityProperties;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Adjusts the Tomcat that Micronaut Servlet builds, before it starts:
 * <ul>
 *   <li>its document root is an empty folder, not {@code /} (Micronaut Servlet's default, through which Vaadin's
 *       static file server would serve any file on the machine);</li>
 *   <li>Tomcat's default MIME types (without them JavaScript modules get no Content-Type and pages stay blank);</li>
 *   <li>Tomcat's WebSocket support, for Vaadin push;</li>
 *   <li>the session cookie and timeout, and X-Forwarded-Proto from a proxy;</li>
 *   <li>its error pages ({@link ApiErrorReportValve}): no server name or version, JSON under /api.</li>
 * </ul>
 */
@Singleton
public class TomcatCustomizer implements BeanCreatedEventListener<Tomcat> {

    private final TomcatBaseDirectory directory;
    private final SecurityProperties security;

    private final JsonMapper json;

    public TomcatCustomizer(TomcatBaseDirectory directory, SecurityProperties security, JsonMapper json) {
        this.directory = directory;
        this.security = security;
        this.json = json;
    }

    @Override
    public Tomcat onCreated(BeanCreatedEvent<Tomcat> event) {
        Tomcat tomcat = event.getBean();
        // The host adds an error report valve of this class only when its pipeline has none: this one.
        if (tomcat.getHost() instanceof StandardHost host) {
            host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
        }
        tomcat.getHost().getPipeline().addValve(new ApiErrorReportValve(json));
        for (Container child : tomcat.getHost().findChildren()) {
            if (child instanceof Context context) {
                context.setDocBase(directory.emptyWebRoot().toString());
                Tomcat.addDefaultMimeTypeMappings(context);
                context.addServletContainerInitializer(new WsSci(), null);
                // The session holds the sign-in for the dashboards and the API: HttpOnly, SameSite=Lax, Secure over
                // TLS (Tomcat marks it Secure when the request is; RemoteIpValve honours X-Forwarded-Proto from a
                // proxy on a private address), and an idle timeout.
                Rfc6265CookieProcessor cookies = new Rfc6265CookieProcessor();
                cookies.setSameSiteCookies("lax");
                context.setCookieProcessor(cookies);
                context.setUseHttpOnly(true);
                context.setSessionTimeout((int) Math.max(1, security.sessionTimeout().toMinutes()));
                RemoteIpValve forwarded = new RemoteIpValve();
                forwarded.setProtocolHeader("X-Forwarded-Proto");
                context.getPipeline().addValve(forwarded);
            }
        }
        return tomcat;
    }
}
