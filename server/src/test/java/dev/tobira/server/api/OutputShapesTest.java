package dev.tobira.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Operations;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.api.model.ServiceModel;
import dev.tobira.server.interop.DevOutbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part 6 of issue 12, the "no member Cognito does not send" half: every operation Tobira implements
 * is called through the running server with realistic input, and its raw JSON answer is checked against
 * the service model's output shape, recursively ({@link ServiceModel#outputViolations}). A member the
 * model lacks is one Cognito never sends; timestamps must be epoch seconds; enums within the model.
 */
class OutputShapesTest {

    /**
     * Operations whose success needs a real authenticator's attestation or a registered passkey; their
     * output is {@code {}} ({@code Operation.Empty}), and SdkV2PasskeysTest drives them with a real
     * WebAuthn client.
     */
    private static final Set<String> NOT_DRIVEN_HERE = Set.of("CompleteWebAuthnRegistration", "DeleteWebAuthnCredential");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ServiceModel MODEL = ServiceModel.load();

    private static RunningTobira tobira;
    private final Map<String, List<String>> violations = new LinkedHashMap<>();
    private final Set<String> called = new TreeSet<>();

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    @Test
    void everyImplementedOperationWhenCalledThenAnswerFitsTheModelsOutputShape() {
        JsonNode pool = call("CreateUserPool", """
                {"PoolName":"shapes","AutoVerifiedAttributes":["email"],"AliasAttributes":["email"],
                 "Policies":{"PasswordPolicy":{"MinimumLength":8,"RequireUppercase":false,"RequireLowercase":false,
                   "RequireNumbers":false,"RequireSymbols":false,"TemporaryPasswordValidityDays":7},
                   "SignInPolicy":{"AllowedFirstAuthFactors":["PASSWORD","EMAIL_OTP","WEB_AUTHN"]}},
                 "UserPoolTier":"ESSENTIALS",
                 "Schema":[{"Name":"team","AttributeDataType":"String","Mutable":true}],
                 "UserPoolTags":{"env":"test"},"DeletionProtection":"INACTIVE"}""").get("UserPool");
        String poolId = pool.get("Id").asString();
        String arn = pool.get("Arn").asString();
        call("DescribeUserPool", "{\"UserPoolId\":\"%s\"}".formatted(poolId));
        // aws-cli's list-user-pools example: each pool with Id, Name, LambdaConfig ({} when none), both dates.
        assertAlwaysSent(call("ListUserPools", "{\"MaxResults\":10}").get("UserPools").get(0),
                "Id", "Name", "LambdaConfig", "CreationDate", "LastModifiedDate");
        call("UpdateUserPool", """
                {"UserPoolId":"%s","AutoVerifiedAttributes":["email"],"UserPoolTags":{"env":"test"},
                 "Policies":{"SignInPolicy":{"AllowedFirstAuthFactors":["PASSWORD","EMAIL_OTP","WEB_AUTHN"]}}}""".formatted(poolId));
        call("SetUserPoolMfaConfig", """
                {"UserPoolId":"%s","MfaConfiguration":"OFF",
                 "WebAuthnConfiguration":{"RelyingPartyId":"localhost","UserVerification":"preferred"}}""".formatted(poolId));
        call("GetUserPoolMfaConfig", "{\"UserPoolId\":\"%s\"}".formatted(poolId));
        call("TagResource", "{\"ResourceArn\":\"%s\",\"Tags\":{\"team\":\"a\"}}".formatted(arn));
        call("ListTagsForResource", "{\"ResourceArn\":\"%s\"}".formatted(arn));
        call("UntagResource", "{\"ResourceArn\":\"%s\",\"TagKeys\":[\"team\"]}".formatted(arn));

        call("CreateResourceServer", """
                {"UserPoolId":"%s","Identifier":"https://api.example.com","Name":"api",
                 "Scopes":[{"ScopeName":"read","ScopeDescription":"read"}]}""".formatted(poolId));
        call("DescribeResourceServer", "{\"UserPoolId\":\"%s\",\"Identifier\":\"https://api.example.com\"}"
                .formatted(poolId));
        call("ListResourceServers", "{\"UserPoolId\":\"%s\",\"MaxResults\":10}".formatted(poolId));
        call("UpdateResourceServer", """
                {"UserPoolId":"%s","Identifier":"https://api.example.com","Name":"api2",
                 "Scopes":[{"ScopeName":"read","ScopeDescription":"read"}]}""".formatted(poolId));
        call("CreateUserPoolDomain", "{\"UserPoolId\":\"%s\",\"Domain\":\"shapes-test\"}".formatted(poolId));
        call("DescribeUserPoolDomain", "{\"Domain\":\"shapes-test\"}");
        call("UpdateUserPoolDomain", "{\"UserPoolId\":\"%s\",\"Domain\":\"shapes-test\",\"ManagedLoginVersion\":2}"
                .formatted(poolId));

        String clientId = call("CreateUserPoolClient", """
                {"UserPoolId":"%s","ClientName":"app","ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH",
                 "ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_USER_AUTH"],
                 "AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["code"],"AllowedOAuthScopes":["openid","email"],
                 "CallbackURLs":["https://app.example.com/cb"],"SupportedIdentityProviders":["COGNITO"],
                 "EnableTokenRevocation":true}""".formatted(poolId)).get("UserPoolClient").get("ClientId").asString();
        call("DescribeUserPoolClient", "{\"UserPoolId\":\"%s\",\"ClientId\":\"%s\"}".formatted(poolId, clientId));
        call("ListUserPoolClients", "{\"UserPoolId\":\"%s\",\"MaxResults\":10}".formatted(poolId));
        call("UpdateUserPoolClient", """
                {"UserPoolId":"%s","ClientId":"%s","ClientName":"app","ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH",
                 "ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_USER_AUTH"],
                 "EnableTokenRevocation":true,"RefreshTokenRotation":{"Feature":"DISABLED"}}"""
                .formatted(poolId, clientId));

        call("CreateGroup", "{\"UserPoolId\":\"%s\",\"GroupName\":\"admins\",\"Description\":\"d\",\"Precedence\":1}"
                .formatted(poolId));
        // A group as GroupType holds it: what it was created with (RoleArn only when set), and both dates.
        assertAlwaysSent(call("GetGroup", "{\"UserPoolId\":\"%s\",\"GroupName\":\"admins\"}".formatted(poolId))
                .get("Group"), "GroupName", "UserPoolId", "Description", "Precedence", "CreationDate", "LastModifiedDate");
        call("ListGroups", "{\"UserPoolId\":\"%s\"}".formatted(poolId));
        call("UpdateGroup", "{\"UserPoolId\":\"%s\",\"GroupName\":\"admins\",\"Description\":\"e\"}".formatted(poolId));

        // An administrator's user, first sign-in answers NEW_PASSWORD_REQUIRED.
        call("AdminCreateUser", """
                {"UserPoolId":"%s","Username":"alice","TemporaryPassword":"Temp-pass-1","MessageAction":"SUPPRESS",
                 "UserAttributes":[{"Name":"email","Value":"alice@shapes.test"},{"Name":"email_verified","Value":"true"},
                 {"Name":"custom:team","Value":"x"}]}""".formatted(poolId));
        // aws-cli's admin-get-user example (a user without MFA): these six; the MFA members only when set.
        assertAlwaysSent(call("AdminGetUser", "{\"UserPoolId\":\"%s\",\"Username\":\"alice\"}".formatted(poolId)),
                "Username", "UserAttributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus");
        assertAlwaysSent(call("ListUsers", "{\"UserPoolId\":\"%s\"}".formatted(poolId)).get("Users").get(0),
                "Username", "Attributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus");
        call("AdminAddUserToGroup", "{\"UserPoolId\":\"%s\",\"Username\":\"alice\",\"GroupName\":\"admins\"}"
                .formatted(poolId));
        call("AdminListGroupsForUser", "{\"UserPoolId\":\"%s\",\"Username\":\"alice\"}".formatted(poolId));
        call("ListUsersInGroup", "{\"UserPoolId\":\"%s\",\"GroupName\":\"admins\"}".formatted(poolId));
        JsonNode challenge = call("InitiateAuth", """
                {"ClientId":"%s","AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"alice","PASSWORD":"Temp-pass-1"}}"""
                .formatted(clientId));
        assertThat(challenge.get("ChallengeName").asString()).isEqualTo("NEW_PASSWORD_REQUIRED");
        JsonNode answered = call("RespondToAuthChallenge", """
                {"ClientId":"%s","ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"%s",
                 "ChallengeResponses":{"USERNAME":"alice","NEW_PASSWORD":"Alice-pass-1"}}"""
                .formatted(clientId, challenge.get("Session").asString()));
        // Cognito answers tokens with an empty ChallengeParameters beside AuthenticationResult (aws-cli's
        // initiate-auth example).
        assertAlwaysSent(answered, "ChallengeParameters", "AuthenticationResult");
        JsonNode tokens = answered.get("AuthenticationResult");
        assertAlwaysSent(tokens, "AccessToken", "ExpiresIn", "TokenType", "RefreshToken", "IdToken");
        String access = tokens.get("AccessToken").asString();
        String refresh = tokens.get("RefreshToken").asString();
        call("InitiateAuth", """
                {"ClientId":"%s","AuthFlow":"REFRESH_TOKEN_AUTH","AuthParameters":{"REFRESH_TOKEN":"%s"}}"""
                .formatted(clientId, refresh));
        call("GetTokensFromRefreshToken", "{\"ClientId\":\"%s\",\"RefreshToken\":\"%s\"}".formatted(clientId, refresh));
        call("GetUser", "{\"AccessToken\":\"%s\"}".formatted(access));
        call("GetUserAuthFactors", "{\"AccessToken\":\"%s\"}".formatted(access));
        call("UpdateUserAttributes", """
                {"AccessToken":"%s","UserAttributes":[{"Name":"email","Value":"alice2@shapes.test"}]}"""
                .formatted(access));
        call("VerifyUserAttribute", "{\"AccessToken\":\"%s\",\"AttributeName\":\"email\",\"Code\":\"%s\"}"
                .formatted(access, DevOutbox.latestCode(tobira.endpoint(), "alice2@shapes.test", 6)));
        call("GetUserAttributeVerificationCode", "{\"AccessToken\":\"%s\",\"AttributeName\":\"email\"}"
                .formatted(access));
        call("DeleteUserAttributes", "{\"AccessToken\":\"%s\",\"UserAttributeNames\":[\"custom:team\"]}".formatted(access));
        call("ChangePassword", "{\"AccessToken\":\"%s\",\"PreviousPassword\":\"Alice-pass-1\",\"ProposedPassword\":\"Alice-pass-2\"}"
                .formatted(access));
        call("StartWebAuthnRegistration", "{\"AccessToken\":\"%s\"}".formatted(access));
        call("ListWebAuthnCredentials", "{\"AccessToken\":\"%s\"}".formatted(access));
        call("RevokeToken", "{\"ClientId\":\"%s\",\"Token\":\"%s\"}".formatted(clientId, refresh));
        call("ForgotPassword", "{\"ClientId\":\"%s\",\"Username\":\"alice\"}".formatted(clientId));
        call("ConfirmForgotPassword", """
                {"ClientId":"%s","Username":"alice","ConfirmationCode":"%s","Password":"Alice-pass-3"}"""
                .formatted(clientId, DevOutbox.latestCode(tobira.endpoint(), "alice2@shapes.test", 6)));
        JsonNode adminTokens = call("AdminInitiateAuth", """
                {"UserPoolId":"%s","ClientId":"%s","AuthFlow":"ADMIN_USER_PASSWORD_AUTH",
                 "AuthParameters":{"USERNAME":"alice","PASSWORD":"Alice-pass-3"}}""".formatted(poolId, clientId));
        call("GlobalSignOut", "{\"AccessToken\":\"%s\"}"
                .formatted(adminTokens.get("AuthenticationResult").get("AccessToken").asString()));

        call("AdminCreateUser", """
                {"UserPoolId":"%s","Username":"bob","TemporaryPassword":"Temp-pass-2",
                 "UserAttributes":[{"Name":"email","Value":"bob@shapes.test"},{"Name":"email_verified","Value":"true"}]}"""
                .formatted(poolId));
        JsonNode bobChallenge = call("AdminInitiateAuth", """
                {"UserPoolId":"%s","ClientId":"%s","AuthFlow":"ADMIN_USER_PASSWORD_AUTH",
                 "AuthParameters":{"USERNAME":"bob","PASSWORD":"Temp-pass-2"}}""".formatted(poolId, clientId));
        call("AdminRespondToAuthChallenge", """
                {"UserPoolId":"%s","ClientId":"%s","ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"%s",
                 "ChallengeResponses":{"USERNAME":"bob","NEW_PASSWORD":"Bob-pass-1"}}"""
                .formatted(poolId, clientId, bobChallenge.get("Session").asString()));
        call("AdminUpdateUserAttributes", """
                {"UserPoolId":"%s","Username":"bob","UserAttributes":[{"Name":"custom:team","Value":"y"}]}"""
                .formatted(poolId));
        call("AdminDeleteUserAttributes", "{\"UserPoolId\":\"%s\",\"Username\":\"bob\",\"UserAttributeNames\":[\"custom:team\"]}"
                .formatted(poolId));
        call("AdminDisableUser", "{\"UserPoolId\":\"%s\",\"Username\":\"bob\"}".formatted(poolId));
        call("AdminEnableUser", "{\"UserPoolId\":\"%s\",\"Username\":\"bob\"}".formatted(poolId));
        call("AdminSetUserPassword", "{\"UserPoolId\":\"%s\",\"Username\":\"bob\",\"Password\":\"Bob-pass-2\",\"Permanent\":true}"
                .formatted(poolId));
        call("AdminResetUserPassword", "{\"UserPoolId\":\"%s\",\"Username\":\"bob\"}".formatted(poolId));
        call("AdminUserGlobalSignOut", "{\"UserPoolId\":\"%s\",\"Username\":\"bob\"}".formatted(poolId));

        call("SignUp", """
                {"ClientId":"%s","Username":"carol","Password":"Carol-pass-1",
                 "UserAttributes":[{"Name":"email","Value":"carol@shapes.test"}]}""".formatted(clientId));
        call("ResendConfirmationCode", "{\"ClientId\":\"%s\",\"Username\":\"carol\"}".formatted(clientId));
        call("ConfirmSignUp", "{\"ClientId\":\"%s\",\"Username\":\"carol\",\"ConfirmationCode\":\"%s\"}"
                .formatted(clientId, DevOutbox.latestCode(tobira.endpoint(), "carol@shapes.test", 6)));
        call("SignUp", """
                {"ClientId":"%s","Username":"dave","Password":"Dave-pass-1",
                 "UserAttributes":[{"Name":"email","Value":"dave@shapes.test"}]}""".formatted(clientId));
        call("AdminConfirmSignUp", "{\"UserPoolId\":\"%s\",\"Username\":\"dave\"}".formatted(poolId));
        String carolAccess = call("InitiateAuth", """
                {"ClientId":"%s","AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"carol","PASSWORD":"Carol-pass-1"}}"""
                .formatted(clientId)).get("AuthenticationResult").get("AccessToken").asString();
        call("DeleteUser", "{\"AccessToken\":\"%s\"}".formatted(carolAccess));

        call("AdminRemoveUserFromGroup", "{\"UserPoolId\":\"%s\",\"Username\":\"alice\",\"GroupName\":\"admins\"}"
                .formatted(poolId));
        call("DeleteGroup", "{\"UserPoolId\":\"%s\",\"GroupName\":\"admins\"}".formatted(poolId));
        call("AdminDeleteUser", "{\"UserPoolId\":\"%s\",\"Username\":\"dave\"}".formatted(poolId));
        call("DeleteResourceServer", "{\"UserPoolId\":\"%s\",\"Identifier\":\"https://api.example.com\"}".formatted(poolId));
        call("DeleteUserPoolDomain", "{\"UserPoolId\":\"%s\",\"Domain\":\"shapes-test\"}".formatted(poolId));
        call("DeleteUserPoolClient", "{\"UserPoolId\":\"%s\",\"ClientId\":\"%s\"}".formatted(poolId, clientId));
        call("DeleteUserPool", "{\"UserPoolId\":\"%s\"}".formatted(poolId));

        assertThat(violations).as("answers that depart from the model's output shapes").isEmpty();
        Set<String> implemented = new TreeSet<>(Operations.all(tobira.bean(dev.tobira.core.Services.class)).keySet());
        implemented.removeAll(NOT_DRIVEN_HERE);
        assertThat(called).as("every implemented operation is driven").containsAll(implemented);
    }

