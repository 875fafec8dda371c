package dev.plumbline.app.security.oidc;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How OIDC sign-ins become Plumbline identities. The providers themselves are configured the Micronaut way, under
 * {@code micronaut.security.oauth2.clients.<name>} (client id, secret, issuer).
 *
 * @param usernameClaim the claim used as the user name (falls back to email, then sub)
 * @param groupsClaim   the claim that lists the user's groups
 * @param groupRoles    entries {@code group=role}: a member of the group gets the role; a user none of whose groups
 *                      is mapped is refused (a list, so group names keep their exact spelling; as an environment
 *                      variable: comma separated)
 * @param label         what the sign-in button says, e.g. "Sign in with Okta"
 */
@ConfigurationProperties(OidcProperties.PREFIX)
public record OidcProperties(
        @Bindable(defaultValue = "preferred_username") String usernameClaim,
        @Bindable(defaultValue = "groups") String groupsClaim,
        List<String> groupRoles,
        @Bindable(defaultValue = "Sign in with your identity provider") String label) {

    public static final String PREFIX = "plumbline.security.oidc";

    public OidcProperties {
        groupRoles = groupRoles == null ? List.of() : List.copyOf(groupRoles);
        roleByGroup(groupRoles); // fail at start on a malformed entry
    }

    /** The entries as a map from group to role. */
    public Map<String, String> roleByGroup() {
        return roleByGroup(groupRoles);
    }

    private static Map<String, String> roleByGroup(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(PREFIX + ".group-roles: '" + entry + "' is not group=role");
            }
            out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return out;
    }
}
