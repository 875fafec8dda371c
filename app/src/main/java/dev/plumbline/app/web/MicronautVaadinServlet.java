package dev.plumbline.app.web;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.BeanContext;

/** Vaadin's servlet, running {@link MicronautVaadinService}. */
final class MicronautVaadinServlet extends VaadinServlet {

    private final transient BeanContext beanContext;

    MicronautVaadinServlet(BeanContext beanContext) {
        this.beanContext = beanContext;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        MicronautVaadinService service = new MicronautVaadinService(this, configuration, beanContext);
        service.init();
        return service;
    }
}
