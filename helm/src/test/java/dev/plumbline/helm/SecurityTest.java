package dev.plumbline.helm;

import dev.plumbline.helm.Chart.Manifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.plumbline.helm.Chart.at;
import static dev.plumbline.helm.Chart.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Sign-in settings (values under {@code security}): the first admin, OIDC and the session timeout, as the
 * environment variables the app reads and the Secrets their passwords come from.
 */
@DisplayName("sign-in settings")
class SecurityTest {

    private static final String URL = "http://clickhouse.example.internal:8123";

    private static final String ADMIN_USERNAME = "PLUMBLINE_SECURITY_INITIAL_ADMIN_USERNAME";
    private static final String ADMIN_PASSWORD = "PLUMBLINE_SECURITY_INITIAL_ADMIN_PASSWORD";

    /** The values that make an OIDC client complete, with the client secret in the chart's Secret. */
    static final Map<String, Object> OIDC = Map.of(
            "security.oidc.enabled", true,
            "security.oidc.issuer", "https://idp.example.com/realms/plumbline",
            "security.oidc.clientId", "plumbline-client",
            "security.oidc.clientSecret", "oidc-s3cret");

    private static Manifests render(Map<String, ?> sets) {
        Map<String, Object> all = new LinkedHashMap<>(sets);
        all.putIfAbsent("clickhouse.url", URL);
        return Chart.render(null, all);
    }

