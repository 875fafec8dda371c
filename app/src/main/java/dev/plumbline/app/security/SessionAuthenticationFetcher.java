package dev.plumbline.app.security;

import dev.plumbline.sql.auth.Identity;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The API's view of a dashboard sign-in: the identity in the servlet HTTP session that Vaadin and Micronaut share,
 * refreshed (a user disabled since signing in is anonymous here, and signed out).
 */
@Singleton
public class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final AccountService accounts;
    private final ExecutorService blocking;

    public SessionAuthenticationFetcher(AccountService accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (!(request instanceof ServletHttpRequest<?, ?> servlet)
                || !(servlet.getNativeRequest() instanceof HttpServletRequest http)) {
            return Publishers.empty();
        }
        HttpSession session = http.getSession(false);
        if (session == null || !(session.getAttribute(Identity.SESSION_ATTRIBUTE) instanceof Identity stored)) {
            return Publishers.empty();
        }
        return Mono.fromCallable(() -> {
            Optional<Identity> now = accounts.refresh(stored);
            if (now.isEmpty()) {
                session.removeAttribute(Identity.SESSION_ATTRIBUTE);
                return null;
            }
            return Authentications.of(now.get(), "session");
        }).subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
