package dev.plumbline.app.api;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Identity;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Who the caller is and what they may do. */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeController {

    @Get
    public Me whoAmI(Authentication authentication) {
        Identity identity = Authentications.identity(authentication).orElseThrow();
        return new Me(identity.name(), identity.displayName(), identity.roles().stream().sorted().toList(),
                identity.permissions().stream().sorted().toList(), Authentications.source(authentication),
                identity.via());
    }

    /**
     * @param via      how this request was authenticated: session, basic or token
     * @param signedIn how the identity was established: password, oidc or token
     */
    @Serdeable
    public record Me(String name, String displayName, List<String> roles, List<String> permissions, String via,
                     String signedIn) {
    }
}
