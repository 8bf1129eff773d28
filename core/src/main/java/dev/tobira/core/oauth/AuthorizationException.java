package dev.tobira.core.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A refused {@code /oauth2/authorize} request (or a refused {@link Authorizations#complete}), and where the
 * browser learns about it, as Cognito decides:
 * <ul>
 *   <li>{@link Target#ERROR_PAGE} when the redirect URI cannot be trusted — unknown client, client not in the
 *       domain's pool, missing or unregistered {@code redirect_uri}: never a redirect (RFC 6749 §4.1.2.1).
 *       The caller shows an error page with {@link #error()} and {@link #getMessage()}.
 *   <li>{@link Target#REDIRECT_URI} for every other refusal once client and redirect URI are known good:
 *       {@link #redirect()} is {@code redirect_uri?error=…&error_description=…&state=…} (for
 *       {@code response_type=token} in the fragment instead of the query).
 * </ul>
 * The message is safe to show: it names parameters, never secrets or tokens.
 */
public final class AuthorizationException extends RuntimeException {

    /** Where the refusal goes. */
    public enum Target { ERROR_PAGE, REDIRECT_URI }

    private final String error;
    private final Target target;
    private final Optional<URI> redirect;

    private AuthorizationException(String error, String description, Target target, Optional<URI> redirect) {
        super(description, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.target = target;
        this.redirect = redirect;
    }

    /**
     * A refusal shown on an error page.
     *
     * @param error an OAuth error code such as {@code invalid_request}, {@code redirect_mismatch} (Cognito's for
     *     an unregistered redirect URI) or {@code invalid_client}
     */
    public static AuthorizationException errorPage(String error, String description) {
        return new AuthorizationException(error, description, Target.ERROR_PAGE, Optional.empty());
    }

    /**
     * A refusal sent back to the client's (already checked) redirect URI.
     *
     * @param error RFC 6749 §4.1.2.1's code: {@code invalid_request}, {@code unauthorized_client},
     *     {@code unsupported_response_type}, {@code invalid_scope}, {@code access_denied}, {@code server_error}
     * @param fragment whether the parameters go in the fragment ({@code response_type=token}) or the query
     */
    public static AuthorizationException toRedirectUri(String error, String description, String redirectUri,
            Optional<String> state, boolean fragment) {
        StringBuilder params = new StringBuilder("error=").append(encode(error))
                .append("&error_description=").append(encode(description));
        state.ifPresent(s -> params.append("&state=").append(encode(s)));
        String separator = fragment ? "#" : redirectUri.contains("?") ? "&" : "?";
        return new AuthorizationException(error, description, Target.REDIRECT_URI,
                Optional.of(URI.create(redirectUri + separator + params)));
    }

    /** The OAuth {@code error} code. */
    public String error() {
        return error;
    }

    public Target target() {
        return target;
    }

    /** Where to send the browser ({@code 302}); present exactly when {@link #target()} is {@link Target#REDIRECT_URI}. */
    public Optional<URI> redirect() {
        return redirect;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
