package dev.plumbline.app.security.oidc;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Identity;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * After an OIDC sign-in: the identity goes into the HTTP session the dashboards and the API share (with a new
 * session id), and the browser goes to the dashboards. A refused sign-in goes back to the sign-in page, which says
 * why.
 */
@Singleton
public class SessionLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Identity identity = Authentications.identity(authentication)
                .orElseThrow(() -> new IllegalStateException("an OIDC sign-in without a Plumbline identity"));
        if (request instanceof ServletHttpRequest<?, ?> servlet && servlet.getNativeRequest() instanceof HttpServletRequest http) {
            http.getSession(true);
            http.changeSessionId();
            http.getSession().setAttribute(Identity.SESSION_ATTRIBUTE, identity);
        }
        return HttpResponse.seeOther(URI.create("/"));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return loginSuccess(authentication, request);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        String reason = response.getMessage().orElse("the identity provider refused the sign-in");
        return HttpResponse.seeOther(URI.create("/login?error=" + URLEncoder.encode(reason, StandardCharsets.UTF_8)));
    }
}
