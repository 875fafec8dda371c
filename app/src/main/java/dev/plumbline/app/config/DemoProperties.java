package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Demo data. Environment variable: PLUMBLINE_DEMO_SEED.
 *
 * @param seed at start, fill an empty catalog with demo services, objectives and customers
 */
@ConfigurationProperties(DemoProperties.PREFIX)
public record DemoProperties(@Bindable(defaultValue = "false") boolean seed) {

    public static final String PREFIX = "plumbline.demo";
}
