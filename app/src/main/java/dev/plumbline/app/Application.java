package dev.plumbline.app;

import io.micronaut.runtime.Micronaut;

/** Starts Plumbline: REST API, Vaadin dashboards, health and self-metrics on one port. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
