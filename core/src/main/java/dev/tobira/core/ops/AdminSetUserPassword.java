package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PasswordPolicyCheck;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sets a user's password: permanent ({@code CONFIRMED}) or temporary ({@code FORCE_CHANGE_PASSWORD},
 * valid for the policy's temporary-password days). Only the SRP verifier is stored.
 */
public final class AdminSetUserPassword extends ServiceOperation<AdminSetUserPassword.Request, Operation.Empty> {

    public record Request(String userPoolId, String username, String password, Boolean permanent) {}

    public AdminSetUserPassword(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        PasswordPolicyCheck.check(pool.policies().passwordPolicy(), r.password());
        Instant now = services.clock().instant();
        boolean permanent = Boolean.TRUE.equals(r.permanent());
        var verifier = Verifiers.create(pool.srpPoolName(), user.username(), r.password(), services.random());
        User updated = permanent
                ? user.withPassword(verifier, Optional.empty(), UserStatus.CONFIRMED, now)
                : user.withPassword(verifier,
                        Optional.of(now.plus(Duration.ofDays(
                                pool.policies().passwordPolicy().temporaryPasswordValidityDays()))),
                        UserStatus.FORCE_CHANGE_PASSWORD, now);
        Pools.save(services, updated);
        return new Empty();
    }
}
