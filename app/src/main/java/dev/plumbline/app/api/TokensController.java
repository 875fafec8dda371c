package dev.plumbline.app.api;

import dev.plumbline.dashboards.admin.Tokens;
import dev.plumbline.sql.auth.ApiToken;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;

/** API tokens (administrators only): the token itself is in the creation response and nowhere else. */
@Controller("/api/v1/tokens")
@Secured(Permission.ADMINISTER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokensController {

    private final Tokens tokens;

    public TokensController(Tokens tokens) {
        this.tokens = tokens;
    }

    @Get
    public List<TokenInfo> listTokens() {
        return tokens.all().stream().map(TokenInfo::of).toList();
    }

    @Post
    @Status(HttpStatus.CREATED)
    public CreatedToken createToken(@Body @Valid NewToken body, Authentication authentication) {
        Tokens.Issued issued = tokens.create(body.name(), body.role(), authentication.getName());
        return new CreatedToken(TokenInfo.of(issued.token()), issued.secret());
    }

    /**
     * Revokes a token: 204 when a token with this id exists and is revoked after the call (revoking one that is
     * already revoked changes nothing and keeps its first revocation time: DELETE may be repeated safely), 404 when
     * no token ever had this id (a typo must not look like a success).
     *
     * @param id the token's id (the part after {@code plb_} and before the dot)
     */
    @Delete("/{id}")
    public HttpResponse<Void> revokeToken(@PathVariable String id) {
        if (!tokens.revoke(id)) {
            throw RequestRefused.notFound("id", "no token with id '" + id + "'");
        }
        return HttpResponse.noContent();
    }

    /** What is asked for. */
    @Serdeable
    public record NewToken(@NotBlank String name, @NotBlank String role) {
    }

    /** A token as lists show it: never its secret or hash. */
    @Serdeable
    public record TokenInfo(String id, String name, String role, String createdBy, Instant createdAt,
                            @Nullable Instant revokedAt) {

        static TokenInfo of(ApiToken t) {
            return new TokenInfo(t.id(), t.name(), t.role(), t.createdBy(), t.createdAt(), t.revokedAt());
        }
    }

    /**
     * @param token the token to give to the script; shown this once
     */
    @Serdeable
    public record CreatedToken(TokenInfo info, String token) {
    }
}
