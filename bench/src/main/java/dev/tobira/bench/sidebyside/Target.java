package dev.tobira.bench.sidebyside;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * One system under load with the benchmark's pool and app client on it, made through the Cognito API
 * the same way on every system. On Tobira the pool also has the built-in {@code tobira-email-otp}
 * triggers and allows {@code EMAIL_OTP} sign-in, for the Tobira-only flows.
 */
record Target(String system, SystemProcess process, CognitoIdentityProviderClient cognito, String poolId,
        String clientId, boolean tobira, List<String> sample) {

    Target {
        sample = List.copyOf(sample);
    }

    static final String PASSWORD = "Bench-Passw0rd!";
    private static final String EMAIL_OTP_TRIGGER = "arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp";

    /** Creates the pool and client on {@code process} through {@code cognito}. */
    static Target create(String system, SystemProcess process, CognitoIdentityProviderClient cognito, boolean tobira) {
        String poolId = cognito.createUserPool(b -> {
            b.poolName("side-by-side").autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
            if (tobira) {
                b.lambdaConfig(l -> l.defineAuthChallenge(EMAIL_OTP_TRIGGER).createAuthChallenge(EMAIL_OTP_TRIGGER)
                                .verifyAuthChallengeResponse(EMAIL_OTP_TRIGGER))
                        .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD,
                                AuthFactorType.EMAIL_OTP)));
            }
        }).userPool().id();
        List<ExplicitAuthFlowsType> flows = new ArrayList<>(List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        if (tobira) {
            flows.addAll(List.of(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                    ExplicitAuthFlowsType.ALLOW_USER_AUTH));
        }
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("side-by-side")
                .generateSecret(false).explicitAuthFlows(flows)).userPoolClient().clientId();
        return new Target(system, process, cognito, poolId, clientId, tobira, List.of());
    }

    /**
     * This target with {@code sample}: the users the password and ListUsers flows then name, shared out
     * among the connections, instead of users of their own.
     */
    Target withSample(List<String> sample) {
        return new Target(system, process, cognito, poolId, clientId, tobira, sample);
    }

    /** A confirmed user named and addressed {@code email}, with a verified email and the permanent {@link #PASSWORD}. */
    String createUser(String email) {
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(email).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value(email), a -> a.name("email_verified").value("true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(email).password(PASSWORD).permanent(true));
        return email;
    }

    String endpoint() {
        return process.endpoint();
    }
}
