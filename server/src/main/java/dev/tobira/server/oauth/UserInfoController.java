package dev.tobira.server.oauth;

import dev.tobira.core.Services;
import dev.tobira.core.oauth.UserInfo;
import dev.tobira.core.oauth.UserPoolDomain;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST /<domain>/oauth2/userInfo} with {@code Authorization: Bearer <access token>}: the user's
 * attributes by the token's scopes ({@link UserInfo}). Errors as Cognito documents them: no bearer token → 400
 * {@code invalid_request}; a token that is not usable here (expired, revoked, another pool, no {@code openid}
 * scope) → 401 {@code invalid_token}; both with a {@code WWW-Authenticate: Bearer error=…} header and the same
 * JSON body. An unknown domain is 404.
 */
@RestController
public class UserInfoController {

    private static final Logger log = LoggerFactory.getLogger(UserInfoController.class);
    private static final String INVALID_TOKEN =
            "Access token is expired, disabled, or deleted, or the user has globally signed out.";

    private final Services services;
    private final UserInfo userInfo;

    public UserInfoController(Services services) {
        this.services = services;
        this.userInfo = new UserInfo(services);
    }

    @RequestMapping(path = "/{domain:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?}/oauth2/userInfo",
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Map<String, String>> userInfo(@PathVariable("domain") String domain,
            HttpServletRequest request) {
        Optional<UserPoolDomain> poolDomain = services.domains().find(domain);
        if (poolDomain.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Optional<String> token = UserInfo.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            return error(400, "invalid_request", "Bearer token is missing");
        }
        try {
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .contentType(MediaType.APPLICATION_JSON).body(userInfo.claims(poolDomain.get().userPoolId(), token.get()));
        } catch (UserInfo.InvalidToken e) {
            log.debug("userInfo refused: {}", e.getMessage());
            return error(401, "invalid_token", INVALID_TOKEN);
        }
    }

    private static ResponseEntity<Map<String, String>> error(int status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.status(status)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error + "\", error_description=\""
                        + description + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
