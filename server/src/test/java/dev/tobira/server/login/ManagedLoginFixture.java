package dev.tobira.server.login;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** The dev pool with a domain, an OAuth client and users, made through the admin API, for the managed-login tests. */
public final class ManagedLoginFixture {

    public static final String PASSWORD = "Correct-Horse-9";
    public static final String POOL = DevPool.poolId("us-east-1");

    private ManagedLoginFixture() {}

    /**
     * Gives the dev pool the domain {@code domain} and makes a confidential client for the code flow with
     * scopes {@code openid email}, both designs' auth flows, and the given callback and sign-out URLs.
     */
    public static UserPoolClientType domainAndClient(RunningTobira tobira, String domain, String callback,
            List<String> logoutUrls) {
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            cognito.createUserPoolDomain(b -> b.userPoolId(POOL).domain(domain));
            return cognito.createUserPoolClient(b -> b.userPoolId(POOL).clientName(domain).generateSecret(true)
                    .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_AUTH",
                            "ALLOW_REFRESH_TOKEN_AUTH")
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "email").supportedIdentityProviders("COGNITO")
                    .callbackURLs(callback).logoutURLs(logoutUrls)).userPoolClient();
        }
    }

    /** A new confirmed user of the dev pool with a verified email and {@link #PASSWORD}; returns the email. */
    public static String confirmedUser(RunningTobira tobira, String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            cognito.adminCreateUser(b -> b.userPoolId(POOL).username(email).messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder().name("email_verified").value("true").build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(POOL).username(email).password(PASSWORD).permanent(true));
        }
        return email;
    }
}
