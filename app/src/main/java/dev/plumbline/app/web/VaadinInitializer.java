package dev.plumbline.app.web;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Starts Vaadin inside Micronaut's embedded Tomcat. A servlet container would find Vaadin's initializers and the
 * classes they handle by scanning a web application; embedded Tomcat does not scan, so this runs them with the
 * classes Micronaut knows as beans (views: {@code @Route} + {@code @Prototype}), then registers the Vaadin servlet at
 * {@code /*}. Micronaut Servlet adds every {@link ServletContainerInitializer} bean to its Tomcat context.
 */
@Singleton
public class VaadinInitializer implements ServletContainerInitializer {

    private final BeanContext beanContext;

    public VaadinInitializer(BeanContext beanContext) {
        this.beanContext = beanContext;
    }

    @Override
    public void onStartup(Set<Class<?>> ignored, ServletContext context) throws ServletException {
        new LookupServletContainerInitializer().onStartup(Set.of(LookupInitializer.class), context);
        new RouteRegistryInitializer().onStartup(annotated(Route.class, RouteAlias.class, Layout.class), context);
        new ErrorNavigationTargetInitializer().onStartup(subtypes(HasErrorParameter.class), context);
        new VaadinAppShellInitializer().onStartup(subtypes(AppShellConfigurator.class), context);

        ServletRegistration.Dynamic vaadin = context.addServlet("vaadin", new MicronautVaadinServlet(beanContext));
        vaadin.addMapping("/*");
        vaadin.setAsyncSupported(true);
        vaadin.setLoadOnStartup(1);
        // The pre-compiled production bundle is always used: no Node.js at run time, no dev server.
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_PRODUCTION_MODE, "true");
        // Render the first view on the first request: one round trip less, and an unknown path answers 404, not a
        // 200 bootstrap page that only later says "not found".
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_INITIAL_UIDL, "true");
    }

    @SafeVarargs
    private Set<Class<?>> annotated(Class<? extends java.lang.annotation.Annotation>... annotations) {
        Set<Class<?>> classes = new HashSet<>();
        for (var annotation : annotations) {
            beanContext.getBeanDefinitions(Qualifiers.byStereotype(annotation)).stream()
                    .map(BeanDefinition::getBeanType).forEach(classes::add);
        }
        return classes;
    }

    private Set<Class<?>> subtypes(Class<?> type) {
        return beanContext.getBeanDefinitions(type).stream()
                .map(BeanDefinition::getBeanType).collect(Collectors.toSet());
    }
}
