package dev.tobira.core;

import dev.tobira.core.pool.StandardAttributes;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.*;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.PasswordVerifier;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ready-made values for tests. */
public final class Fixtures {

    private Fixtures() {}

    public static UserPool pool(String id, Instant created) {
        return new UserPool(id, "pool-" + id, "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + id,
                new Policies(PasswordPolicy.DEFAULT, SignInPolicy.DEFAULT), "INACTIVE", LambdaConfig.NONE, null,
                created, created, StandardAttributes.schema(List.of()), List.of("email"), List.of(), List.of("email"),
                null, null, null, new VerificationMessageTemplate(null, null, null, null, null, "CONFIRM_WITH_CODE"),
                null, null, "OFF", null, new EmailConfiguration(null, null, "COGNITO_DEFAULT", null, null), null,
                Map.of("team", "auth"), new AdminCreateUserConfig(false, 7, null), null,
                new UsernameConfiguration(false), null, "ESSENTIALS", new EmailMfaConfig("Code {####}", "Your code"), null, null);
    }

    public static UserPoolClient client(String poolId, String clientId, Instant created) {
        return new UserPoolClient(poolId, "client-" + clientId, clientId, null, created, created, 30, 60, 60,
                new UserPoolClient.TokenValidityUnits("minutes", "minutes", "days"), List.of(), List.of(),
                UserPoolClient.DEFAULT_EXPLICIT_AUTH_FLOWS, List.of(), List.of(), List.of(), null, List.of(),
                List.of(), false, "ENABLED", true, false, 3, null);
    }

    public static User user(String poolId, String username, String email, Instant created) {
        return new User(poolId, username,
                List.of(new Attribute("sub", "sub-" + username), new Attribute("email", email),
                        new Attribute("email_verified", "true")),
                UserStatus.CONFIRMED, true, created, created,
                Optional.of(new PasswordVerifier("8ce8291892390f6b53a245933faf6164", "abc123")), Optional.empty());
    }
}