    /**
     * A pool created with only a name, member by member as real Cognito answers describe one (the sources
     * are cited in CreateUserPool#newPool): nothing more, nothing less, and the defaults' values. The 20
     * standard attributes come in Cognito's order with its constraints; {@code UserPoolTags} is there
     * even empty; {@code UsernameConfiguration} and {@code AccountRecoverySetting}, never set, are not.
     */
    @Test
    void describeUserPoolWhenPoolHasOnlyANameThenMembersAreThoseOfANewCognitoPool() {
        JsonNode created = call("CreateUserPool", "{\"PoolName\":\"MyUserPool\"}").get("UserPool");
        assertThat(created.get("EstimatedNumberOfUsers").asInt()).isZero();
        String poolId = created.get("Id").asString();

        JsonNode pool = call("DescribeUserPool", "{\"UserPoolId\":\"%s\"}".formatted(poolId)).get("UserPool");

        assertThat(pool.propertyNames()).containsExactlyInAnyOrder("Id", "Name", "Arn", "Policies",
                "DeletionProtection", "LambdaConfig", "LastModifiedDate", "CreationDate", "SchemaAttributes",
                "VerificationMessageTemplate", "UserAttributeUpdateSettings", "MfaConfiguration",
                "EstimatedNumberOfUsers", "EmailConfiguration", "UserPoolTags", "AdminCreateUserConfig",
                "UserPoolTier");
        assertThat(pool.get("Arn").asString()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + poolId);
        assertThat(pool.get("Policies")).isEqualTo(JSON.readTree("""
                {"PasswordPolicy":{"MinimumLength":8,"RequireUppercase":true,"RequireLowercase":true,
                 "RequireNumbers":true,"RequireSymbols":true,"TemporaryPasswordValidityDays":7},
                 "SignInPolicy":{"AllowedFirstAuthFactors":["PASSWORD"]}}"""));
        assertThat(pool.get("DeletionProtection").asString()).isEqualTo("INACTIVE");
        assertThat(pool.get("LambdaConfig")).isEqualTo(JSON.readTree("{}"));
        assertThat(pool.get("VerificationMessageTemplate"))
                .isEqualTo(JSON.readTree("{\"DefaultEmailOption\":\"CONFIRM_WITH_CODE\"}"));
        assertThat(pool.get("UserAttributeUpdateSettings"))
                .isEqualTo(JSON.readTree("{\"AttributesRequireVerificationBeforeUpdate\":[]}"));
        assertThat(pool.get("MfaConfiguration").asString()).isEqualTo("OFF");
        assertThat(pool.get("EstimatedNumberOfUsers").asInt()).isZero();
        assertThat(pool.get("EmailConfiguration"))
                .isEqualTo(JSON.readTree("{\"EmailSendingAccount\":\"COGNITO_DEFAULT\"}"));
        assertThat(pool.get("UserPoolTags")).isEqualTo(JSON.readTree("{}"));
        assertThat(pool.get("AdminCreateUserConfig"))
                .isEqualTo(JSON.readTree("{\"AllowAdminCreateUserOnly\":false,\"UnusedAccountValidityDays\":7}"));
        assertThat(pool.get("UserPoolTier").asString()).isEqualTo("ESSENTIALS");
        assertThat(pool.get("SchemaAttributes")).isEqualTo(standardSchema());
    }

