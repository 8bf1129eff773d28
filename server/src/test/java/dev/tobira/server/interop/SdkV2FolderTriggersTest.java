package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.FunctionFolder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;

/**
 * CUSTOM_AUTH through the AWS SDK for Java v2 with the triggers run from folders by local workers:
 * Define in Node.js (CommonJS, sync), Create in Python (boto3 calling back into Tobira through
 * {@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}, its answer from {@code --trigger-env}), Verify
 * in Node.js (callback style); and a Node.js ES module that throws.
 */
class SdkV2FolderTriggersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String client;
    private static String closedClient;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static final Logger TRIGGER_LOG = (Logger) LoggerFactory.getLogger("tobira.trigger");

    private static Path folder(String name) throws URISyntaxException {
        return Path.of(SdkV2FolderTriggersTest.class.getResource("/functions/" + name).toURI());
    }

    @BeforeAll
    static void start() throws URISyntaxException {
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of(), List.of(), Optional.empty(), Map.of(
                "sky-define", new FunctionFolder(folder("node-cjs-define"), Optional.empty()),
                "sky-create", new FunctionFolder(folder("python-create"), Optional.empty()),
                "sky-verify", new FunctionFolder(folder("node-callback-verify"), Optional.of("index.handler")),
                "closed", new FunctionFolder(folder("node-throws"), Optional.empty())),
                Map.of(), Map.of("sky-create", Map.of("SKY_ANSWER", "blue"))));
        // After the start: Spring Boot sets up logging anew as it starts.
        LOG.start();
        TRIGGER_LOG.addAppender(LOG);
        cognito = tobira.client();
        String pool = cognito.createUserPool(b -> b.poolName("sky").lambdaConfig(l -> l
                .defineAuthChallenge(ARN + "sky-define").createAuthChallenge(ARN + "sky-create")
                .verifyAuthChallengeResponse(ARN + "sky-verify:live"))).userPool().id();
        client = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH)).userPoolClient().clientId();
        cognito.adminCreateUser(b -> b.userPoolId(pool).username("ren").messageAction("SUPPRESS")
                .userAttributes(a -> a.name("email").value("ren@example.com")));
        String closedPool = cognito.createUserPool(b -> b.poolName("closed").lambdaConfig(l -> l
                .defineAuthChallenge(ARN + "closed"))).userPool().id();
        closedClient = cognito.createUserPoolClient(b -> b.userPoolId(closedPool).clientName("web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH)).userPoolClient().clientId();
        cognito.adminCreateUser(b -> b.userPoolId(closedPool).username("ren").messageAction("SUPPRESS"));
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
        TRIGGER_LOG.detachAppender(LOG);
    }

    private static RespondToAuthChallengeResponse answer(String session, String answer) {
        return cognito.respondToAuthChallenge(b -> b.clientId(client).session(session)
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .challengeResponses(Map.of("USERNAME", "ren", "ANSWER", answer)));
    }

    @Test
    @DisplayName("the folder functions ask their question (the email from boto3's AdminGetUser on Tobira), refuse a wrong answer, take the right one")
    void customAuthWhenTriggersAreFoldersThenQuestionWrongAnswerRightAnswerTokens() {
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(client)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", "ren")));

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(challenge.challengeParameters())
                .isEqualTo(Map.of("question", "What colour is the sky?", "email", "ren@example.com"));
        RespondToAuthChallengeResponse wrong = answer(challenge.session(), "green");
        assertThat(wrong.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        RespondToAuthChallengeResponse done = answer(wrong.session(), "blue");
        String accessToken = done.authenticationResult().accessToken();
        assertThat(cognito.getUser(b -> b.accessToken(accessToken)).username()).isEqualTo("ren");
        assertThat(LOG.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("[sky-create] create: a question for ren")
                .anySatisfy(l -> assertThat(l).matches("\\[sky-create] \\[INFO]\\t[0-9a-f-]{36}\\tasking "
                        + "ren@example.com about the sky"));
    }

    @Test
    void customAuthWhenFolderFunctionThrowsThenUserLambdaValidationWithItsMessage() {
        assertCognitoError(() -> cognito.initiateAuth(b -> b.clientId(closedClient)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", "ren"))),
                UserLambdaValidationException.class, "DefineAuthChallenge failed with error No sign-in today..");
    }

    @Test
    void customAuthWhenThreeWrongAnswersThenNotAuthorized() {
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(client)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", "ren")));
        RespondToAuthChallengeResponse second = answer(challenge.session(), "red");
        RespondToAuthChallengeResponse third = answer(second.session(), "green");

        assertCognitoError(() -> answer(third.session(), "grey"), NotAuthorizedException.class,
                "Incorrect username or password.");
    }
}
