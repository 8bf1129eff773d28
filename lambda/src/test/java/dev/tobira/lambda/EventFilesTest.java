package dev.tobira.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.message.Message;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.core.trigger.EmailOtpTriggers;
import dev.tobira.core.trigger.EmailOtpTriggers.CodeEmail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handlers fed events shaped like Cognito's (spec §3.2–3.4, files in {@code events/}), read by the
 * Lambda runtime's serializer: what the real JSON deserializes into is what the handlers need, and
 * what they return serializes into the members Cognito reads.
 */
class EventFilesTest {

    private static final Instant NOW = Instant.parse("2026-11-02T08:04:05.123Z");
    private static final String USER = "51575f68-2a23-479f-9882-c21c12eda766";

    private final List<Message> sent = new ArrayList<>();
    private final EmailOtpTriggers triggers = new EmailOtpTriggers(EmailOtpSettings.DEFAULT,
            new CodeHasher("event-files-test-code-key-32-byt".getBytes(StandardCharsets.US_ASCII)), sent::add,
            CodeEmail.inDefaultWords("en"), Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));
    private final DefineAuthChallengeHandler define = new DefineAuthChallengeHandler(triggers);
    private final CreateAuthChallengeHandler create = new CreateAuthChallengeHandler(triggers);
    private final VerifyAuthChallengeResponseHandler verify = new VerifyAuthChallengeResponseHandler(triggers);

    @ParameterizedTest
    @Event(value = "events/define-srp-a.json", type = CognitoUserPoolDefineAuthChallengeEvent.class)
    void defineWhenSrpAPassedThenPasswordVerifier(CognitoUserPoolDefineAuthChallengeEvent event) {
        assertThat(event.getRequest().getClientMetadata()).isNull();

        var response = define.handleRequest(event, null).getResponse();

        assertThat(response.getChallengeName()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(response.getIssueTokens()).isFalse();
        assertThat(response.getFailAuthentication()).isFalse();
    }

    @ParameterizedTest
    @Event(value = "events/define-password-verified.json", type = CognitoUserPoolDefineAuthChallengeEvent.class)
    void defineWhenPasswordVerifiedWithNullMetadataThenCustomChallenge(CognitoUserPoolDefineAuthChallengeEvent event) {
        assertThat(event.getRequest().getSession()).hasSize(2)
                .allSatisfy(c -> assertThat(c.getChallengeMetadata()).isNull());

        assertThat(define.handleRequest(event, null).getResponse().getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
    }

    @ParameterizedTest
    @Event(value = "events/define-code-right.json", type = CognitoUserPoolDefineAuthChallengeEvent.class)
    void defineWhenLastCodeRightThenIssueTokensInTheJsonCognitoReads(CognitoUserPoolDefineAuthChallengeEvent event) {
        JsonNode out = json(define.handleRequest(event, null), CognitoUserPoolDefineAuthChallengeEvent.class);

        assertThat(out.at("/response/issueTokens").asBoolean()).isTrue();
        assertThat(out.at("/response/failAuthentication").asBoolean()).isFalse();
        assertThat(out.at("/response/challengeName").isString()).as("no next challenge").isFalse();
        assertThat(out.path("userName").asString()).isEqualTo(USER);
        assertThat(out.path("triggerSource").asString()).isEqualTo("DefineAuthChallenge_Authentication");
    }

    @ParameterizedTest
    @Event(value = "events/define-three-wrong-codes.json", type = CognitoUserPoolDefineAuthChallengeEvent.class)
    void defineWhenThreeWrongCodesThenFailAuthentication(CognitoUserPoolDefineAuthChallengeEvent event) {
        var response = define.handleRequest(event, null).getResponse();
        assertThat(response.getFailAuthentication()).isTrue();
        assertThat(response.getIssueTokens()).isFalse();
    }

    @ParameterizedTest
    @Event(value = "events/define-user-not-found.json", type = CognitoUserPoolDefineAuthChallengeEvent.class)
    void defineWhenUserNotFoundAfterSrpAThenPasswordVerifierAsForAKnownUser(
            CognitoUserPoolDefineAuthChallengeEvent event) {
        assertThat(event.getRequest().getUserNotFound()).isTrue();
        assertThat(event.getRequest().getSession()).singleElement()
                .satisfies(c -> assertThat(c.getChallengeName()).isEqualTo("SRP_A"));

        JsonNode out = json(define.handleRequest(event, null), CognitoUserPoolDefineAuthChallengeEvent.class);

        assertThat(out.at("/response/challengeName").asString()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(out.at("/response/issueTokens").asBoolean()).isFalse();
        assertThat(out.at("/response/failAuthentication").asBoolean()).isFalse();
        assertThat(sent).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/define-user-not-found-without-srp.json", type = CognitoUserPoolDefineAuthChallengeEvent.class)
    @DisplayName("An unknown user on an empty session (SRP_A alone) is asked for the password as a known one is, and nothing is sent")
    void defineWhenUserNotFoundAndSessionEmptyThenPasswordVerifierAsForAKnownUser(
            CognitoUserPoolDefineAuthChallengeEvent event) {
        assertThat(event.getRequest().getUserNotFound()).isTrue();
        assertThat(event.getRequest().getSession()).isEmpty();

        var response = define.handleRequest(event, null).getResponse();

        assertThat(response.getChallengeName()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(response.getFailAuthentication()).isFalse();
        assertThat(response.getIssueTokens()).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void createThenVerifyWhenAnswerIsTheEmailedCodeThenAnswerCorrect() {
        var created = create.handleRequest(load("events/create-first-round.json",
                CognitoUserPoolCreateAuthChallengeEvent.class), null);
        JsonNode out = json(created, CognitoUserPoolCreateAuthChallengeEvent.class);

        assertThat(sent).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("ren@example.com"));
        assertThat(out.at("/response/publicChallengeParameters").properties()).hasSize(1);
        assertThat(out.at("/response/publicChallengeParameters/email").asString()).isEqualTo("r***@e***");
        assertThat(out.at("/response/privateChallengeParameters/codeHash").asString()).hasSize(64);
        assertThat(out.at("/response/challengeMetadata").asString()).startsWith("EMAIL_OTP:");

        var answer = load("events/verify-answer.json", CognitoUserPoolVerifyAuthChallengeResponseEvent.class);
        answer.getRequest().setPrivateChallengeParameters(created.getResponse().getPrivateChallengeParameters());
        answer.getRequest().setChallengeAnswer(" " + emailedCode() + " ");
        JsonNode verified = json(verify.handleRequest(answer, null),
                CognitoUserPoolVerifyAuthChallengeResponseEvent.class);

        assertThat(verified.at("/response/answerCorrect").isBoolean()).isTrue();
        assertThat(verified.at("/response/answerCorrect").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @Event(value = "events/verify-answer.json", type = CognitoUserPoolVerifyAuthChallengeResponseEvent.class)
    void verifyWhenPrivateParametersAreNotCreatesThenAnswerWrong(CognitoUserPoolVerifyAuthChallengeResponseEvent event) {
        assertThat(event.getRequest().getChallengeAnswer()).isEqualTo(" 123456 ");
        assertThat(event.getRequest().getPrivateChallengeParameters()).containsKeys("codeHash", "expiresAt");

        assertThat(verify.handleRequest(event, null).getResponse().getAnswerCorrect()).isFalse();
    }

    @Test
    void handleRequestWhenRequestMembersAreAbsentThenNoException() {
        // No request is an empty session: the password comes first, never tokens.
        var defineEvent = new CognitoUserPoolDefineAuthChallengeEvent();
        var defined = define.handleRequest(defineEvent, null).getResponse();
        assertThat(defined.getChallengeName()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(defined.getIssueTokens()).isFalse();

        var verifyEvent = new CognitoUserPoolVerifyAuthChallengeResponseEvent();
        verifyEvent.setRequest(new CognitoUserPoolVerifyAuthChallengeResponseEvent.Request());
        assertThat(verify.handleRequest(verifyEvent, null).getResponse().getAnswerCorrect()).isFalse();

        var createEvent = new CognitoUserPoolCreateAuthChallengeEvent();
        createEvent.setRequest(CognitoUserPoolCreateAuthChallengeEvent.Request.builder()
                .withUserAttributes(Map.of("email", "ren@example.com")).build());
        assertThat(create.handleRequest(createEvent, null).getResponse().getPublicChallengeParameters())
                .containsEntry("email", "r***@e***");
    }

    private String emailedCode() {
        Matcher m = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(sent.getLast().body());
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static <E> E load(String file, Class<E> type) {
        return EventLoader.loadEvent(file, type);
    }

    /** The event as the Lambda runtime serializes a handler's result for Cognito. */
    private static <E> JsonNode json(E event, Class<E> type) {
        PojoSerializer<E> serializer = LambdaEventSerializers.serializerFor(type, EventFilesTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
