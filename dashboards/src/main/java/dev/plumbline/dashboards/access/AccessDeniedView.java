package dev.plumbline.dashboards.access;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.plumbline.dashboards.MainLayout;
import io.micronaut.context.annotation.Prototype;
import jakarta.servlet.http.HttpServletResponse;

/** What a signed-in user sees on a page their role does not include: HTTP 403 and why. */
@Prototype
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final Paragraph explanation = new Paragraph();

    public AccessDeniedView() {
        addClassName("access-denied-view");
        add(new H2("Access denied"), explanation);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String roles = CurrentUser.stored().map(i -> String.join(", ", i.roles())).orElse("none");
        explanation.setText("Your role (" + roles + ") does not include the page '"
                + event.getLocation().getPath() + "'. Ask an administrator if you need it.");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
