package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.srp.SrpClient;
import dev.tobira.server.RunningTobira;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;

/**
 * Failed sign-in protection through the AWS SDK for Java v2 (spec §7): five wrong passwords, then
 * even the right one is refused with "Password attempts exceeded". Only the start of the lockout is
 * asserted — the first lock lasts one second and the attempt after the fifth failure comes at once;
 * how long locks last and when they end is a core test's, with an injected clock.
 */
class SdkV2LockoutTest {

    private static final String PASSWORD = "Right-Passw0rd!";
    private static final String WRONG = "Wrong-Passw0rd!";
    private static final String INCORRECT = "Incorrect username or password.";
    private static final String EXCEEDED = "Password attempts exceeded";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
        poolId = cognito.createUserPool(b -> b.poolName("lockout")).userPool().id();
        clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)).userPoolClient().clientId();
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (tobira != null) {
            tobira.close();
        }
    }

    private static String user(String prefix) {
        String name = prefix + "-" + USERS.incrementAndGet();
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(name).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(name + "@example.com").build()));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(name).password(PASSWORD).permanent(true));
        return name;
    }

    private static InitiateAuthResponse passwordAuth(String name, String password) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", password)));
    }

    /** A PASSWORD_VERIFIER challenge for {@code name}, and the proof for {@code password} that answers it. */
    private static RespondToAuthChallengeRequest srpProof(String name, String password) {
        SrpClient srp = new SrpClient(poolId, RANDOM);
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", name, "SRP_A", srp.srpA())));
        Map<String, String> p = challenge.challengeParameters();
        return RespondToAuthChallengeRequest.builder().clientId(clientId).session(challenge.session())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"), password, p.get("SALT"),
                        p.get("SRP_B"), p.get("SECRET_BLOCK"), Instant.now()))
                .build();
    }

    @Test
    @DisplayName("USER_PASSWORD_AUTH: five wrong passwords are \"Incorrect username or password.\", then the right one \"Password attempts exceeded\"")
    void initiateAuthWhenFiveWrongPasswordsThenTheRightOneIsRefusedAsAttemptsExceeded() {
        String name = user("ann");
        String bystander = user("ben");

        for (int i = 0; i < 5; i++) {
            assertCognitoError(() -> passwordAuth(name, WRONG), NotAuthorizedException.class, INCORRECT);
        }
        assertCognitoError(() -> passwordAuth(name, PASSWORD), NotAuthorizedException.class, EXCEEDED);

        assertThat(passwordAuth(bystander, PASSWORD).authenticationResult().accessToken())
                .as("the lockout is the user's alone").isNotBlank();
    }

    @Test
    @DisplayName("four wrong passwords do not lock: the right one still signs in")
    void initiateAuthWhenFourWrongPasswordsThenTheRightOneStillSignsIn() {
        String name = user("cat");

        for (int i = 0; i < 4; i++) {
            assertCognitoError(() -> passwordAuth(name, WRONG), NotAuthorizedException.class, INCORRECT);
        }

        assertThat(passwordAuth(name, PASSWORD).authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("PASSWORD_VERIFIER: five wrong SRP proofs, then the right proof is refused with \"Password attempts exceeded\"")
    void respondToAuthChallengeWhenFiveWrongProofsThenTheRightProofIsRefusedAsAttemptsExceeded() {
        String name = user("dan");
        // Every challenge is fetched first, so that the right proof follows the fifth failure at once.
        List<RespondToAuthChallengeRequest> wrong = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            wrong.add(srpProof(name, WRONG));
        }
        RespondToAuthChallengeRequest right = srpProof(name, PASSWORD);

        for (RespondToAuthChallengeRequest proof : wrong) {
            assertCognitoError(() -> cognito.respondToAuthChallenge(proof), NotAuthorizedException.class, INCORRECT);
        }
        assertCognitoError(() -> cognito.respondToAuthChallenge(right), NotAuthorizedException.class, EXCEEDED);
    }

    @Test
    @DisplayName("failures count per user across flows: USER_PASSWORD_AUTH, PASSWORD_VERIFIER and ADMIN_USER_PASSWORD_AUTH together")
    void signInWhenFailuresSpreadOverFlowsThenTheyCountTogether() {
        String name = user("eve");
        RespondToAuthChallengeRequest wrongProof = srpProof(name, WRONG);
        RespondToAuthChallengeRequest otherWrongProof = srpProof(name, WRONG);
        RespondToAuthChallengeRequest rightProof = srpProof(name, PASSWORD);

        assertCognitoError(() -> passwordAuth(name, WRONG), NotAuthorizedException.class, INCORRECT);
        assertCognitoError(() -> cognito.respondToAuthChallenge(wrongProof), NotAuthorizedException.class, INCORRECT);
        assertCognitoError(() -> cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", WRONG))), NotAuthorizedException.class, INCORRECT);
        assertCognitoError(() -> passwordAuth(name, WRONG), NotAuthorizedException.class, INCORRECT);
        assertCognitoError(() -> cognito.respondToAuthChallenge(otherWrongProof), NotAuthorizedException.class,
                INCORRECT);

        assertCognitoError(() -> cognito.respondToAuthChallenge(rightProof), NotAuthorizedException.class, EXCEEDED);
    }
}
