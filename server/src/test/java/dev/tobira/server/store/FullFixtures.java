package dev.tobira.server.store;

import dev.tobira.core.Fixtures;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.*;
import dev.tobira.core.pool.UserPoolClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Core's {@link Fixtures} with every nested setting filled in, so a round trip has nothing to skip. */
final class FullFixtures {

    private FullFixtures() {}

    static UserPool pool(String id, Instant created) {
        UserPool base = Fixtures.pool(id, created);
        List<SchemaAttribute> schema = new ArrayList<>(base.schemaAttributes());
        schema.add(new SchemaAttribute("custom:team", "String", false, true, false, null,
                new StringAttributeConstraints("1", "64")));
        schema.add(new SchemaAttribute("custom:level", "Number", true, false, false,
                new NumberAttributeConstraints("0", "99"), null));
        LambdaVersionConfig v1 = new LambdaVersionConfig("V1_0", "arn:aws:lambda:us-east-1:000000000000:function:s");
        return new UserPool(id, "full-pool \"ünïcødé\" ✓", base.arn(),
                new Policies(new PasswordPolicy(12, true, false, true, false, 5, 3),
                        new SignInPolicy(List.of("PASSWORD", "EMAIL_OTP"))),
                "ACTIVE",
                new LambdaConfig(fn("pre-sign-up"), fn("custom-message"), fn("post-confirmation"),
                        fn("pre-auth"), fn("post-auth"), fn("tobira-email-otp"), fn("tobira-email-otp"),
                        fn("tobira-email-otp"), fn("pre-token"), fn("migrate"),
                        new LambdaVersionConfig("V2_0", fn("pre-token-v2")), v1, v1,
                        "arn:aws:kms:us-east-1:000000000000:key/1234"),
                "Enabled",
                created.plusMillis(1),
                created,
                schema,
                List.of("email", "phone_number"),
                List.of("preferred_username"),
                List.of(),
                "SMS code {####}",
                "Email code {####}",
                "Your code",
                new VerificationMessageTemplate("SMS {####}", "Email {####}", "Subject", "Click {##here##}",
                        "Link subject", "CONFIRM_WITH_LINK"),
                "Sign-in code {####}",
                new UserAttributeUpdateSettings(List.of("email")),
                "OPTIONAL",
                new DeviceConfiguration(true, false),
                new EmailConfiguration("arn:aws:ses:us-east-1:000000000000:identity/example.com",
                        "reply@example.com", "DEVELOPER", "Tobira <no-reply@example.com>", "tobira-set"),
                new SmsConfiguration("arn:aws:iam::000000000000:role/sns", "external-id", "us-east-1"),
                Map.of("team", "auth", "env", "test", "quote\"key", "line\nbreak"),
                new AdminCreateUserConfig(true, 3, new MessageTemplate("Invite {username} {####}",
                        "<p>Invite {username} {####}</p>", "Welcome")),
                new UserPoolAddOns("ENFORCED"),
                new UsernameConfiguration(true),
                new AccountRecoverySetting(List.of(new RecoveryOption(1, "verified_email"),
                        new RecoveryOption(2, "verified_phone_number"))),
                "PLUS",
                new EmailMfaConfig("Code {####}", "Your code"), null, null);
    }

    static UserPoolClient client(String poolId, String clientId, Instant created) {
        return new UserPoolClient(poolId, "full-client", clientId, "s3cr3t-" + clientId, created.plusSeconds(1),
                created, 30, 60, 45, new UserPoolClient.TokenValidityUnits("minutes", "minutes", "days"),
                List.of("email", "custom:team"), List.of("email"),
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), List.of("COGNITO"),
                List.of("https://app.example.com/callback"), List.of("https://app.example.com/bye"),
                "https://app.example.com/callback", List.of("code"), List.of("openid", "email"), true, "ENABLED",
                true, true, 5, new UserPoolClient.RefreshTokenRotation("ENABLED", 30));
    }

    private static String fn(String name) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + name;
    }
}
