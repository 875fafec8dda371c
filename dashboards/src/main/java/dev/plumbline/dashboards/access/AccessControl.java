package dev.plumbline.dashboards.access;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import dev.plumbline.sql.auth.Identity;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Vaadin's navigation access control (annotations {@code @AnonymousAllowed}, {@code @PermitAll},
 * {@code @RolesAllowed} on views; an unannotated view is denied) with the principal and roles taken from the
 * identity in the HTTP session, refreshed on every navigation. Anonymous users are sent to the sign-in page.
 */
final class AccessControl extends NavigationAccessControl {

    private final SignIn signIn;

    AccessControl(SignIn signIn) {
        this.signIn = signIn;
        setLoginView(SignInView.class);
    }

    @Override
    protected Principal getPrincipal(VaadinRequest request) {
        return current().map(i -> (Principal) i::name).orElse(null);
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        Optional<Identity> identity = current();
        return role -> identity.map(i -> i.permissions().contains(role) || i.roles().contains(role)).orElse(false);
    }

    private Optional<Identity> current() {
        Optional<Identity> stored = CurrentUser.stored();
        if (stored.isEmpty()) {
            return stored;
        }
        Optional<Identity> now = signIn.refresh(stored.get());
        if (!now.equals(stored)) {
            CurrentUser.update(now);
        }
        return now;
    }
}
