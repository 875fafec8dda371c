package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Demo data. Environment variables: PLUMBLINE_DEMO_SEED, PLUMBLINE_DEMO_PASSWORD.
 *
 * @param seed     at start, fill an empty catalog with demo services, objectives and customers, and create one demo
 *                 user per role (exec, pm, engineer, admin) when no user exists
 * @param password the demo users' password
 */
@ConfigurationProperties(DemoProperties.PREFIX)
public record DemoProperties(@Bindable(defaultValue = "false") boolean seed,
                             @Bindable(defaultValue = "plumbline-demo") String password) {

    public static final String PREFIX = "plumbline.demo";

    @Override
    public String toString() {
        return "DemoProperties[seed=" + seed + "]";
    }
}
