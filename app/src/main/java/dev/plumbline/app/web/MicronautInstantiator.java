package dev.plumbline.app.web;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.BeanContext;
import java.util.stream.Stream;

/**
 * Lets Micronaut construct what Vaadin asks for when Micronaut knows the class (views and layouts are
 * {@code @Prototype} beans, so they get their stores injected); anything else Vaadin constructs itself.
 */
final class MicronautInstantiator extends DefaultInstantiator {

    private final BeanContext beanContext;

    MicronautInstantiator(VaadinService service, BeanContext beanContext) {
        super(service);
        this.beanContext = beanContext;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return beanContext.findBeanDefinition(type).isPresent() ? beanContext.getBean(type) : super.getOrCreate(type);
    }

    @Override
    public <T extends Component> T createComponent(Class<T> type) {
        return beanContext.findBeanDefinition(type).isPresent() ? beanContext.getBean(type) : super.createComponent(type);
    }

    /** Service init listeners from Vaadin's ServiceLoader and, in addition, those that are Micronaut beans. */
    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(),
                beanContext.getBeansOfType(VaadinServiceInitListener.class).stream());
    }
}
