package dev.tobira.server.auth;

import java.util.Objects;

/**
 * A request failed SigV4 authentication. {@link #errorType()} is the {@code __type} the API answers
 * with (short form, as Cognito writes it) and {@link #getMessage()} the text AWS gives for the same
 * failure. Both are safe to send to the caller: they never contain a secret key, and they echo only
 * what the caller itself sent (its Authorization header, credential scope or date).
 *
 * <p>Expected control flow, so it carries no stack trace.
 */
public final class SigV4Exception extends Exception {

    /** No SigV4 {@code Authorization} header at all (or one that is not {@code AWS4-…}). */
    public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationTokenException";
    /** The {@code Authorization} header is malformed or incomplete, or the date is unreadable. */
    public static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
    /** The signature, its scope, its signed headers or its time do not check out. */
    public static final String INVALID_SIGNATURE = "InvalidSignatureException";
    /** The access key id is not one this server knows. */
    public static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";

    private final String errorType;

    SigV4Exception(String errorType, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    /** The AWS error type, one of this class's constants. */
    public String errorType() {
        return errorType;
    }
}
