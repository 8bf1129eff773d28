package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.RefreshTokenReuseException;
import dev.tobira.core.Ids;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.signin.RefreshToken;
import dev.tobira.core.signin.TokenFamily;
import dev.tobira.core.srp.SrpGroup;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.token.Authentication;
import dev.tobira.core.token.IssuedTokens;
import dev.tobira.core.token.TokenRequest;
import dev.tobira.core.token.TokenCustomization;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.token.TokenValidities;
import dev.tobira.core.token.GroupClaims;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.SignInTriggers;
import dev.tobira.core.trigger.TokenGenerationTrigger;
import dev.tobira.core.trigger.TokenGenerationTrigger.Source;
import dev.tobira.core.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens at the end of a sign-in (spec §6): ID and access tokens from the {@code TokenIssuer},
 * and an opaque refresh token, stored only as its hash, that starts a token family; refreshing keeps
 * the family's {@code origin_jti} and {@code auth_time}; a revoked family's tokens are refused.
 */
final class SignInTokens {

    static final String INVALID_REFRESH = "Invalid Refresh Token.";
    static final String REVOKED_REFRESH = "Refresh Token has been revoked";
    static final String EXPIRED_REFRESH = "Refresh Token has expired";
    static final String REVOKED_ACCESS = "Access Token has been revoked";
    static final String REUSED_REFRESH = "The refresh token has already been used.";

    private SignInTokens() {}

    /**
     * A completed sign-in of {@code user}, once the pool's PostAuthentication trigger (if any) has
     * accepted it: a new family, its refresh token and the first tokens; the
     * user's auto sign-in session, if one is open, is over.
     */
    static AuthResponse.AuthenticationResult signIn(Services services, UserPool pool, UserPoolClient client,
            User user) {
        return signIn(services, pool, client, user, Source.Authentication, Map.of());
    }

    /**
     * A completed sign-in, as {@link #signIn(Services, UserPool, UserPoolClient, User)}, with the
     * PreTokenGeneration trigger told where it happened and the request's {@code ClientMetadata}.
     */
    static AuthResponse.AuthenticationResult signIn(Services services, UserPool pool, UserPoolClient client,
            User user, Source source, Map<String, String> clientMetadata) {
        new SignInTriggers(pool.lambdaConfig(), services.triggers()).postAuthentication(
                AuthChallengeTriggers.Context.of(client.clientId(), user, clientMetadata));
        Authentication authentication = services.tokenIssuer().newAuthentication();
        IssuedTokens tokens = services.tokenIssuer().issue(tokenRequest(services, pool, client, user, authentication,
                source, clientMetadata));
        String refreshToken = newRefreshToken(services);
        Instant now = services.clock().instant();
        services.tokenStore().create(
                new TokenFamily(authentication.originJti(), pool.id(), client.clientId(), user.username(),
                        authentication.authTime(), Optional.empty()),
                new RefreshToken(hash(refreshToken), authentication.originJti(), now,
                        now.plus(TokenValidities.refreshToken(client))));
        AutoSignIn.endedBy(services, user, now);
        return new AuthResponse.AuthenticationResult(tokens.accessToken(), tokens.expiresIn(), tokens.tokenType(),
                refreshToken, tokens.idToken());
    }

    /**
     * What the issuer needs for {@code user}'s tokens at the end of a sign-in: the groups the user is in
     * now, and what the pool's PreTokenGeneration trigger changes ({@code TokenGeneration_Authentication}).
     */
    static TokenRequest tokenRequest(Services services, UserPoolClient client, User user,
            Authentication authentication) {
        UserPool pool = services.pools().find(client.userPoolId())
                .orElseThrow(() -> new IllegalStateException("No pool " + client.userPoolId()));
        return tokenRequest(services, pool, client, user, authentication, Source.Authentication, Map.of());
    }

