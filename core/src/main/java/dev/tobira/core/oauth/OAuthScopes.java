package dev.tobira.core.oauth;

import dev.tobira.core.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The OAuth 2.0 scopes a pool knows: Cognito's standard ones and its resource servers' custom ones. */
public final class OAuthScopes {

    /** Scopes every pool has, without a resource server. */
    public static final Set<String> STANDARD =
            Set.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin");

    private OAuthScopes() {}

    /** Every custom scope of the pool's resource servers, {@code identifier/scopeName}, in identifier order. */
    public static List<String> custom(ResourceServerStore servers, String userPoolId) {
        List<String> scopes = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<ResourceServer> page = servers.list(userPoolId, 50, after);
            page.items().forEach(s -> scopes.addAll(s.scopeNames()));
            after = page.nextToken();
        } while (after.isPresent());
        return List.copyOf(scopes);
    }

    /** Whether {@code scope} is a custom scope: one with a resource server's identifier before the last {@code /}. */
    public static boolean isCustom(String scope) {
        return !STANDARD.contains(scope);
    }
}
