package dev.plumbline.app.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.servlet.engine.initializer.MicronautServletInitializer;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Micronaut's servlet serves {@code /api/*} (configured as {@code micronaut.servlet.mapping}) and, added here, the
 * conventional operational paths {@code /health} and {@code /metrics}, and {@code /oauth/*} for OIDC sign-in. Everything else goes to Vaadin at {@code /*}.
 */
@Singleton
public class MicronautServletMappings implements BeanCreatedEventListener<MicronautServletInitializer> {

    static final List<String> OPERATIONAL = List.of("/health", "/health/*", "/metrics", "/oauth/*");

    @Override
    public MicronautServletInitializer onCreated(BeanCreatedEvent<MicronautServletInitializer> event) {
        OPERATIONAL.forEach(event.getBean()::addMicronautServletMapping);
        return event.getBean();
    }
}
