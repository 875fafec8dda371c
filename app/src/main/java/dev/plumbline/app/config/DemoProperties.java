package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Demo data. Environment variables: PLUMBLINE_DEMO_SEED, PLUMBLINE_DEMO_PASSWORD.
 *
 * @param seed     at start, fill an empty catalog with demo services, objectives and customers, and create one demo
 *                 user per role (exec, pm, engineer, admin) when no user exists
 * @param password the demo users' password
 * @param platformPort with a port, the demo platform runs inside the app on 127.0.0.1:port (its /metrics for a
 *                     Prometheus to scrape) and about two months of its history are written into the hourly
 *                     roll-up once (PLUMBLINE_DEMO_PLATFORM_PORT; bin/plumbline demo sets it)
 */
@ConfigurationProperties(DemoProperties.PREFIX)
public record DemoProperties(@Bindable(defaultValue = "false") boolean seed,
                             @Bindable(defaultValue = "plumbline-demo") String password,
                             @io.micronaut.core.annotation.Nullable Integer platformPort) {

    public static final String PREFIX = "plumbline.demo";

    @Override
    public String toString() {
        return "DemoProperties[seed=" + seed + ", platformPort=" + platformPort + "]";
    }
}
