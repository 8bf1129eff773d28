package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.delivery.FakeAwsEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passwordless calls on the wire, against a stand-in that answers with the shapes of spec §4:
 * what the gateway sends for USER_AUTH and EMAIL_OTP, and how it reads Cognito's answers, including
 * shapes Tobira does not send (a challenge the app does not handle). The same flows against Tobira
 * itself are in the browser tests ({@link WebAppBrowserTest}, {@link StandaloneWebAppTest}).
 */
class CognitoGatewayWireTest {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final String CLIENT = "webclient000000000000000001";
    private static final String SECRET = "the-client-secret";
    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");

    private FakeAwsEndpoint cognito;
    private CognitoGateway gateway;

    @BeforeEach
    void start() {
        cognito = new FakeAwsEndpoint();
        gateway = new CognitoGateway(new WebSettings("ap-northeast-1", "ap-northeast-1_Wire", CLIENT,
                Optional.of(SECRET), Optional.of(cognito.uri()), true, Duration.ofSeconds(30), WebSettings.CodeValidity.COGNITO_DEFAULT,
                WebSettings.PasswordRules.COGNITO_DEFAULT, WebSettings.RateLimits.DEFAULT),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        gateway.close();
        cognito.close();
    }

    private void answer(String body) {
        cognito.answer(200, JSON, body, Map.of());
    }

    private JsonNode sent(String target) {
        FakeAwsEndpoint.Request request = cognito.requests().getLast();
        assertThat(request.header("X-Amz-Target")).isEqualTo("AWSCognitoIdentityProviderService." + target);
        assertThat(request.header("Authorization")).as("no AWS credentials are needed or sent").isNull();
        return JsonMapper.builder().build().readTree(request.body());
    }

    private static String secretHash(String username) {
        return WebSessions.secretHash(SECRET, username, CLIENT);
    }

    @Test
    void signInWithEmailCodeWhenCognitoAnswersEmailOtpThenACodeStepWithTheMaskedAddress() throws Exception {
        answer("""
                {"ChallengeName":"EMAIL_OTP","Session":"AYABsession1","ChallengeParameters":{
                 "CODE_DELIVERY_DELIVERY_MEDIUM":"EMAIL","CODE_DELIVERY_DESTINATION":"a***@e***"}}""");

        SignInStep step = gateway.signInWithEmailCode("alice@example.com");

        assertThat(step).isEqualTo(new SignInStep.Code("EMAIL_OTP", "AYABsession1", "alice@example.com", "a***@e***"));
        JsonNode request = sent("InitiateAuth");
        assertThat(request.get("AuthFlow").asString()).isEqualTo("USER_AUTH");
        assertThat(request.get("ClientId").asString()).isEqualTo(CLIENT);
        assertThat(request.get("AuthParameters").get("USERNAME").asString()).isEqualTo("alice@example.com");
        assertThat(request.get("AuthParameters").get("PREFERRED_CHALLENGE").asString()).isEqualTo("EMAIL_OTP");
        assertThat(request.get("AuthParameters").get("SECRET_HASH").asString())
                .isEqualTo(secretHash("alice@example.com"));
    }

    @Test
    void answerWhenEmailOtpThenTheCodeGoesAsEmailOtpCodeAndTokensComeBack() throws Exception {
        answer("""
                {"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"access","IdToken":"id",
                 "RefreshToken":"refresh","ExpiresIn":3600,"TokenType":"Bearer"}}""");

        SignInStep step = gateway.answer(new SignInStep.Code("EMAIL_OTP", "AYABsession1", "alice@example.com", "a***@e***"),
                "12345678");

        assertThat(step).isEqualTo(new SignInStep.Done(new Tokens("access", "id", "refresh", NOW.plusSeconds(3600))));
        JsonNode request = sent("RespondToAuthChallenge");
        assertThat(request.get("ChallengeName").asString()).isEqualTo("EMAIL_OTP");
        assertThat(request.get("Session").asString()).isEqualTo("AYABsession1");
        assertThat(request.get("ChallengeResponses").get("EMAIL_OTP_CODE").asString()).isEqualTo("12345678");
        assertThat(request.get("ChallengeResponses").get("USERNAME").asString()).isEqualTo("alice@example.com");
        assertThat(request.get("ChallengeResponses").has("ANSWER")).isFalse();
        assertThat(request.get("ChallengeResponses").get("SECRET_HASH").asString())
                .isEqualTo(secretHash("alice@example.com"));
    }

    @Test
    void signUpWhenPasswordlessThenNoPasswordIsSentAndTheSessionIsKept() {
        answer("""
                {"UserConfirmed":false,"UserSub":"5f0c2a7e-0000-4000-8000-000000000001","Session":"AYABsignup",
                 "CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"a***@e***"}}""");

        CognitoGateway.SignUpResult result = gateway.signUp("alice@example.com", Optional.empty(), "ja");

        assertThat(result).isEqualTo(new CognitoGateway.SignUpResult(false, "a***@e***", Optional.of("AYABsignup")));
        JsonNode request = sent("SignUp");
        assertThat(request.has("Password")).isFalse();
        assertThat(request.get("UserAttributes").toString())
                .contains("{\"Name\":\"email\",\"Value\":\"alice@example.com\"}", "{\"Name\":\"locale\",\"Value\":\"ja\"}");
    }

    @Test
    void confirmThenSignInWhenPasswordlessThenTheSessionsCarryOnToTokens() {
        answer("{\"Session\":\"AYABconfirmed\"}");
        Optional<String> session = gateway.confirmSignUp("alice@example.com", "123456", Optional.of("AYABsignup"));
        assertThat(session).contains("AYABconfirmed");
        assertThat(sent("ConfirmSignUp").get("Session").asString()).isEqualTo("AYABsignup");
        answer("""
                {"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"access","IdToken":"id",
                 "RefreshToken":"refresh","ExpiresIn":600,"TokenType":"Bearer"}}""");

        SignInStep step = gateway.signInAfterConfirmation("alice@example.com", session.get());

        assertThat(step).isInstanceOf(SignInStep.Done.class);
        JsonNode request = sent("InitiateAuth");
        assertThat(request.get("AuthFlow").asString()).isEqualTo("USER_AUTH");
        assertThat(request.get("Session").asString()).isEqualTo("AYABconfirmed");
        assertThat(request.get("AuthParameters").has("PREFERRED_CHALLENGE")).isFalse();
    }

    @Test
    void signInWithEmailCodeWhenAnUnhandledChallengeThenUnexpectedChallenge() {
        answer("{\"ChallengeName\":\"NEW_PASSWORD_REQUIRED\",\"Session\":\"AYABnew\",\"ChallengeParameters\":{}}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.signInWithEmailCode("alice@example.com"))
                .isInstanceOfSatisfying(CognitoGateway.UnexpectedChallengeException.class,
                        e -> assertThat(e.challengeName()).isEqualTo("NEW_PASSWORD_REQUIRED"));
    }

    @Test
    void signInWithPasskeyWhenWebAuthnChallengeThenAPasskeyStepWithTheRequestOptions() {
        answer("""
                {"ChallengeName":"WEB_AUTHN","Session":"AYABpasskey","ChallengeParameters":{
                 "CREDENTIAL_REQUEST_OPTIONS":"{\\"challenge\\":\\"Y2hhbGxlbmdl\\",\\"rpId\\":\\"example.com\\"}"}}""");

        SignInStep step = gateway.signInWithPasskey("alice@example.com");

        assertThat(step).isEqualTo(new SignInStep.Passkey("AYABpasskey", "alice@example.com",
                "{\"challenge\":\"Y2hhbGxlbmdl\",\"rpId\":\"example.com\"}"));
        JsonNode request = sent("InitiateAuth");
        assertThat(request.get("AuthFlow").asString()).isEqualTo("USER_AUTH");
        assertThat(request.get("AuthParameters").get("PREFERRED_CHALLENGE").asString()).isEqualTo("WEB_AUTHN");
        assertThat(request.get("AuthParameters").get("SECRET_HASH").asString())
                .isEqualTo(secretHash("alice@example.com"));
    }

    @Test
    void signInWithPasskeyWhenTheChoiceHasNoPasskeyThenNoPasskey() {
        answer("""
                {"ChallengeName":"SELECT_CHALLENGE","Session":"AYABselect","ChallengeParameters":{},
                 "AvailableChallenges":["PASSWORD_SRP","PASSWORD","EMAIL_OTP"]}""");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.signInWithPasskey("alice@example.com"))
                .isInstanceOf(CognitoGateway.NoPasskeyException.class);
        assertThat(cognito.requests()).hasSize(1);
    }

    @Test
    void answerWhenPasskeyThenTheCredentialGoesAsAJsonStringAndTokensComeBack() {
        answer("""
                {"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"access","IdToken":"id",
                 "RefreshToken":"refresh","ExpiresIn":3600,"TokenType":"Bearer"}}""");

        SignInStep step = gateway.answer(new SignInStep.Passkey("AYABpasskey", "alice@example.com", "{}"),
                "{\"id\":\"abc\",\"type\":\"public-key\"}");

        assertThat(step).isEqualTo(new SignInStep.Done(new Tokens("access", "id", "refresh", NOW.plusSeconds(3600))));
        JsonNode request = sent("RespondToAuthChallenge");
        assertThat(request.get("ChallengeName").asString()).isEqualTo("WEB_AUTHN");
        assertThat(request.get("ChallengeResponses").get("CREDENTIAL").asString())
                .isEqualTo("{\"id\":\"abc\",\"type\":\"public-key\"}");
        assertThat(request.get("ChallengeResponses").get("USERNAME").asString()).isEqualTo("alice@example.com");
    }

    @Test
    void registrationWhenStartedAndCompletedThenTheOptionsAndTheCredentialAreJsonDocuments() {
        answer("""
                {"CredentialCreationOptions":{"challenge":"Y2hhbGxlbmdl","rp":{"id":"example.com","name":"Pool"},
                 "user":{"id":"dXNlcg","name":"alice","displayName":"alice"},"timeout":180000,
                 "pubKeyCredParams":[{"type":"public-key","alg":-7}],"authenticatorSelection":{"requireResidentKey":true}}}""");

        JsonNode options = JsonMapper.builder().build().readTree(gateway.startPasskeyRegistration("access"));

        assertThat(options.at("/rp/id").asString()).isEqualTo("example.com");
        assertThat(options.at("/timeout").asLong()).isEqualTo(180000);
        assertThat(options.at("/pubKeyCredParams/0/alg").asInt()).isEqualTo(-7);
        assertThat(options.at("/authenticatorSelection/requireResidentKey").asBoolean()).isTrue();
        assertThat(sent("StartWebAuthnRegistration").get("AccessToken").asString()).isEqualTo("access");

        answer("{}");
        gateway.completePasskeyRegistration("access", """
                {"id":"abc","rawId":"abc","type":"public-key","response":{"clientDataJSON":"e30",
                 "attestationObject":"oA","transports":["internal"]},"clientExtensionResults":{}}""");
        JsonNode complete = sent("CompleteWebAuthnRegistration");
        assertThat(complete.at("/Credential/response/transports/0").asString()).isEqualTo("internal");
        assertThat(complete.at("/Credential/clientExtensionResults").isObject()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.completePasskeyRegistration("access", "[1]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passkeysWhenListedOverPagesThenEveryOneWithItsNameAndCreation() {
        answer("""
                {"Credentials":[{"CredentialId":"abc","FriendlyCredentialName":"Laptop","RelyingPartyId":"example.com",
                 "AuthenticatorTransports":["internal"],"CreatedAt":1.7776296E9}]}""");

        assertThat(gateway.passkeys("access")).containsExactly(
                new CognitoGateway.PasskeyInfo("abc", "Laptop", Instant.ofEpochSecond(1777629600)));
    }

    @Test
    void callWhenMadeForAVisitorThenXForwardedForNamesThemAndOtherwiseNoOne() {
        AtomicReference<Optional<String>> visitor = new AtomicReference<>(Optional.of("203.0.113.7"));
        try (CognitoGateway forwarding = new CognitoGateway(new WebSettings("ap-northeast-1", "ap-northeast-1_Wire",
                CLIENT, Optional.of(SECRET), Optional.of(cognito.uri()), true, Duration.ofSeconds(30),
                WebSettings.CodeValidity.COGNITO_DEFAULT, WebSettings.PasswordRules.COGNITO_DEFAULT,
                WebSettings.RateLimits.DEFAULT), Clock.fixed(NOW, ZoneOffset.UTC), visitor::get)) {
            answer("{\"CodeDeliveryDetails\":{\"Destination\":\"a***@e***\"}}");
            forwarding.resendConfirmationCode("alice@example.com");
            assertThat(cognito.requests().getLast().header("X-Forwarded-For")).isEqualTo("203.0.113.7");

            visitor.set(Optional.empty());
            answer("{\"CodeDeliveryDetails\":{\"Destination\":\"a***@e***\"}}");
            forwarding.resendConfirmationCode("alice@example.com");
            assertThat(cognito.requests().getLast().header("X-Forwarded-For")).as("outside a visitor's request").isNull();
        }
    }
}
