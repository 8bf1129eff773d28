package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.util.List;

/** The signed-in user, by access token (spec §6.6). */
public final class GetUser extends ServiceOperation<GetUser.Request, GetUser.Response> {

    public record Request(String accessToken) {}

    public record Response(String username, List<Attribute> userAttributes) {}

    public GetUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        AccessTokenClaims claims = SignInTokens.usableAccessToken(services, r.accessToken());
        User user = SignInTokens.user(services, claims);
        return new Response(user.username(), user.attributes());
    }
}
