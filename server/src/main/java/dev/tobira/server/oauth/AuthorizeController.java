package dev.tobira.server.oauth;

import dev.tobira.core.oauth.AuthorizationException;
import dev.tobira.core.oauth.Authorizations;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /<domain>/oauth2/authorize}: validates the request ({@link Authorizations#validate}) and, as Cognito's
 * hosted UI does, redirects (302) to {@code /<domain>/login} with the same query, where the managed login signs
 * the user in. A refusal goes back to the client's redirect URI ({@code ?error=…&error_description=…&state=…})
 * once client and redirect URI are known good, else to an error page (HTTP 400, never a redirect).
 */
@RestController
public class AuthorizeController {

    private static final Logger log = LoggerFactory.getLogger(AuthorizeController.class);

    private final Authorizations authorizations;

    public AuthorizeController(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping(path = "/{domain:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?}/oauth2/authorize")
    public ResponseEntity<String> authorize(@PathVariable("domain") String domain, HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        try {
            authorizations.validate(domain, query(query));
            return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/" + domain + "/login?" + query)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (AuthorizationException e) {
            log.debug("Authorization request refused with {}: {}", e.error(), e.getMessage());
            if (e.redirect().isPresent()) {
                return ResponseEntity.status(302).header(HttpHeaders.LOCATION, e.redirect().get().toString())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            }
            return errorPage(e.error(), e.getMessage());
        }
    }

    /** An error page for refusals that must not go to a redirect URI. */
    static ResponseEntity<String> errorPage(String error, String description) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head>"
                + "<body><h1>An error was encountered with the requested page.</h1><p><code>"
                + HtmlUtils.htmlEscape(error) + "</code>: " + HtmlUtils.htmlEscape(description) + "</p></body></html>";
        return ResponseEntity.status(400).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
    }

    /** The decoded query; a repeated or undecodable parameter is an error page, as the request is ambiguous. */
    static Map<String, String> query(String query) {
        try {
            return FormParameters.parse(query);
        } catch (IllegalArgumentException e) {
            throw AuthorizationException.errorPage("invalid_request", e.getMessage());
        }
    }
}
