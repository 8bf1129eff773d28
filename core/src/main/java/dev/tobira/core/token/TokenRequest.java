package dev.tobira.core.token;

import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.User;
import java.util.Objects;

/**
 * What {@link TokenIssuer#issue} needs: an ID and an access token for {@code user}, through
 * {@code client} (its validities and read attributes), under {@code authentication}.
 *
 * @param user a user of the client's pool, as stored now (the ID token shows its current attributes)
 */
public record TokenRequest(UserPoolClient client, User user, Authentication authentication) {

    public TokenRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authentication, "authentication");
        if (!client.userPoolId().equals(user.userPoolId())) {
            throw new IllegalArgumentException("user of pool " + user.userPoolId() + " cannot get tokens from a "
                    + "client of pool " + client.userPoolId());
        }
    }
}