    /** Cognito's 20 standard attributes of a new pool, in its order, with its constraints. */
    private static JsonNode standardSchema() {
        List<String> schema = new java.util.ArrayList<>();
        for (String name : List.of("sub", "name", "given_name", "family_name", "middle_name", "nickname",
                "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
                "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at")) {
            String type = name.endsWith("_verified") ? "Boolean" : name.equals("updated_at") ? "Number" : "String";
            String constraints = switch (type) {
                case "Boolean" -> "";
                case "Number" -> ",\"NumberAttributeConstraints\":{\"MinValue\":\"0\"}";
                default -> ",\"StringAttributeConstraints\":{\"MinLength\":\"%s\",\"MaxLength\":\"%s\"}".formatted(
                        name.equals("sub") ? "1" : name.equals("birthdate") ? "10" : "0",
                        name.equals("birthdate") ? "10" : "2048");
            };
            schema.add("{\"Name\":\"%s\",\"AttributeDataType\":\"%s\",\"DeveloperOnlyAttribute\":false,\"Mutable\":%s,"
                    .formatted(name, type, !name.equals("sub")) + "\"Required\":%s%s}".formatted(name.equals("sub"),
                    constraints));
        }
        return JSON.readTree("[" + String.join(",", schema) + "]");
    }

    /**
     * A client created with only a name, member by member as real CreateUserPoolClient answers of
     * 2024-11-22 and 2025-07-02 show one (public walkthroughs, cited in CreateUserPoolClient#newClient):
     * no {@code PreventUserExistenceErrors} when it was never set, {@code TokenValidityUnits} even empty.
     */
    @Test
    void describeUserPoolClientWhenClientHasOnlyANameThenMembersAreThoseOfANewCognitoClient() {
        String poolId = call("CreateUserPool", "{\"PoolName\":\"MyUserPool\"}").get("UserPool").get("Id").asString();
        String clientId = call("CreateUserPoolClient", "{\"UserPoolId\":\"%s\",\"ClientName\":\"MyNewClient\"}"
                .formatted(poolId)).get("UserPoolClient").get("ClientId").asString();

        JsonNode client = call("DescribeUserPoolClient", "{\"UserPoolId\":\"%s\",\"ClientId\":\"%s\"}"
                .formatted(poolId, clientId)).get("UserPoolClient");

        assertThat(client.propertyNames()).containsExactlyInAnyOrder("UserPoolId", "ClientName", "ClientId",
                "LastModifiedDate", "CreationDate", "RefreshTokenValidity", "TokenValidityUnits", "ExplicitAuthFlows",
                "AllowedOAuthFlowsUserPoolClient", "EnableTokenRevocation", "EnablePropagateAdditionalUserContextData",
                "AuthSessionValidity");
        assertThat(client.get("RefreshTokenValidity").asInt()).isEqualTo(30);
        assertThat(client.get("TokenValidityUnits")).isEqualTo(JSON.readTree("{}"));
        assertThat(client.get("AllowedOAuthFlowsUserPoolClient").asBoolean()).isFalse();
        assertThat(client.get("EnableTokenRevocation").asBoolean()).isTrue();
        assertThat(client.get("EnablePropagateAdditionalUserContextData").asBoolean()).isFalse();
        assertThat(client.get("AuthSessionValidity").asInt()).isEqualTo(3);
    }

    /** The "none missing that Cognito always sends" half, for the members its documented examples show. */
    private static void assertAlwaysSent(JsonNode output, String... members) {
        assertThat(output).as("answer").isNotNull();
        for (String member : members) {
            assertThat(output.has(member)).as(member + " in " + output).isTrue();
        }
    }

    private JsonNode call(String operation, String body) {
        HttpResponse<String> response = post(operation, body);
        assertThat(response.statusCode()).as(operation + " answered " + response.body()).isEqualTo(200);
        JsonNode output = JSON.readTree(response.body());
        List<String> found = MODEL.outputViolations(operation, output);
        if (!found.isEmpty()) {
            violations.merge(operation, found, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        called.add(operation);
        return output;
    }

    private static HttpResponse<String> post(String operation, String body) {
        // Dev mode accepts any well-formed signature whose scope date is the request's.
        String amzDate = AMZ_DATE.format(Instant.now());
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + amzDate.substring(0, 8)
                + "/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature="
                + "0".repeat(64);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tobira.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .header("X-Amz-Date", amzDate)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
