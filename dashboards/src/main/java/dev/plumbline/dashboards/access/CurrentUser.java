package dev.plumbline.dashboards.access;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import dev.plumbline.sql.auth.Identity;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The signed-in user of the current UI request. The identity lives in the HTTP session (attribute
 * {@link Identity#SESSION_ATTRIBUTE}), which the dashboards and the REST API share, so one sign-in serves both.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The identity stored in the current session, as signed in (not refreshed). */
    public static Optional<Identity> stored() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((Identity) session.getSession().getAttribute(Identity.SESSION_ATTRIBUTE));
    }

    /** True when someone is signed in and holds {@code permission}. */
    public static boolean can(String permission) {
        return stored().map(i -> i.can(permission)).orElse(false);
    }

    /**
     * Starts a signed-in session: a new session id first (against session fixation), then the identity.
     */
    public static void signIn(Identity identity) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servletRequest) {
            HttpServletRequest http = servletRequest.getHttpServletRequest();
            http.getSession(true);
            http.changeSessionId();
        }
        WrappedSession session = VaadinSession.getCurrent().getSession();
        session.setAttribute(Identity.SESSION_ATTRIBUTE, identity);
    }

    /** Replaces the stored identity (roles changed) or removes it (user gone). */
    static void update(Optional<Identity> identity) {
        WrappedSession session = VaadinSession.getCurrent().getSession();
        if (identity.isPresent()) {
            session.setAttribute(Identity.SESSION_ATTRIBUTE, identity.get());
        } else {
            session.removeAttribute(Identity.SESSION_ATTRIBUTE);
        }
    }

    /** Ends the session: nothing of it survives, in the dashboards or the API. */
    public static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().invalidate();
        }
    }
}