    @SafeVarargs
    private static Map<String, Object> merge(Map<String, ?>... maps) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Map<String, ?> map : maps) {
            all.putAll(map);
        }
        return all;
    }

    private static Object value(Manifests manifests, String envName) {
        Map<String, Object> var = manifests.env().get(envName);
        assertThat(var).as("env var %s", envName).isNotNull();
        assertThat(var).as("env var %s", envName).doesNotContainKey("valueFrom");
        return var.get("value");
    }

    private static Map<String, Object> secretKeyRef(Manifests manifests, String envName) {
        Map<String, Object> var = manifests.env().get(envName);
        assertThat(var).as("env var %s", envName).isNotNull();
        assertThat(var).as("env var %s must not carry its secret inline", envName).doesNotContainKey("value");
        return mapAt(var, "valueFrom.secretKeyRef");
    }

    /** The decoded value the secretKeyRef points at, which must be a Secret of this render. */
    private static String resolve(Manifests manifests, Map<String, Object> ref) {
        Map<String, Object> secret = manifests.ofKind("Secret").stream()
                .filter(s -> ref.get("name").equals(at(s, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no rendered Secret named " + ref.get("name")
                        + " among " + secretNames(manifests)));
        Object encoded = mapAt(secret, "data").get(ref.get("key"));
        assertThat(encoded).as("key %s in Secret %s", ref.get("key"), ref.get("name")).isNotNull();
        return new String(Base64.getDecoder().decode((String) encoded));
    }

    private static List<Object> secretNames(Manifests manifests) {
        return manifests.ofKind("Secret").stream().map(s -> at(s, "metadata.name")).toList();
    }

    private static Object secretChecksum(Manifests m) {
        return mapAt(m.deployment(), "spec.template.metadata.annotations").get("checksum/secret");
    }

    @Nested
    @DisplayName("first admin")
    class InitialAdmin {

        @Test
        @DisplayName("reads the password from a Secret the chart creates, next to the ClickHouse one")
        void passwordFromChartSecret() {
            Manifests m = render(Map.of("security.initialAdmin.password", "first-admin-pw"));

            Map<String, Object> ref = secretKeyRef(m, ADMIN_PASSWORD);
            assertThat(ref).containsOnly(entry("name", "plumbline-initial-admin"), entry("key", "password"));
            assertThat(resolve(m, ref)).isEqualTo("first-admin-pw");
            assertThat(value(m, ADMIN_USERNAME)).isEqualTo("admin");
            assertThat(secretNames(m)).containsExactlyInAnyOrder("plumbline-clickhouse", "plumbline-initial-admin");
            assertThat(m.text()).doesNotContain("first-admin-pw");
        }

        @Test
        @DisplayName("reads the password from an existing Secret and then creates no Secret for it")
        void passwordFromExistingSecret() {
            Manifests m = render(Map.of(
                    "security.initialAdmin.username", "root-admin",
                    "security.initialAdmin.existingSecret", "ops-plumbline-admin",
                    "security.initialAdmin.existingSecretKey", "admin-password",
                    "security.initialAdmin.password", "ignored-admin-pw"));

            assertThat(secretKeyRef(m, ADMIN_PASSWORD))
                    .containsOnly(entry("name", "ops-plumbline-admin"), entry("key", "admin-password"));
            assertThat(value(m, ADMIN_USERNAME)).isEqualTo("root-admin");
            assertThat(secretNames(m)).containsExactly("plumbline-clickhouse");
            assertThat(m.text()).doesNotContain("ignored-admin-pw")
                    .doesNotContain(Base64.getEncoder().encodeToString("ignored-admin-pw".getBytes()));
        }

        @Test
        @DisplayName("uses the key 'password' of an existing Secret by default")
        void existingSecretDefaultKey() {
            Manifests m = render(Map.of("security.initialAdmin.existingSecret", "ops-plumbline-admin"));

            assertThat(secretKeyRef(m, ADMIN_PASSWORD)).containsEntry("key", "password");
        }

        @Test
        @DisplayName("sets no first-admin variables and creates no Secret when no password is configured")
        void nothingWithoutPassword() {
            Manifests byDefault = render(Map.of());
            Manifests usernameOnly = render(Map.of("security.initialAdmin.username", "root-admin"));

            for (Manifests m : List.of(byDefault, usernameOnly)) {
                assertThat(m.env()).doesNotContainKeys(ADMIN_USERNAME, ADMIN_PASSWORD);
                assertThat(secretNames(m)).containsExactly("plumbline-clickhouse");
            }
        }
    }

    @Nested
    @DisplayName("OIDC")
    class Oidc {

        @Test
        @DisplayName("is off by default: no OAuth2 client and no OIDC variables, even with client values set")
        void disabledByDefault() {
            Manifests byDefault = render(Map.of());
            Map<String, Object> configuredButOff = new LinkedHashMap<>(OIDC);
            configuredButOff.remove("security.oidc.enabled");
            Manifests off = render(configuredButOff);

            for (Manifests m : List.of(byDefault, off)) {
                assertThat(m.env().keySet()).noneMatch(name -> name.startsWith("MICRONAUT_SECURITY_OAUTH2"))
                        .noneMatch(name -> name.startsWith("PLUMBLINE_SECURITY_OIDC"));
                assertThat(secretNames(m)).containsExactly("plumbline-clickhouse");
            }
        }

        @Test
        @DisplayName("configures the client, its secret from the chart's Secret, and the group mapping when enabled")
        void enabled() {
            Manifests m = render(merge(OIDC, Map.of(
                    "security.oidc.clientName", "okta2",
                    "security.oidc.groupRoles[0]", "plumbline-admins=admin",
                    "security.oidc.groupRoles[1]", "Site Reliability=engineer",
                    "security.oidc.groupsClaim", "roles",
                    "security.oidc.usernameClaim", "email",
                    "security.oidc.label", "Sign in with Okta")));
            String client = "MICRONAUT_SECURITY_OAUTH2_CLIENTS_OKTA2_";

            assertThat(value(m, client + "CLIENT_ID")).isEqualTo("plumbline-client");
            assertThat(value(m, client + "OPENID_ISSUER")).isEqualTo("https://idp.example.com/realms/plumbline");
            Map<String, Object> ref = secretKeyRef(m, client + "CLIENT_SECRET");
            assertThat(ref).containsOnly(entry("name", "plumbline-oidc"), entry("key", "client-secret"));
            assertThat(resolve(m, ref)).isEqualTo("oidc-s3cret");
            assertThat(m.text()).doesNotContain("oidc-s3cret");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_GROUP_ROLES"))
                    .isEqualTo("plumbline-admins=admin,Site Reliability=engineer");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_GROUPS_CLAIM")).isEqualTo("roles");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_USERNAME_CLAIM")).isEqualTo("email");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_LABEL")).isEqualTo("Sign in with Okta");
            assertThat(m.env().keySet().stream().filter(name -> name.startsWith("MICRONAUT_SECURITY_OAUTH2")))
                    .containsExactlyInAnyOrder(client + "CLIENT_ID", client + "CLIENT_SECRET", client + "OPENID_ISSUER");
        }

        @Test
        @DisplayName("uses the documented defaults for client name, claims, label and an empty group mapping")
        void enabledDefaults() {
            Manifests m = render(OIDC);

            assertThat(value(m, "MICRONAUT_SECURITY_OAUTH2_CLIENTS_OIDC_CLIENT_ID")).isEqualTo("plumbline-client");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_GROUP_ROLES")).isEqualTo("");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_GROUPS_CLAIM")).isEqualTo("groups");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_USERNAME_CLAIM")).isEqualTo("preferred_username");
            assertThat(value(m, "PLUMBLINE_SECURITY_OIDC_LABEL")).isEqualTo("Sign in with your identity provider");
        }

        @Test
        @DisplayName("reads the client secret from an existing Secret and then creates no Secret for it")
        void clientSecretFromExistingSecret() {
            Manifests m = render(merge(OIDC, Map.of(
                    "security.oidc.clientSecret", "ignored-client-secret",
                    "security.oidc.existingSecret", "ops-oidc",
                    "security.oidc.existingSecretKey", "okta-secret")));
            Manifests defaultKey = render(merge(OIDC, Map.of(
                    "security.oidc.clientSecret", "",
                    "security.oidc.existingSecret", "ops-oidc")));

            assertThat(secretKeyRef(m, "MICRONAUT_SECURITY_OAUTH2_CLIENTS_OIDC_CLIENT_SECRET"))
                    .containsOnly(entry("name", "ops-oidc"), entry("key", "okta-secret"));
            assertThat(secretNames(m)).containsExactly("plumbline-clickhouse");
            assertThat(m.text()).doesNotContain("ignored-client-secret")
                    .doesNotContain(Base64.getEncoder().encodeToString("ignored-client-secret".getBytes()));
            assertThat(secretKeyRef(defaultKey, "MICRONAUT_SECURITY_OAUTH2_CLIENTS_OIDC_CLIENT_SECRET"))
                    .containsOnly(entry("name", "ops-oidc"), entry("key", "client-secret"));
        }
    }

    @Nested
    @DisplayName("session timeout")
    class SessionTimeout {

        @Test
        @DisplayName("is 8h by default and follows security.sessionTimeout")
        void sessionTimeout() {
            assertThat(value(render(Map.of()), "PLUMBLINE_SECURITY_SESSION_TIMEOUT")).isEqualTo("8h");
            assertThat(value(render(Map.of("security.sessionTimeout", "30m")), "PLUMBLINE_SECURITY_SESSION_TIMEOUT"))
                    .isEqualTo("30m");
        }
    }

    @Nested
    @DisplayName("secret checksum")
    class Checksum {

        @Test
        @DisplayName("changes when the first-admin password or the OIDC client secret changes, so pods roll")
        void followsNewSecrets() {
            Object base = secretChecksum(render(merge(OIDC, Map.of("security.initialAdmin.password", "admin-pw-one"))));
            Object same = secretChecksum(render(merge(OIDC, Map.of("security.initialAdmin.password", "admin-pw-one",
                    "replicaCount", 3, "replicas.coordination", "keeper-map"))));
            Object otherAdmin = secretChecksum(render(merge(OIDC, Map.of("security.initialAdmin.password", "admin-pw-two"))));
            Object otherClient = secretChecksum(render(merge(OIDC, Map.of("security.initialAdmin.password", "admin-pw-one",
                    "security.oidc.clientSecret", "another-client-secret"))));

            assertThat(base).isNotNull().isEqualTo(same);
            assertThat(otherAdmin).isNotNull().isNotEqualTo(base);
            assertThat(otherClient).isNotNull().isNotEqualTo(base).isNotEqualTo(otherAdmin);
        }

        @Test
        @DisplayName("is present while any password lives in a chart Secret, absent when all come from existing Secrets")
        void presentWhileTheChartManagesASecret() {
            Map<String, Object> clickhouseExisting = Map.of("clickhouse.existingSecret", "ops-clickhouse");

            assertThat(secretChecksum(render(merge(clickhouseExisting,
                    Map.of("security.initialAdmin.password", "admin-pw"))))).isNotNull();
            assertThat(secretChecksum(render(merge(clickhouseExisting, OIDC)))).isNotNull();
            assertThat(secretChecksum(render(merge(clickhouseExisting, OIDC, Map.of(
                    "security.oidc.existingSecret", "ops-oidc",
                    "security.initialAdmin.existingSecret", "ops-admin"))))).isNull();
        }
    }
}
