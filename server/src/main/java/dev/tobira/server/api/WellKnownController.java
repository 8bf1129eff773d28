package dev.tobira.server.api;

import com.nimbusds.jose.jwk.RSAKey;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.server.store.JdbcStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pool's well-known documents (spec §6.2), at the paths Cognito serves them on:
 * <ul>
 *   <li>{@code GET /{userPoolId}/.well-known/jwks.json}: the public keys that verify the pool's ID and
 *       access tokens, current and recently retired, as {@code {"keys":[{kid, alg, kty, e, n, use}]}};
 *       the pool's keys are created on the first request, so the JWKS of an existing pool is never empty.
 *   <li>{@code GET /{userPoolId}/.well-known/openid-configuration}: OpenID Connect discovery, with
 *       {@code issuer} equal to the tokens' {@code iss}; once the pool has a domain, its OAuth 2.0 endpoints
 *       under {@code <base URL>/<domain>}: {@code authorization_endpoint}, {@code token_endpoint},
 *       {@code userinfo_endpoint}, {@code revocation_endpoint} and {@code end_session_endpoint}
 *       ({@code /<domain>/logout}, served by the managed login).
 * </ul>
 * An unknown pool gets 404 and {@code {"__type":"ResourceNotFoundException","message":"User pool … does not
 * exist."}}.
 */
@RestController
public class WellKnownController {

    private final TokenIssuer tokens;
    private final JdbcStores stores;

    public WellKnownController(TokenIssuer tokens, JdbcStores stores) {
        this.tokens = tokens;
        this.stores = stores;
    }

    @GetMapping(path = "/{userPoolId}/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> jwks(@PathVariable("userPoolId") String userPoolId) {
        if (stores.pools().find(userPoolId).isEmpty()) {
            return notFound(userPoolId);
        }
        List<Map<String, Object>> keys = tokens.publicKeys(userPoolId).stream().map(WellKnownController::jwk).toList();
        return ResponseEntity.ok(Map.of("keys", keys));
    }

    @GetMapping(path = "/{userPoolId}/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> openidConfiguration(@PathVariable("userPoolId") String userPoolId) {
        if (stores.pools().find(userPoolId).isEmpty()) {
            return notFound(userPoolId);
        }
        String issuer = tokens.issuer(userPoolId);
        Map<String, Object> document = new LinkedHashMap<>();
        // The endpoints are under the pool's prefix domain, so a pool without one lists none of them.
        java.util.Optional<String> base = stores.domains().findByPool(userPoolId).map(domain ->
                issuer.substring(0, issuer.length() - userPoolId.length()) + domain.domain());
        base.ifPresent(b -> document.put("authorization_endpoint", b + "/oauth2/authorize"));
        document.put("code_challenge_methods_supported", List.of("S256", "plain"));
        base.ifPresent(b -> document.put("end_session_endpoint", b + "/logout"));
        document.put("grant_types_supported", List.of("authorization_code", "implicit", "refresh_token",
                "client_credentials"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.put("response_types_supported", List.of("code", "token"));
        base.ifPresent(b -> document.put("revocation_endpoint", b + "/oauth2/revoke"));
        document.put("scopes_supported", List.of("openid", "email", "phone", "profile",
                TokenIssuer.SIGNIN_SCOPE));
        document.put("subject_types_supported", List.of("public"));
        base.ifPresent(b -> document.put("token_endpoint", b + "/oauth2/token"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        base.ifPresent(b -> document.put("userinfo_endpoint", b + "/oauth2/userInfo"));
        return ResponseEntity.ok(document);
    }

    /** Exactly Cognito's members, copied one by one: nothing else of the key can slip into the document. */
    private static Map<String, Object> jwk(RSAKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kid", key.getKeyID());
        out.put("alg", "RS256");
        out.put("kty", "RSA");
        out.put("e", key.getPublicExponent().toString());
        out.put("n", key.getModulus().toString());
        out.put("use", "sig");
        return out;
    }

    private static ResponseEntity<Map<String, Object>> notFound(String userPoolId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "ResourceNotFoundException");
        error.put("message", "User pool " + userPoolId + " does not exist.");
        return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