    /**
     * What the issuer needs for {@code user}'s tokens: the groups the user is in now, and what the
     * pool's PreTokenGeneration trigger, told of {@code source}, changes (every token issue runs it).
     */
    static TokenRequest tokenRequest(Services services, UserPool pool, UserPoolClient client, User user,
            Authentication authentication, Source source, Map<String, String> clientMetadata) {
        return tokenRequest(services, pool, client, user, authentication, source, clientMetadata,
                List.of(TokenIssuer.SIGNIN_SCOPE));
    }

    /** As above, telling the trigger the access token's {@code scopes} (an OAuth 2.0 grant's). */
    static TokenRequest tokenRequest(Services services, UserPool pool, UserPoolClient client, User user,
            Authentication authentication, Source source, Map<String, String> clientMetadata, List<String> scopes) {
        TokenRequest request = new TokenRequest(client, user, authentication,
                services.groups().allGroupsOf(user.userPoolId(), user.username()));
        TokenCustomization changes = new TokenGenerationTrigger(pool.lambdaConfig(), services.triggers()).customize(
                source, AuthChallengeTriggers.Context.of(client.clientId(), user, clientMetadata),
                GroupClaims.of(request.groups()), scopes);
        return request.customized(changes);
    }

    /** REFRESH_TOKEN_AUTH: new ID and access tokens of the same family; no new refresh token. */
    static AuthResponse refresh(Services services, UserPool pool, UserPoolClient client, String refreshToken,
            String secretHash) {
        return AuthResponse.tokens(refreshed(services, pool, client, refreshToken,
                user -> AppClients.checkSecretHash(client, user.username(), secretHash), false));
    }

    /**
     * New ID and access tokens of the refresh token's family, and with {@code rotate} a new refresh
     * token that replaces the old one. A replaced token still works during the client's grace period
     * (without yielding yet another one); used later it is reuse, and the whole family is revoked.
     *
     * @param checkClient the client's proof (SECRET_HASH or ClientSecret), checked once the user is known
     */
    static AuthResponse.AuthenticationResult refreshed(Services services, UserPool pool, UserPoolClient client,
            String refreshToken, java.util.function.Consumer<User> checkClient, boolean rotate) {
        Instant now = services.clock().instant();
        RefreshToken stored = services.tokenStore().refreshToken(hash(refreshToken))
                .orElseThrow(() -> new NotAuthorizedException(INVALID_REFRESH));
        TokenFamily family = services.tokenStore().family(stored.originJti())
                .filter(f -> f.clientId().equals(client.clientId()) && f.userPoolId().equals(pool.id()))
                .orElseThrow(() -> new NotAuthorizedException(INVALID_REFRESH));
        if (family.revokedAt().isPresent()) {
            throw new NotAuthorizedException(REVOKED_REFRESH);
        }
        if (stored.expired(now)) {
            throw new NotAuthorizedException(EXPIRED_REFRESH);
        }
        User user = services.users().find(pool.id(), family.username(), true)
                .orElseThrow(() -> new NotAuthorizedException(INVALID_REFRESH));
        checkClient.accept(user);
        if (!user.enabled()) {
            throw new NotAuthorizedException("User is disabled.");
        }
        boolean replaced = stored.replacedAt().isPresent();
        if (replaced && !now.isBefore(stored.replacedAt().get().plus(gracePeriod(client)))) {
            services.tokenStore().revokeFamily(family.originJti(), now);
            throw new RefreshTokenReuseException(REUSED_REFRESH);
        }
        String next = null;
        if (rotate && !replaced) {
            next = newRefreshToken(services);
            boolean won = services.tokenStore().replace(stored.tokenHash(), new RefreshToken(hash(next),
                    family.originJti(), now, now.plus(TokenValidities.refreshToken(client))), now);
            if (!won) {
                next = null; // a racing rotation replaced it a moment ago; this call is within the grace period
            }
        }
        // The groups are read now, so a refresh shows the memberships of the moment (not of the sign-in).
        Authentication authentication = new Authentication(family.authTime(), family.originJti(),
                Ids.uuid(services.random()));
        // A family from the OAuth token endpoint keeps the scopes it was granted.
        Optional<List<String>> oauthScopes = services.authorizationCodes().scopes(family.originJti());
        IssuedTokens tokens = oauthScopes.isEmpty()
                ? services.tokenIssuer().issue(tokenRequest(services, pool, client, user, authentication,
                        Source.RefreshTokens, Map.of()))
                : services.tokenIssuer().issue(tokenRequest(services, pool, client, user, authentication,
                        Source.RefreshTokens, Map.of(), oauthScopes.get()),
                        new TokenIssuer.OAuthGrant(oauthScopes.get(), Optional.empty()));
        return new AuthResponse.AuthenticationResult(tokens.accessToken(), tokens.expiresIn(), tokens.tokenType(),
                next, tokens.idToken());
    }

