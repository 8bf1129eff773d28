package dev.tobira.server.oauth;

import dev.tobira.core.oauth.AuthorizationCodeGrant;
import dev.tobira.core.oauth.ClientCredentialsGrant;
import dev.tobira.core.oauth.OAuthError;
import dev.tobira.core.oauth.OAuthError.Code;
import dev.tobira.core.token.TokenIssuer.ClientToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cognito's token endpoint, {@code POST /oauth2/token}, free of servlet types: the form body is parsed, the
 * client's credentials are taken from HTTP Basic or the body, the grant runs, and the answer is JSON.
 * Grants: {@code authorization_code} (with PKCE), {@code refresh_token} and {@code client_credentials}; any
 * other is {@code unsupported_grant_type}. The revocation endpoint ({@code POST /oauth2/revoke}) shares the
 * form parsing and client authentication, see {@link #revoke}.
 *
 * <p>Every refusal is HTTP 400 {@code {"error":"<code>"}}, as Cognito answers, with {@code Cache-Control:
 * no-store} on every answer (RFC 6749 §5.1). Why a request was refused is logged at DEBUG, without
 * secrets.
 */
public final class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final ClientCredentialsGrant clientCredentials;
    private final AuthorizationCodeGrant userGrants;
    private final JsonMapper json = JsonMapper.builder().build();

    public TokenEndpoint(ClientCredentialsGrant clientCredentials, AuthorizationCodeGrant userGrants) {
        this.clientCredentials = clientCredentials;
        this.userGrants = userGrants;
    }

    /** The HTTP answer: status, headers, JSON body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {}

    /**
     * @param domain the prefix domain of the path ({@code /<domain>/oauth2/token}), or empty
     * @param contentType the request's {@code Content-Type}, or null
     * @param authorization the request's {@code Authorization} header, or null
     */
    public Answer token(Optional<String> domain, String contentType, String authorization, byte[] body) {
        try {
            return answer(200, tokenResponse(domain, contentType, authorization, body));
        } catch (OAuthError e) {
            log.debug("Token request refused with {}: {}", e.code().wire(), e.getMessage());
            return answer(400, Map.of("error", e.code().wire()));
        }
    }

    private Map<String, Object> tokenResponse(Optional<String> domain, String contentType, String authorization,
            byte[] body) {
        Map<String, String> form = formOf(contentType, body);
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new OAuthError(Code.INVALID_REQUEST, "grant_type is missing");
        }
        if (grantType.equals("authorization_code") || grantType.equals("refresh_token")) {
            Credentials credentials = credentials(authorization, form);
            AuthorizationCodeGrant.Tokens tokens = grantType.equals("authorization_code")
                    ? userGrants.redeem(domain, credentials.clientId(), credentials.secret(), param(form, "code"),
                            param(form, "redirect_uri"), param(form, "code_verifier"))
                    : userGrants.refresh(domain, credentials.clientId(), credentials.secret(),
                            param(form, "refresh_token"));
            Map<String, Object> out = new LinkedHashMap<>();
            tokens.idToken().ifPresent(t -> out.put("id_token", t));
            out.put("access_token", tokens.accessToken());
            tokens.refreshToken().ifPresent(t -> out.put("refresh_token", t));
            out.put("expires_in", tokens.expiresIn());
            out.put("token_type", "Bearer");
            return out;
        }
        if (!grantType.equals("client_credentials")) {
            throw new OAuthError(Code.UNSUPPORTED_GRANT_TYPE, "grant_type " + grantType + " is not one of Cognito's");
        }
        Credentials credentials = credentials(authorization, form);
        ClientToken token = clientCredentials.token(domain, credentials.clientId(), credentials.secret(),
                Optional.ofNullable(form.get("scope")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", token.accessToken());
        out.put("expires_in", token.expiresIn());
        out.put("token_type", "Bearer");
        return out;
    }

    /**
     * {@code POST /oauth2/revoke} (RFC 7009), with the statuses of Cognito's documentation (developer guide,
     * "Revoke endpoint", "Revocation error response"): 200 with an empty body when the refresh token is revoked
     * or was not a usable token of the client; 400 {@code invalid_request} without {@code token} or when the
     * client has token revocation disabled; 400 {@code unsupported_token_type} for a token that is not a
     * refresh token; 401 {@code invalid_client} when the client's credentials are wrong — a confidential
     * client without its secret or with a wrong one, a public client sending a secret, an unknown client —
     * with {@code WWW-Authenticate: Basic} when the client tried HTTP Basic (RFC 6749 §5.2).
     */
    public Answer revoke(Optional<String> domain, String contentType, String authorization, byte[] body) {
        try {
            Map<String, String> form = formOf(contentType, body);
            Credentials credentials = credentials(authorization, form);
            Optional<AuthorizationCodeGrant.RevokeError> refused = userGrants.revoke(domain, credentials.clientId(),
                    credentials.secret(), param(form, "token"));
            if (refused.isPresent()) {
                log.debug("Revocation refused with {}", refused.get());
                return answer(400, Map.of("error", refused.get().name().toLowerCase(Locale.ROOT)));
            }
            return new Answer(200, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"), new byte[0]);
        } catch (OAuthError e) {
            log.debug("Revocation refused with {}: {}", e.code().wire(), e.getMessage());
            if (e.code() == Code.INVALID_CLIENT) {
                Answer refused = answer(401, Map.of("error", e.code().wire()));
                if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                    return refused;
                }
                Map<String, String> headers = new LinkedHashMap<>(refused.headers());
                headers.put("WWW-Authenticate", "Basic realm=\"oauth2\"");
                return new Answer(401, Map.copyOf(headers), refused.body());
            }
            return answer(400, Map.of("error", e.code().wire()));
        }
    }

    private static Optional<String> param(Map<String, String> form, String name) {
        return Optional.ofNullable(form.get(name)).filter(v -> !v.isEmpty());
    }

    private static Map<String, String> formOf(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw new OAuthError(Code.INVALID_REQUEST, "Content-Type must be " + FORM);
        }
        return form(new String(body, StandardCharsets.UTF_8));
    }

    private record Credentials(String clientId, Optional<String> secret) {}

    /** HTTP Basic ({@code client_secret_basic}) when present, else {@code client_id}/{@code client_secret} in the body. */
    private static Credentials credentials(String authorization, Map<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OAuthError(Code.INVALID_CLIENT, "Authorization is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new OAuthError(Code.INVALID_CLIENT, "Authorization has no client_id:client_secret");
            }
            String clientId = decoded.substring(0, colon);
            if (form.containsKey("client_id") && !form.get("client_id").equals(clientId)) {
                throw new OAuthError(Code.INVALID_CLIENT, "client_id differs from the Authorization header's");
            }
            return new Credentials(clientId, Optional.of(decoded.substring(colon + 1)));
        }
        String clientId = form.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            throw new OAuthError(Code.INVALID_CLIENT, "no client_id");
        }
        return new Credentials(clientId, Optional.ofNullable(form.get("client_secret")));
    }

    /** The form's parameters; a repeated parameter is {@code invalid_request} (RFC 6749 §3.2). */
    private static Map<String, String> form(String body) {
        try {
            return FormParameters.parse(body);
        } catch (IllegalArgumentException e) {
            throw new OAuthError(Code.INVALID_REQUEST, e.getMessage());
        }
    }

    private Answer answer(int status, Map<String, ?> body) {
        return new Answer(status, Map.of("Content-Type", "application/json;charset=UTF-8", "Cache-Control", "no-store",
                "Pragma", "no-cache"), json.writeValueAsBytes(body));
    }
}
