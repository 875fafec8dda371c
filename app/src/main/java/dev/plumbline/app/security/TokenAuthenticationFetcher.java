package dev.plumbline.app.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code Authorization: Bearer plb_<id>.<secret>}: an API token acting with its role. */
@Singleton
public class TokenAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final String PREFIX = "Bearer ";

    private final TokenService tokens;
    private final ExecutorService blocking;

    public TokenAuthenticationFetcher(TokenService tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Publishers.empty();
        }
        String presented = header.substring(PREFIX.length());
        return Mono.fromCallable(() -> tokens.authenticate(presented).map(i -> Authentications.of(i, "token")).orElse(null))
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
