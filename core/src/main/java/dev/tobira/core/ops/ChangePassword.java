package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PasswordPolicyCheck;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.user.User;
import java.util.Optional;

/**
 * A signed-in user changes their password: the previous one must be proven (counting towards the
 * lockout like any password proof), the proposed one must meet the policy.
 */
public final class ChangePassword extends ServiceOperation<ChangePassword.Request, Operation.Empty> {

    public record Request(String previousPassword, String proposedPassword, String accessToken) {}

    public ChangePassword(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        AccessTokenClaims claims = SignInTokens.usableAccessToken(services, r.accessToken());
        User user = SignInTokens.user(services, claims);
        UserPool pool = Pools.pool(services, claims.userPoolId());
        boolean proven = r.previousPassword() != null && PasswordSignIn.matches(pool, user, r.previousPassword());
        PasswordSignIn.prove(services, pool, user, proven);
        PasswordPolicyCheck.check(pool.policies().passwordPolicy(), r.proposedPassword());
        Pools.save(services, user.withPassword(Verifiers.create(pool.srpPoolName(), user.username(),
                r.proposedPassword(), services.random()), Optional.empty(), user.status(), services.clock().instant()));
        return new Empty();
    }
}
