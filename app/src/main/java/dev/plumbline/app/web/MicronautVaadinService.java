package dev.plumbline.app.web;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.BeanContext;
import java.net.URL;
import java.util.regex.Pattern;

/**
 * Vaadin's servlet service with two changes: Micronaut constructs views ({@link MicronautInstantiator}), and static
 * files come only from the classpath's {@code META-INF/resources} (as a servlet container serves them from a web
 * application's jars), never from the file system.
 */
final class MicronautVaadinService extends VaadinServletService {

    static final String STATIC_ROOT = "META-INF/resources";
    /** A path that could step outside the static root: dot segments, backslashes, NUL, or anything still encoded. */
    private static final Pattern UNSAFE = Pattern.compile("(^|/)\\.{1,2}(/|$)|\\\\|%|\\x00|//");

    private final transient BeanContext beanContext;

    MicronautVaadinService(VaadinServlet servlet, DeploymentConfiguration configuration, BeanContext beanContext) {
        super(servlet, configuration);
        this.beanContext = beanContext;
    }

    @Override
    protected Instantiator createInstantiator() {
        return new MicronautInstantiator(this, beanContext);
    }

    @Override
    public URL getStaticResource(String path) {
        if (!isSafe(path)) {
            return null;
        }
        return getClassLoader().getResource(STATIC_ROOT + path);
    }

    static boolean isSafe(String path) {
        return path != null && path.startsWith("/") && !UNSAFE.matcher(path).find();
    }
}
