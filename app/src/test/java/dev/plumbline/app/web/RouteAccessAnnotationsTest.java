package dev.plumbline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every page says who may open it; only the sign-in page is open to anonymous visitors. (Vaadin denies an
 * unannotated view; this test makes the omission visible before a user meets it.)
 */
class RouteAccessAnnotationsTest {

    @Test
    void every_route_is_annotated_and_only_the_sign_in_page_is_anonymous() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("plumbline.schema.migrate-on-start", false))) {
            List<Class<?>> routes = context.getBeanDefinitions(Qualifiers.byStereotype(Route.class)).stream()
                    .<Class<?>>map(BeanDefinition::getBeanType).toList();

            assertThat(routes).hasSizeGreaterThanOrEqualTo(5);
            for (Class<?> route : routes) {
                assertThat(route.isAnnotationPresent(RolesAllowed.class) || route.isAnnotationPresent(PermitAll.class)
                        || route.isAnnotationPresent(AnonymousAllowed.class) || route.isAnnotationPresent(DenyAll.class))
                        .as(route.getName() + " has an access annotation").isTrue();
            }
            assertThat(routes.stream().filter(r -> r.isAnnotationPresent(AnonymousAllowed.class)).map(Class::getSimpleName))
                    .containsExactly("SignInView");
        }
    }
}
