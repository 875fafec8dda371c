package dev.plumbline.app.security;

import dev.plumbline.dashboards.access.SignInException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * Basic auth on the API with the same users, passwords, lockouts and messages as the sign-in page. (Prefer API tokens
 * for scripts: every basic-auth request pays for a bcrypt check.)
 */
@Singleton
public class BasicAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** Request attribute: why basic credentials were refused. */
    static final String FAILURE = "plumbline.basic-auth-failure";

    private final AccountService accounts;

    public BasicAuthentication(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String address = request == null ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress();
        try {
            var authentication = Authentications.of(
                    accounts.signInBasic(credentials.getIdentity(), credentials.getSecret(), address), "basic");
            return AuthenticationResponse.success(authentication.getName(), authentication.getRoles(),
                    authentication.getAttributes());
        } catch (SignInException e) {
            if (request != null) {
                request.setAttribute(FAILURE, e.getMessage()); // the 401 says why, as the sign-in page would
            }
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
    }
}
