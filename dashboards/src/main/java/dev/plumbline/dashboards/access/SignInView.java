package dev.plumbline.dashboards.access;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.micronaut.context.annotation.Prototype;

/**
 * The only page anonymous users see. After signing in it returns to the page that was asked for, if any.
 */
@Prototype
@Route("login")
@PageTitle("Sign in · Plumbline")
@AnonymousAllowed
public class SignInView extends VerticalLayout implements BeforeEnterObserver {

    private final SignIn signIn;
    private final LoginForm form = new LoginForm();
    private final Paragraph externalError = new Paragraph();

    public SignInView(SignIn signIn, ExternalSignIns external) {
        this.signIn = signIn;
        addClassName("sign-in-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Plumbline");
        i18n.getForm().setUsername("User name");
        i18n.setAdditionalInformation(null);
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(this::attempt);
        // the user name field has focus when the page opens, so one can type at once; the form renders its fields
        // after attaching, so try on each of the next frames until the field exists and holds focus
        form.addAttachListener(e -> form.getElement().executeJs("const form = this; let frames = 120;"
                + " const focus = () => { const input = form.querySelector('input[name=username]');"
                + " if (input && document.activeElement !== input) { input.focus(); }"
                + " if ((!input || document.activeElement !== input) && --frames > 0) { requestAnimationFrame(focus); } };"
                + " requestAnimationFrame(focus);"));

        H1 title = new H1("Plumbline");
        title.addClassName("plumbline-title");
        Paragraph lead = new Paragraph("Reliability and performance, joined with revenue.");
        lead.addClassName("lead");
        add(new Div(title, lead), form);
        for (ExternalSignIns.Provider provider : external.providers()) {
            Anchor link = new Anchor(provider.path(), provider.label());
            link.setRouterIgnore(true); // a full page load: the server starts the provider's redirect
            link.addClassName("external-sign-in");
            add(link);
        }
        externalError.addClassName("sign-in-error");
        externalError.getElement().setAttribute("role", "alert");
        externalError.setVisible(false);
        add(externalError);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.stored().isPresent()) {
            event.forwardTo("");
            return;
        }
        event.getLocation().getQueryParameters().getSingleParameter("error").ifPresent(reason -> {
            externalError.setText("Not signed in: " + reason);
            externalError.setVisible(true);
        });
    }

    private void attempt(AbstractLogin.LoginEvent event) {
        try {
            var identity = signIn.signIn(event.getUsername(), event.getPassword(), clientAddress());
            String target = (String) VaadinSession.getCurrent().getSession()
                    .getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
            CurrentUser.signIn(identity);
            UI.getCurrent().navigate(target == null || target.isBlank() || target.startsWith("login") ? "" : target);
        } catch (SignInException e) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Sign in to Plumbline");
            i18n.getForm().setUsername("User name");
            i18n.getErrorMessage().setTitle("Not signed in");
            i18n.getErrorMessage().setMessage(e.getMessage());
            i18n.setAdditionalInformation(null);
            form.setI18n(i18n);
            form.setError(true);
        }
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
