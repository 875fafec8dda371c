package dev.plumbline.app.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal OpenID Connect provider for tests (authorization code flow): discovery, an authorize endpoint that signs
 * in {@link #nextUser} without asking, a token endpoint that returns an RS256-signed ID token, and its JWKS. Plays
 * the part of Okta, Keycloak or Entra ID, which are not reachable from these machines.
 */
public final class FakeIdentityProvider implements AutoCloseable {

    /** Who the next sign-in is: user name, display name and groups. */
    public record User(String username, String name, List<String> groups) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    private volatile User nextUser = new User("nobody", "Nobody", List.of());
    private final String clientId;

    public FakeIdentityProvider(String clientId) throws IOException, JOSEException {
        this.clientId = clientId;
        this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void signInNext(User user) {
        this.nextUser = user;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String i = issuer();
        json(exchange, 200, "{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i + "/authorize\","
                + "\"token_endpoint\":\"" + i + "/token\",\"jwks_uri\":\"" + i + "/jwks\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"scopes_supported\":[\"openid\",\"email\",\"profile\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"],"
                + "\"grant_types_supported\":[\"authorization_code\"]}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = params(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        Map<String, Object> grant = new HashMap<>();
        grant.put("user", nextUser);
        grant.put("nonce", q.get("nonce"));
        codes.put(code, grant);
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = params(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Object> grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        User user = (User) grant.get("user");
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("sub-" + user.username())
                .audience(clientId).issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                .claim("preferred_username", user.username()).claim("name", user.name()).claim("groups", user.groups());
        if (grant.get("nonce") != null) {
            claims.claim("nonce", grant.get("nonce"));
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            json(exchange, 200, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":300,\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (JOSEException e) {
            json(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        json(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
