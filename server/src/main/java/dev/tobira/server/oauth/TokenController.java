package dev.tobira.server.oauth;

import dev.tobira.core.Services;
import dev.tobira.core.oauth.AuthorizationCodeGrant;
import dev.tobira.core.oauth.ClientCredentialsGrant;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adapts the token endpoint's two paths to {@link TokenEndpoint}; no OAuth logic lives here.
 *
 * <p>Where a pool's endpoints are: Cognito serves them at {@code https://<domain>.auth.<region>.amazoncognito.com/oauth2/token}.
 * Tobira maps a prefix domain to a <em>path</em>, {@code <base URL>/<domain>/oauth2/token}, not to a host name:
 * a path works on {@code localhost}, behind any reverse proxy and in tests without wildcard DNS or
 * certificates, and a client configured with a base URL (Cognito's "domain URL") appends
 * {@code /oauth2/token} to it either way. A prefix domain cannot be mistaken for a pool id (as in
 * {@code /<pool id>/.well-known/…}): domains are lower-case letters, digits and hyphens, pool ids contain
 * {@code _}. {@code /oauth2/token} without a domain is also served, because a client id names exactly one
 * pool; the client's pool must still have a domain, as in Cognito.
 */
@RestController
public class TokenController {

    /** Bodies beyond this are not token requests. */
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final TokenEndpoint endpoint;

    public TokenController(Services services) {
        this.endpoint = new TokenEndpoint(new ClientCredentialsGrant(services), new AuthorizationCodeGrant(services));
    }

    @PostMapping(path = "/oauth2/token")
    public ResponseEntity<byte[]> token(HttpServletRequest request) throws IOException {
        return answer(Optional.empty(), request);
    }

    @PostMapping(path = "/{domain:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?}/oauth2/token")
    public ResponseEntity<byte[]> token(@PathVariable("domain") String domain, HttpServletRequest request)
            throws IOException {
        return answer(Optional.of(domain), request);
    }

    /** The revocation endpoint, {@code /<domain>/oauth2/revoke} (and without a domain, like the token endpoint). */
    @PostMapping(path = "/oauth2/revoke")
    public ResponseEntity<byte[]> revoke(HttpServletRequest request) throws IOException {
        return revoke(Optional.empty(), request);
    }

    @PostMapping(path = "/{domain:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?}/oauth2/revoke")
    public ResponseEntity<byte[]> revoke(@PathVariable("domain") String domain, HttpServletRequest request)
            throws IOException {
        return revoke(Optional.of(domain), request);
    }

    private ResponseEntity<byte[]> revoke(Optional<String> domain, HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES);
        return respond(endpoint.revoke(domain, request.getContentType(), request.getHeader(HttpHeaders.AUTHORIZATION),
                body));
    }

    private ResponseEntity<byte[]> answer(Optional<String> domain, HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES);
        return respond(endpoint.token(domain, request.getContentType(), request.getHeader(HttpHeaders.AUTHORIZATION),
                body));
    }

    private static ResponseEntity<byte[]> respond(TokenEndpoint.Answer answer) {
        HttpHeaders headers = new HttpHeaders();
        answer.headers().forEach(headers::set);
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
