package dev.plumbline.dashboards.access;

import dev.plumbline.sql.auth.Identity;
import java.util.Optional;

/**
 * Signing in, as the sign-in page needs it. Implemented by the application, which also uses it for the API, so a
 * user name and password mean the same on both.
 */
public interface SignIn {

    /**
     * Checks a user name and password.
     *
     * @param clientAddress the address the attempt came from (failed attempts are limited per user and per address)
     * @return who signed in
     * @throws SignInException with a message fit to show on the sign-in page
     */
    Identity signIn(String username, String password, String clientAddress);

    /**
     * The identity a session holds, as it is now: roles changed since sign-in are applied, and a user who was
     * disabled or deleted in the meantime is signed out (empty).
     */
    Optional<Identity> refresh(Identity sessionIdentity);
}
