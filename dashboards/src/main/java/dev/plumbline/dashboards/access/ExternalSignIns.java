package dev.plumbline.dashboards.access;

import java.util.List;

/** Identity providers a user may sign in with instead of a password (OIDC); empty when none is configured. */
public interface ExternalSignIns {

    List<Provider> providers();

    /**
     * @param label what the button says
     * @param path  where the button goes to start the sign-in, e.g. {@code /oauth/login/okta}
     */
    record Provider(String label, String path) {
    }
}
