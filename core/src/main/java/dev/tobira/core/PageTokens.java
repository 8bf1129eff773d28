package dev.tobira.core;

import dev.tobira.core.CognitoException.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Pagination tokens as clients see them: a store's cursor, base64url-encoded so that it is opaque and
 * fits the model's token patterns. Stores encode their cursors with this and decode what comes back.
 */
public final class PageTokens {

    private PageTokens() {}

    public static String encode(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidParameterException when the token is not one a store made
     */
    public static Optional<String> decode(Optional<String> token) {
        try {
            return token.map(t -> new String(Base64.getUrlDecoder().decode(t), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("Invalid pagination token.");
        }
    }
}
