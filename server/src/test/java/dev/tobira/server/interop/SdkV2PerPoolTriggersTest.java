package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.trigger.TestHandlers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Each pool runs its own triggers: on one server, a pool with the built-in {@code tobira-email-otp}
 * triggers (password over SRP, then an emailed code) beside a pool whose triggers are Java classes
 * (a question, "What colour is the sky?"), each with a user of the same name and address.
 */
class SdkV2PerPoolTriggersTest {

    private static final String BUILT_IN = "arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp";
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final String EMAIL = "ren@example.com";
    private static final String PASSWORD = "Right-Passw0rd!";

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String otpPool;
    private static String otpClient;
    private static String skyPool;
    private static String skyClient;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of(
                "sky-define", TestHandlers.EventsDefine.class.getName(),
                "sky-create", TestHandlers.SkyCreate.class.getName(),
                "sky-verify", TestHandlers.MapVerify.class.getName()), List.of(), Optional.empty()));
        cognito = tobira.client();
        otpPool = pool("email-otp", l -> l.defineAuthChallenge(BUILT_IN).createAuthChallenge(BUILT_IN)
                .verifyAuthChallengeResponse(BUILT_IN));
        otpClient = client(otpPool);
        skyPool = pool("sky", l -> l.defineAuthChallenge(ARN + "sky-define").createAuthChallenge(ARN + "sky-create")
                .verifyAuthChallengeResponse(ARN + "sky-verify"));
        skyClient = client(skyPool);
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    /** A pool with these triggers and the user "ren" (ren@example.com, a permanent password). */
    private static String pool(String name, Consumer<LambdaConfigType.Builder> triggers) {
        String pool = cognito.createUserPool(b -> b.poolName(name).lambdaConfig(triggers)).userPool().id();
        cognito.adminCreateUser(b -> b.userPoolId(pool).username("ren").messageAction("SUPPRESS")
                .userAttributes(a -> a.name("email").value(EMAIL), a -> a.name("email_verified").value("true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username("ren").password(PASSWORD).permanent(true));
        return pool;
    }

    private static String client(String pool) {
        return cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH)).userPoolClient().clientId();
    }

    private static InitiateAuthResponse customAuth(String client) {
        return cognito.initiateAuth(b -> b.clientId(client).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", "ren")));
    }

    /** CUSTOM_AUTH in the email-otp pool, SRP first: the CUSTOM_CHALLENGE that follows the password. */
    private static RespondToAuthChallengeResponse otpChallenge() {
        return SdkV2CustomAuth.passwordThenNext(cognito, otpPool, otpClient, "ren", PASSWORD);
    }

    private static RespondToAuthChallengeResponse answer(String client, String session, String answer) {
        return cognito.respondToAuthChallenge(b -> b.clientId(client).session(session)
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .challengeResponses(Map.of("USERNAME", "ren", "ANSWER", answer)));
    }

    private static String issuer(RespondToAuthChallengeResponse done) throws java.text.ParseException {
        return SignedJWT.parse(done.authenticationResult().idToken()).getJWTClaimsSet().getIssuer();
    }

    @Test
    @DisplayName("the Java-class pool asks its question, emails nothing, and takes its answer; the code pool's triggers never run for it")
    void customAuthWhenPoolHasJavaClassTriggersThenItsOwnQuestionAndNoEmail() throws Exception {
        int mails = DevOutbox.count(tobira.endpoint(), EMAIL);

        InitiateAuthResponse challenge = customAuth(skyClient);

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(challenge.challengeParameters()).isEqualTo(Map.of("question", "What colour is the sky?"));
        RespondToAuthChallengeResponse wrong = answer(skyClient, challenge.session(), "green");
        assertThat(wrong.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        RespondToAuthChallengeResponse done = answer(skyClient, wrong.session(), "blue");
        assertThat(issuer(done)).endsWith("/" + skyPool);
        assertThat(DevOutbox.count(tobira.endpoint(), EMAIL)).isEqualTo(mails);
    }

    @Test
    @DisplayName("the built-in pool wants the password first, emails a code, and the sky's answer is no answer to it")
    void customAuthWhenPoolHasBuiltInTriggersThenPasswordThenEmailedCodeAndNotTheQuestion() throws Exception {
        // Its Define asks for the password proof, which needs SRP_A.
        assertCognitoError(() -> customAuth(otpClient), InvalidParameterException.class,
                "SRP_A is required: begin a custom authentication with SRP to verify the password.");
        int mails = DevOutbox.count(tobira.endpoint(), EMAIL);

        RespondToAuthChallengeResponse challenge = otpChallenge();

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(challenge.challengeParameters()).isEqualTo(Map.of("email", "r***@e***"));
        assertThat(DevOutbox.count(tobira.endpoint(), EMAIL)).isEqualTo(mails + 1);
        RespondToAuthChallengeResponse notTheCode = answer(otpClient, challenge.session(), "blue");
        assertThat(notTheCode.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        RespondToAuthChallengeResponse done = answer(otpClient, notTheCode.session(),
                DevOutbox.latestCode(tobira.endpoint(), EMAIL, 6));
        assertThat(issuer(done)).endsWith("/" + otpPool);
    }

    @Test
    void customAuthWhenOnePoolsCodeIsAnsweredInTheOtherThenItIsNoAnswerThere() {
        RespondToAuthChallengeResponse otp = otpChallenge();
        String code = DevOutbox.latestCode(tobira.endpoint(), EMAIL, 6);
        InitiateAuthResponse sky = customAuth(skyClient);

        assertThat(answer(skyClient, sky.session(), code).challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertCognitoError(() -> answer(skyClient, otp.session(), code), NotAuthorizedException.class,
                "Invalid session for the user.");
    }
}
