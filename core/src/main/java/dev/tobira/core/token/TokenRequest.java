package dev.tobira.core.token;

import dev.tobira.core.group.Group;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.User;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TokenIssuer#issue} needs: an ID and an access token for {@code user}, through
 * {@code client} (its validities and read attributes), under {@code authentication}.
 *
 * @param user a user of the client's pool, as stored now (the ID token shows its current attributes)
 * @param groups the groups the user is a member of now, in any order (the tokens' {@code cognito:groups},
 *     {@code cognito:roles} and {@code cognito:preferred_role} come from them)
 * @param customization what the pool's PreTokenGeneration trigger changes, {@link TokenCustomization#NONE}
 *     when it has none
 */
public record TokenRequest(UserPoolClient client, User user, Authentication authentication, List<Group> groups,
        TokenCustomization customization) {

    public TokenRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authentication, "authentication");
        groups = List.copyOf(groups);
        Objects.requireNonNull(customization, "customization");
        if (!client.userPoolId().equals(user.userPoolId())) {
            throw new IllegalArgumentException("user of pool " + user.userPoolId() + " cannot get tokens from a "
                    + "client of pool " + client.userPoolId());
        }
    }

    /** Tokens as the issuer makes them, with no trigger's changes. */
    public TokenRequest(UserPoolClient client, User user, Authentication authentication, List<Group> groups) {
        this(client, user, authentication, groups, TokenCustomization.NONE);
    }

    /** Tokens for a user who is in no group. */
    public TokenRequest(UserPoolClient client, User user, Authentication authentication) {
        this(client, user, authentication, List.of());
    }

    /** This request with a trigger's changes. */
    public TokenRequest customized(TokenCustomization changes) {
        return new TokenRequest(client, user, authentication, groups, changes);
    }
}
