package dev.plumbline.dashboards.access;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

/** Puts {@link AccessControl} in front of every navigation of every UI. */
@Singleton
public class AccessControlInstaller implements VaadinServiceInitListener {

    private final SignIn signIn;

    public AccessControlInstaller(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        AccessControl accessControl = new AccessControl(signIn);
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(accessControl));
    }
}
