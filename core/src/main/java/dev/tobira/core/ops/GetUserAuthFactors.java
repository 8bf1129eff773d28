package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.user.User;
import java.util.List;

/**
 * The signed-in user's first factors for USER_AUTH, by access token: the choices InitiateAuth would
 * list in {@code AvailableChallenges}, as {@code AuthFactorType}s ({@code PASSWORD} covering both
 * password challenges). Tobira has no MFA, so no MFA settings are listed.
 */
public final class GetUserAuthFactors extends ServiceOperation<GetUserAuthFactors.Request, GetUserAuthFactors.Response> {

    public record Request(String accessToken) {}

    public record Response(String username, String preferredMfaSetting, List<String> userMFASettingList,
            List<String> configuredUserAuthFactors) {}

    public GetUserAuthFactors(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        AccessTokenClaims claims = SignInTokens.usableAccessToken(services, r.accessToken());
        User user = SignInTokens.user(services, claims);
        UserPool pool = Pools.pool(services, claims.userPoolId());
        List<String> factors = ChoiceSignIn.availableChallenges(services, pool, user).stream()
                .filter(c -> !c.equals("PASSWORD_SRP"))
                .toList();
        return new Response(user.username(), null, null, factors);
    }
}
