package dev.plumbline.app.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Adjusts the Tomcat that Micronaut Servlet builds, before it starts:
 * <ul>
 *   <li>its document root is an empty folder, not {@code /} (Micronaut Servlet's default, through which Vaadin's
 *       static file server would serve any file on the machine);</li>
 *   <li>Tomcat's default MIME types (without them JavaScript modules get no Content-Type and pages stay blank);</li>
 *   <li>Tomcat's WebSocket support, for Vaadin push.</li>
 * </ul>
 */
@Singleton
public class TomcatCustomizer implements BeanCreatedEventListener<Tomcat> {

    private final TomcatBaseDirectory directory;

    public TomcatCustomizer(TomcatBaseDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Tomcat onCreated(BeanCreatedEvent<Tomcat> event) {
        Tomcat tomcat = event.getBean();
        for (Container child : tomcat.getHost().findChildren()) {
            if (child instanceof Context context) {
                context.setDocBase(directory.emptyWebRoot().toString());
                Tomcat.addDefaultMimeTypeMappings(context);
                context.addServletContainerInitializer(new WsSci(), null);
            }
        }
        return tomcat;
    }
}
