package dev.plumbline.app.web;

import io.micronaut.context.annotation.Context;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Tomcat logs through java.util.logging; route it to the application's log (Logback) so there is one format. */
@Context
public class JulToSlf4j {

    public JulToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
