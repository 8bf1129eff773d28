package dev.tobira.core.oauth;

/**
 * An error of an OAuth 2.0 endpoint (RFC 6749 §5.2), answered as Cognito does: HTTP 400 and
 * {@code {"error":"<code>"}}, with no description.
 */
public final class OAuthError extends RuntimeException {

    /** The {@code error} codes Cognito's token endpoint answers. */
    public enum Code {
        INVALID_REQUEST, INVALID_CLIENT, INVALID_GRANT, UNAUTHORIZED_CLIENT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE;

        /** The code as it appears on the wire, e.g. {@code invalid_client}. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Code code;

    /** @param why for logs in dev mode only: never shown to the client, as Cognito shows nothing either */
    public OAuthError(Code code, String why) {
        super(why, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