    /** With rotation on, how long a replaced token keeps working (the client's RetryGracePeriodSeconds). */
    private static java.time.Duration gracePeriod(UserPoolClient client) {
        return java.time.Duration.ofSeconds(client.refreshTokenRotation() == null
                || client.refreshTokenRotation().retryGracePeriodSeconds() == null
                ? 0 : client.refreshTokenRotation().retryGracePeriodSeconds());
    }

    static boolean rotates(UserPoolClient client) {
        return client.refreshTokenRotation() != null && "ENABLED".equals(client.refreshTokenRotation().feature());
    }

    /**
     * The tokens of an OAuth 2.0 grant for a user who signed in at {@code authentication}: a new family with
     * its refresh token and its granted scopes (kept by its refreshes), and ID and access tokens carrying the
     * grant's scopes and nonce. The PreTokenGeneration trigger runs as {@code TokenGeneration_HostedAuth};
     * PostAuthentication ran when the user signed in.
     */
    static AuthResponse.AuthenticationResult oauthSignIn(Services services, UserPool pool, UserPoolClient client,
            User user, Authentication authentication, TokenIssuer.OAuthGrant grant) {
        IssuedTokens tokens = services.tokenIssuer().issue(tokenRequest(services, pool, client, user, authentication,
                Source.HostedAuth, Map.of(), grant.scopes()), grant);
        String refreshToken = newRefreshToken(services);
        Instant now = services.clock().instant();
        services.transactions().inTransaction(() -> {
            services.tokenStore().create(
                    new TokenFamily(authentication.originJti(), pool.id(), client.clientId(), user.username(),
                            authentication.authTime(), Optional.empty()),
                    new RefreshToken(hash(refreshToken), authentication.originJti(), now,
                            now.plus(TokenValidities.refreshToken(client))));
            services.authorizationCodes().saveScopes(authentication.originJti(), grant.scopes());
            return null;
        });
        return new AuthResponse.AuthenticationResult(tokens.accessToken(), tokens.expiresIn(), tokens.tokenType(),
                refreshToken, tokens.idToken());
    }

    /** 48 random bytes, behind a letter so that {@code aws … revoke-token --token VALUE} cannot mistake it for an option. */
    private static String newRefreshToken(Services services) {
        return Ids.opaque("R", 48, services.random());
    }

    /**
     * The claims of an access token that may still be used: valid ({@code TokenIssuer}), its family
     * not revoked, its user still there and enabled.
     */
    static AccessTokenClaims usableAccessToken(Services services, String accessToken) {
        AccessTokenClaims claims = services.tokenIssuer().verifyAccessToken(accessToken);
        boolean revoked = services.tokenStore().family(claims.originJti())
                .map(f -> f.revokedAt().isPresent()).orElse(true);
        if (revoked) {
            throw new NotAuthorizedException(REVOKED_ACCESS);
        }
        return claims;
    }

    /** The user an access token belongs to. */
    static User user(Services services, AccessTokenClaims claims) {
        User user = services.users().find(claims.userPoolId(), claims.username(), true)
                .orElseThrow(() -> new NotAuthorizedException("User does not exist."));
        if (!user.enabled()) {
            throw new NotAuthorizedException("User is disabled.");
        }
        return user;
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(SrpGroup.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
