package dev.tobira.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handlers configured from environment variables, given as a map as the Lambda runtime would set them. */
class HandlerConfigTest {

    private static final String KEY = Base64.getEncoder()
            .encodeToString("handler-config-test-code-key-32b".getBytes(StandardCharsets.US_ASCII));
    /** What a CreateAuthChallenge function needs, with the credentials and region Lambda adds. */
    private static final Map<String, String> CREATE = Map.of(
            "TOBIRA_SENDER_EMAIL", "no-reply@tobira.test",
            "TOBIRA_CODE_KEY", KEY,
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "AKIDLAMBDA",
            "AWS_SECRET_ACCESS_KEY", "lambda-secret",
            "AWS_SESSION_TOKEN", "lambda-session");

    private static Map<String, String> with(Map<String, String> env, String... pairs) {
        Map<String, String> copy = new HashMap<>(env);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                copy.remove(pairs[i]);
            } else {
                copy.put(pairs[i], pairs[i + 1]);
            }
        }
        return copy;
    }

    @Test
    void constructorWhenCreateHasNeitherSenderNorKeyThenRefusesNamingBoth() {
        assertThatThrownBy(() -> new CreateAuthChallengeHandler(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateAuthChallengeHandler")
                .hasMessageContaining("TOBIRA_SENDER_EMAIL")
                .hasMessageContaining("TOBIRA_CODE_KEY")
                .message().doesNotContain("AWS_REGION");
    }

    @Test
    void constructorWhenCreateLacksOnlyTheSenderThenNamesOnlyIt() {
        assertThatThrownBy(() -> new CreateAuthChallengeHandler(with(CREATE, "TOBIRA_SENDER_EMAIL", " ")))
                .hasMessageContaining("TOBIRA_SENDER_EMAIL")
                .message().doesNotContain("TOBIRA_CODE_KEY");
    }

    @Test
    void constructorWhenVerifyHasNoKeyThenRefusesNamingItAndNotTheSender() {
        assertThatThrownBy(() -> new VerifyAuthChallengeResponseHandler(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VerifyAuthChallengeResponseHandler")
                .hasMessageContaining("TOBIRA_CODE_KEY")
                .message().doesNotContain("TOBIRA_SENDER_EMAIL");
    }

    @Test
    void constructorWhenDefineHasNothingSetThenStarts() {
        assertThatCode(() -> new DefineAuthChallengeHandler(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void noArgConstructorWhenTheProcessEnvironmentLacksTheKeyThenRefuses() {
        assumeTrue(System.getenv("TOBIRA_CODE_KEY") == null, "TOBIRA_CODE_KEY is set in this process");
        assertThatThrownBy(VerifyAuthChallengeResponseHandler::new).hasMessageContaining("TOBIRA_CODE_KEY");
        assertThatThrownBy(CreateAuthChallengeHandler::new).hasMessageContaining("TOBIRA_CODE_KEY");
    }

    @Test
    void constructorWhenKeyIsNotBase64ThenRefusesWithoutQuotingIt() {
        assertThatThrownBy(() -> new VerifyAuthChallengeResponseHandler(Map.of("TOBIRA_CODE_KEY", "s3cr*t-k#y")))
                .hasMessageContaining("TOBIRA_CODE_KEY must be base64")
                .hasNoCause()
                .message().doesNotContain("s3cr*t-k#y");
    }

    @Test
    void constructorWhenKeyIsShorterThan32BytesThenRefuses() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        assertThatThrownBy(() -> new VerifyAuthChallengeResponseHandler(Map.of("TOBIRA_CODE_KEY", shortKey)))
                .hasMessage("TOBIRA_CODE_KEY must decode to at least 32 bytes, not 31")
                .message().doesNotContain(shortKey);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "TOBIRA_EMAIL_OTP_CODE_LENGTH, six, must be a whole number",
            "TOBIRA_EMAIL_OTP_CODE_LENGTH, 12, codeLength must be 4 to 10",
            "TOBIRA_EMAIL_OTP_VALIDITY_MINUTES, 0, codeValidity must be positive",
            "TOBIRA_EMAIL_OTP_MAX_ATTEMPTS, 0, maxCodeAttempts must be at least 1",
            "TOBIRA_LANGUAGE, fr, must be en or ja",
            "TOBIRA_SES_ENDPOINT, localhost:4566, must be an http(s) URL"})
    void constructorWhenAnOptionalSettingIsUnusableThenRefusesNamingIt(String name, String value, String why) {
        assertThatThrownBy(() -> new CreateAuthChallengeHandler(with(CREATE, name, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(why);
    }

    @Test
    void handlersWhenConfiguredFromTheEnvironmentThenSettingsReachTheEmailAndTheChecks() {
        try (LocalSes ses = new LocalSes()) {
            Map<String, String> env = with(CREATE, "TOBIRA_SES_ENDPOINT", ses.uri().toString(),
                    "TOBIRA_LANGUAGE", "ja", "TOBIRA_EMAIL_OTP_CODE_LENGTH", "8",
                    "TOBIRA_EMAIL_OTP_VALIDITY_MINUTES", "5", "TOBIRA_EMAIL_OTP_MAX_ATTEMPTS", "1");

            var created = new CreateAuthChallengeHandler(env).handleRequest(
                    EventLoader.loadEvent("events/create-first-round.json", CognitoUserPoolCreateAuthChallengeEvent.class),
                    null);

            assertThat(ses.received()).singleElement().satisfies(r -> {
                assertThat(r.authorization()).contains("AKIDLAMBDA/").contains("/eu-west-1/ses/");
                assertThat(r.json().path("FromEmailAddress").asString()).isEqualTo("no-reply@tobira.test");
                assertThat(r.json().at("/Destination/ToAddresses/0").asString()).isEqualTo("ren@example.com");
                assertThat(r.json().at("/Content/Simple/Subject/Data").asString()).isEqualTo("サインインコードのお知らせ");
                assertThat(r.json().at("/Content/Simple/Body/Text/Data").asString()).contains("5分");
            });
            String code = digits(ses.received().getFirst().json().at("/Content/Simple/Body/Text/Data").asString(), 8);

            Function<String, Boolean> answer = given -> {
                var event = EventLoader.loadEvent("events/verify-answer.json",
                        CognitoUserPoolVerifyAuthChallengeResponseEvent.class);
                event.getRequest().setPrivateChallengeParameters(created.getResponse().getPrivateChallengeParameters());
                event.getRequest().setChallengeAnswer(given);
                return new VerifyAuthChallengeResponseHandler(Map.of("TOBIRA_CODE_KEY", KEY))
                        .handleRequest(event, null).getResponse().getAnswerCorrect();
            };
            assertThat(answer.apply(code)).isTrue();
            assertThat(answer.apply(code.substring(0, 6))).isFalse();

            var oneWrong = EventLoader.loadEvent("events/define-three-wrong-codes.json",
                    CognitoUserPoolDefineAuthChallengeEvent.class);
            oneWrong.getRequest().setSession(Arrays.copyOf(oneWrong.getRequest().getSession(), 3));
            assertThat(new DefineAuthChallengeHandler(env).handleRequest(oneWrong, null).getResponse()
                    .getFailAuthentication()).as("TOBIRA_EMAIL_OTP_MAX_ATTEMPTS=1").isTrue();
            assertThat(new DefineAuthChallengeHandler(Map.of()).handleRequest(
                    EventLoader.loadEvent("events/define-three-wrong-codes.json",
                            CognitoUserPoolDefineAuthChallengeEvent.class), null).getResponse()
                    .getFailAuthentication()).isTrue();
        }
    }

    private static String digits(String text, int n) {
        Matcher m = Pattern.compile("(?<!\\d)\\d{" + n + "}(?!\\d)").matcher(text);
        assertThat(m.find()).as("a %d-digit code", n).isTrue();
        return m.group();
    }
}
