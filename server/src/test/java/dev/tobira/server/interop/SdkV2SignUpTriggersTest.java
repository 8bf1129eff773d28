package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * PreSignUp and PostConfirmation as Java classes written against aws-lambda-java-events, driven by
 * SignUp through the AWS SDK for Java v2: the classic "only our domain, confirmed at once" trigger.
 */
class SdkV2SignUpTriggersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    /** The users PostConfirmation was told of. */
    static final List<String> CONFIRMED = new CopyOnWriteArrayList<>();

    /** Refuses other domains; confirms and verifies example.com addresses at once. */
    public static final class DomainPreSignUp
            implements RequestHandler<CognitoUserPoolPreSignUpEvent, CognitoUserPoolPreSignUpEvent> {
        @Override
        public CognitoUserPoolPreSignUpEvent handleRequest(CognitoUserPoolPreSignUpEvent event, Context context) {
            String email = event.getRequest().getUserAttributes().get("email");
            if (!email.endsWith("@example.com")) {
                throw new IllegalArgumentException("Registration from this domain is not allowed.");
            }
            boolean invited = "TOBIRA".equals(event.getRequest().getValidationData().get("invite"));
            event.setResponse(CognitoUserPoolPreSignUpEvent.Response.builder()
                    .withAutoConfirmUser(invited).withAutoVerifyEmail(invited).withAutoVerifyPhone(false).build());
            return event;
        }
    }

    /** Remembers who was confirmed. */
    public static final class RecordingPostConfirmation
            implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {
        @Override
        public CognitoUserPoolPostConfirmationEvent handleRequest(CognitoUserPoolPostConfirmationEvent event,
                Context context) {
            CONFIRMED.add(event.getTriggerSource() + " " + event.getRequest().getUserAttributes().get("email"));
            return event;
        }
    }

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String client;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of(
                "pre-sign-up", DomainPreSignUp.class.getName(),
                "post-confirmation", RecordingPostConfirmation.class.getName()), List.of(), Optional.empty()));
        cognito = tobira.client();
        String pool = cognito.createUserPool(b -> b.poolName("domain-only")
                .usernameAttributes(UsernameAttributeType.EMAIL).autoVerifiedAttributesWithStrings("email")
                .lambdaConfig(l -> l.preSignUp(ARN + "pre-sign-up").postConfirmation(ARN + "post-confirmation")))
                .userPool().id();
        client = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("web")).userPoolClient().clientId();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    private static SignUpResponse signUp(String email, String invite) {
        return cognito.signUp(b -> b.clientId(client).username(email).password("Right-Passw0rd!")
                .userAttributes(a -> a.name("email").value(email))
                .validationData(a -> a.name("invite").value(invite)));
    }

    @Test
    void signUpWhenPreSignUpRefusesTheDomainThenUserLambdaValidationWithItsMessage() {
        assertThatThrownBy(() -> signUp("mallory@elsewhere.test", "TOBIRA"))
                .isInstanceOf(UserLambdaValidationException.class)
                .hasMessageContaining("PreSignUp failed with error Registration from this domain is not allowed..");
        assertThat(DevOutbox.count(tobira.endpoint(), "mallory@elsewhere.test")).isZero();
    }

    @Test
    void signUpWhenPreSignUpConfirmsThenConfirmedWithoutACode() {
        SignUpResponse response = signUp("ren@example.com", "TOBIRA");

        assertThat(response.userConfirmed()).isTrue();
        assertThat(response.codeDeliveryDetails()).isNull();
        assertThat(DevOutbox.count(tobira.endpoint(), "ren@example.com")).isZero();
    }

    @Test
    void confirmSignUpWhenNotAutoConfirmedThenCodeConfirmsAndPostConfirmationIsTold() {
        SignUpResponse response = signUp("aoi@example.com", "none");
        assertThat(response.userConfirmed()).isFalse();

        cognito.confirmSignUp(b -> b.clientId(client).username("aoi@example.com")
                .confirmationCode(DevOutbox.latestCode(tobira.endpoint(), "aoi@example.com", 6)));

        assertThat(CONFIRMED).contains("PostConfirmation_ConfirmSignUp aoi@example.com");
    }
}
