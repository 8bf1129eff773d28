package dev.tobira.core.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a PreTokenGeneration trigger asked to change in a user's tokens (its response's
 * {@code claimsOverrideDetails} in V1_0, {@code claimsAndScopeOverrideDetails} in V2_0 and V3_0).
 *
 * <p>Claim values are JSON-shaped ({@code String}, {@code Number}, {@code Boolean}, {@code List},
 * {@code Map}); V1_0 values are strings. A claim both added and suppressed is suppressed (AWS: "If a value
 * is both suppressed and replaced, then it will be suppressed"). Claims Cognito lets no trigger change
 * ({@link #PROTECTED}) are left as the issuer makes them whatever a function asks.
 *
 * @param idClaimsToAdd claims to add to or override in the ID token
 * @param idClaimsToSuppress claims to leave out of the ID token
 * @param accessClaimsToAdd claims to add to or override in the access token (V2_0 and later)
 * @param accessClaimsToSuppress claims to leave out of the access token (V2_0 and later)
 * @param scopesToAdd scopes added to the access token's {@code scope}
 * @param scopesToSuppress scopes taken out of the access token's {@code scope}
 * @param groupOverride replaces {@code cognito:groups} (both tokens), {@code cognito:roles} and
 *     {@code cognito:preferred_role}; empty keeps the user's groups
 */
public record TokenCustomization(
        Map<String, Object> idClaimsToAdd,
        List<String> idClaimsToSuppress,
        Map<String, Object> accessClaimsToAdd,
        List<String> accessClaimsToSuppress,
        List<String> scopesToAdd,
        List<String> scopesToSuppress,
        Optional<GroupClaims> groupOverride) {

    /**
     * Claims no function may add, override or suppress. The ID token's list is AWS's ("You can not
     * modify the following claims", Pre token generation Lambda trigger); the access token's adds what
     * identifies it and its client ({@code client_id}, {@code event_id}, {@code username}, and
     * {@code scope}, which changes only through scopesToAdd/scopesToSuppress). The group claims change
     * only through {@code groupOverrideDetails}.
     */
    public static final Set<String> PROTECTED = Set.of("acr", "amr", "aud", "at_hash", "auth_time", "azp",
            "cognito:username", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub",
            "token_use", "client_id", "event_id", "username", "scope", "cognito:groups", "cognito:roles",
            "cognito:preferred_role");

    /** No change: the tokens as the issuer makes them. */
    public static final TokenCustomization NONE = new TokenCustomization(Map.of(), List.of(), Map.of(), List.of(),
            List.of(), List.of(), Optional.empty());

    public TokenCustomization {
        // Map.copyOf refuses nulls; a function's null claim value means nothing to add.
        idClaimsToAdd = Map.copyOf(withoutNulls(idClaimsToAdd));
        accessClaimsToAdd = Map.copyOf(withoutNulls(accessClaimsToAdd));
        idClaimsToSuppress = List.copyOf(idClaimsToSuppress);
        accessClaimsToSuppress = List.copyOf(accessClaimsToSuppress);
        scopesToAdd = List.copyOf(scopesToAdd);
        scopesToSuppress = List.copyOf(scopesToSuppress);
        Objects.requireNonNull(groupOverride, "groupOverride");
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        claims.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
