package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.server.RunningTobira;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.*;

/**
 * Groups, their token claims, tags and users named by {@code sub}, driven by the AWS SDK for Java v2;
 * tokens are verified against the pool's JWKS before their claims are read.
 */
class SdkV2GroupsTest {

    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/Admin";
    private static final String EDITOR_ROLE = "arn:aws:iam::123456789012:role/Editor";
    private static final String PASSWORD = "Right-Passw0rd!";

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client("any", "credentials");
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    private static String pool(String name) {
        return cognito.createUserPool(b -> b.poolName(name)).userPool().id();
    }

    /** A confirmed user with a password; returns its sub. */
    private static String user(String poolId, String username) {
        UserType user = cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username)
                .messageAction(MessageActionType.SUPPRESS)).user();
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return user.attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    private static JWTClaimsSet verified(String poolId, String jwt) throws Exception {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(tobira.endpoint() + "/" + poolId + "/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        SignedJWT token = SignedJWT.parse(jwt);
        RSAKey key = JWKSet.parse(jwks.body()).getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        return token.getJWTClaimsSet();
    }

    @Test
    void groupsWhenManagedThroughTheSdkThenEveryCallAnswersAsCognito() {
        String poolId = pool("sdk-groups");
        String ann = user(poolId, "ann");
        user(poolId, "ben");
        GroupType created = cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins")
                .description("Administrators").roleArn(ADMIN_ROLE).precedence(1)).group();
        assertThat(created.groupName()).isEqualTo("admins");
        assertThat(created.userPoolId()).isEqualTo(poolId);
        assertThat(created.creationDate()).isEqualTo(created.lastModifiedDate()).isNotNull();
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("editors"));

        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username(ann));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("editors").username("ann"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("editors").username("ben"));

        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username(ann)).groups())
                .extracting(GroupType::groupName).containsExactly("admins", "editors");
        ListUsersInGroupResponse page = cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("editors").limit(1));
        assertThat(page.users()).extracting(UserType::username).containsExactly("ann");
        assertThat(cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("editors").limit(1)
                .nextToken(page.nextToken())).users()).extracting(UserType::username).containsExactly("ben");
        assertThat(cognito.listGroupsPaginator(b -> b.userPoolId(poolId).limit(1)).groups().stream()
                .map(GroupType::groupName).toList()).containsExactly("admins", "editors");

        GroupType updated = cognito.updateGroup(b -> b.userPoolId(poolId).groupName("editors").precedence(4)
                .roleArn(EDITOR_ROLE)).group();
        assertThat(updated.precedence()).isEqualTo(4);
        assertThat(cognito.getGroup(b -> b.userPoolId(poolId).groupName("editors")).group().roleArn())
                .isEqualTo(EDITOR_ROLE);

        cognito.adminRemoveUserFromGroup(b -> b.userPoolId(poolId).groupName("editors").username(ann));
        cognito.deleteGroup(b -> b.userPoolId(poolId).groupName("admins"));
        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("ann")).groups()).isEmpty();
        assertThat(cognito.listGroups(b -> b.userPoolId(poolId)).groups()).extracting(GroupType::groupName)
                .containsExactly("editors");
    }

    @Test
    @DisplayName("Errors: unknown group, duplicate group, user not found by sub, too many tags")
    void groupAndTagCallsWhenWrongThenCognitosErrors() {
        String poolId = pool("sdk-errors");
        user(poolId, "ann");
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
        assertCognitoError(() -> cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins")),
                GroupExistsException.class, "A group with the name admins already exists.");
        assertCognitoError(() -> cognito.getGroup(b -> b.userPoolId(poolId).groupName("nope")),
                ResourceNotFoundException.class, "Group not found.");
        assertCognitoError(() -> cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("nope")
                .username("ann")), ResourceNotFoundException.class, "Group not found.");
        assertCognitoError(() -> cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins")
                .username("7d4a5a34-2d52-4d7d-9a53-4d0f3c1bd001")), UserNotFoundException.class, "User does not exist.");
        assertCognitoError(() -> cognito.adminGetUser(b -> b.userPoolId(poolId)
                .username("7d4a5a34-2d52-4d7d-9a53-4d0f3c1bd001")), UserNotFoundException.class, "User does not exist.");
        assertCognitoError(() -> cognito.createGroup(b -> b.userPoolId(poolId).groupName("bad").precedence(-1)),
                InvalidParameterException.class, "1 validation error detected: Value '-1' at 'precedence' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 0");

        String arn = cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().arn();
        Map<String, String> fiftyOne = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.put("k" + i, "v");
        }
        assertCognitoError(() -> cognito.tagResource(b -> b.resourceArn(arn).tags(fiftyOne)),
                InvalidParameterException.class, "A user pool can have at most 50 tags; this request would give it 51.");
        String missingArn = arn.replace(poolId, "us-east-1_NoSuchPol");
        assertCognitoError(() -> cognito.listTagsForResource(b -> b.resourceArn(missingArn)),
                ResourceNotFoundException.class, "User pool us-east-1_NoSuchPol does not exist.");
    }

    @Test
    void tagsWhenRoundTrippedThenTheyAreThePoolsUserPoolTags() {
        String poolId = cognito.createUserPool(b -> b.poolName("sdk-tags").userPoolTags(Map.of("env", "dev")))
                .userPool().id();
        String arn = cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().arn();
        assertThat(arn).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + poolId);
        cognito.tagResource(b -> b.resourceArn(arn).tags(Map.of("team", "auth", "tobira:language", "ja")));
        assertThat(cognito.listTagsForResource(b -> b.resourceArn(arn)).tags())
                .isEqualTo(Map.of("env", "dev", "team", "auth", "tobira:language", "ja"));
        cognito.untagResource(b -> b.resourceArn(arn).tagKeys("env", "absent"));
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().userPoolTags())
                .isEqualTo(Map.of("team", "auth", "tobira:language", "ja"));
    }

    @Test
    @DisplayName("ID and access tokens carry cognito:groups by precedence; the ID token cognito:roles and "
            + "cognito:preferred_role; a refresh after a removal no longer has the group")
    void signInWhenUserInGroupsThenVerifiedTokensCarryTheGroupsAndRefreshFollowsChanges() throws Exception {
        String poolId = pool("sdk-claims");
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        String sub = user(poolId, "cleo");
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("editors").roleArn(EDITOR_ROLE).precedence(5));
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").roleArn(ADMIN_ROLE).precedence(1));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("editors").username(sub));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username(sub));

        try (CognitoIdentityProviderClient app = tobira.publicClient("203.0.113.7")) {
            AuthenticationResultType tokens = app.initiateAuth(b -> b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "cleo", "PASSWORD", PASSWORD))).authenticationResult();
            JWTClaimsSet id = verified(poolId, tokens.idToken());
            assertThat(id.getStringListClaim("cognito:groups")).containsExactly("admins", "editors");
            assertThat(id.getStringListClaim("cognito:roles")).containsExactly(ADMIN_ROLE, EDITOR_ROLE);
            assertThat(id.getStringClaim("cognito:preferred_role")).isEqualTo(ADMIN_ROLE);
            JWTClaimsSet access = verified(poolId, tokens.accessToken());
            assertThat(access.getStringListClaim("cognito:groups")).containsExactly("admins", "editors");
            assertThat(access.getClaims()).doesNotContainKeys("cognito:roles", "cognito:preferred_role");

            cognito.adminRemoveUserFromGroup(b -> b.userPoolId(poolId).groupName("admins").username("cleo"));
            AuthenticationResultType refreshed = app.initiateAuth(b -> b.clientId(clientId)
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult();
            JWTClaimsSet refreshedId = verified(poolId, refreshed.idToken());
            assertThat(refreshedId.getStringListClaim("cognito:groups")).containsExactly("editors");
            assertThat(refreshedId.getStringClaim("cognito:preferred_role")).isEqualTo(EDITOR_ROLE);
            assertThat(verified(poolId, refreshed.accessToken()).getStringListClaim("cognito:groups"))
                    .containsExactly("editors");
        }
    }

    @Test
    @DisplayName("Admin operations need SigV4 in production: the group and tag calls too")
    void groupAndTagCallsWhenProductionAndSignedWithWrongSecretThenRefused(@TempDir Path dataDir) {
        try (RunningTobira production = RunningTobira.production(dataDir);
                CognitoIdentityProviderClient signed = production.client();
                CognitoIdentityProviderClient forged = production.client(RunningTobira.ADMIN_KEY_ID, "wrong-secret")) {
            String poolId = signed.createUserPool(b -> b.poolName("prod")).userPool().id();
            String arn = signed.describeUserPool(b -> b.userPoolId(poolId)).userPool().arn();
            assertThatThrownBy(() -> forged.createGroup(b -> b.userPoolId(poolId).groupName("g")))
                    .isInstanceOf(CognitoIdentityProviderException.class)
                    .satisfies(e -> assertThat(((CognitoIdentityProviderException) e).statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> forged.tagResource(b -> b.resourceArn(arn).tags(Map.of("a", "b"))))
                    .isInstanceOf(CognitoIdentityProviderException.class);
            assertThat(signed.listGroups(b -> b.userPoolId(poolId)).groups()).isEmpty();
            signed.createGroup(b -> b.userPoolId(poolId).groupName("g"));
            assertThat(signed.listGroups(b -> b.userPoolId(poolId)).groups()).hasSize(1);
            assertThat(signed.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEmpty();
        }
    }
}
