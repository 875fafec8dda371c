package dev.plumbline.app.api;

import dev.plumbline.app.config.RequestLimitsProperties;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which of the configured body limits ({@link RequestLimitsProperties}) an endpoint takes; without this annotation
 * it is {@link Kind#DEFAULT}. Enforced by {@link RequestBodyLimitFilter}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    Kind value();

    /** The limits, each a key of {@code plumbline.limits}. */
    enum Kind {
        /** {@code max-body-bytes}. */
        DEFAULT,
        /** {@code max-customer-import-bytes}. */
        CUSTOMER_IMPORT,
        /** {@code max-catalog-bytes}. */
        CATALOG
    }
}
