package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.*;

/** Sign-up and confirmation through the AWS SDK for Java v2, codes read from the dev outbox. */
class SdkV2SignUpTest {

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static final String POOL = DevPool.poolId("us-east-1");
    private static final String CLIENT = DevPool.CLIENT_ID;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    private static String code(String email) {
        return DevOutbox.latestCode(tobira.endpoint(), email, 6);
    }

    private static SignUpResponse signUp(String email, String password) {
        return cognito.signUp(b -> b.clientId(CLIENT).username(email).password(password)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
    }

    @Test
    void signUpWhenEmailPoolThenCodeEmailedAndConfirmSignUpConfirmsAndVerifiesEmail() {
        SignUpResponse signedUp = signUp("kai@example.com", "Passw0rd!");
        assertThat(signedUp.userConfirmed()).isFalse();
        assertThat(signedUp.userSub()).matches("[0-9a-f-]{36}");
        assertThat(signedUp.codeDeliveryDetails().destination()).isEqualTo("k***@e***");
        assertThat(signedUp.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
        assertThat(signedUp.codeDeliveryDetails().attributeName()).isEqualTo("email");
        assertThat(signedUp.session()).isNotBlank();
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username("kai@example.com")).userStatus())
                .isEqualTo(UserStatusType.UNCONFIRMED);

        ConfirmSignUpResponse confirmed = cognito.confirmSignUp(b -> b.clientId(CLIENT).username("kai@example.com")
                .confirmationCode(code("kai@example.com")).session(signedUp.session()));
        assertThat(confirmed.session()).isNotBlank();
        AdminGetUserResponse user = cognito.adminGetUser(b -> b.userPoolId(POOL).username("kai@example.com"));
        assertThat(user.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(user.username()).isEqualTo(signedUp.userSub());
        assertThat(user.userAttributes()).contains(AttributeType.builder().name("email_verified").value("true").build());

        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(CLIENT).username("kai@example.com")
                .confirmationCode("000000")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("User cannot be confirmed. Current status is CONFIRMED");
    }

    @Test
    void signUpWhenEmailTakenOrPasswordWeakThenCognitosErrorsAndNoUserWritten() {
        signUp("lea@example.com", "Passw0rd!");
        assertThatThrownBy(() -> signUp("LEA@example.com", "Passw0rd!"))
                .isInstanceOf(UsernameExistsException.class)
                .hasMessageStartingWith("An account with the given email already exists.");
        assertThatThrownBy(() -> signUp("max@example.com", "password"))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessageStartingWith("Password did not conform with policy: Password must have uppercase characters");
        assertThat(cognito.listUsers(b -> b.userPoolId(POOL).filter("email = \"max@example.com\"")).users()).isEmpty();
        assertThatThrownBy(() -> cognito.signUp(b -> b.clientId(CLIENT).username("not-an-email").password("Passw0rd!")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Username should be an email.");
        assertThatThrownBy(() -> cognito.signUp(b -> b.clientId("nosuchclient").username("x@example.com")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("User pool client nosuchclient does not exist.");
    }

    @Test
    void confirmSignUpWhenCodeWrongSupersededOrReusedThenEachGetsItsError() {
        signUp("mia@example.com", "Passw0rd!");
        String first = code("mia@example.com");
        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(CLIENT).username("mia@example.com")
                .confirmationCode(wrong(first))))
                .isInstanceOf(CodeMismatchException.class)
                .hasMessageStartingWith("Invalid verification code provided, please try again.");

        ResendConfirmationCodeResponse resent = cognito.resendConfirmationCode(b -> b.clientId(CLIENT)
                .username("mia@example.com"));
        assertThat(resent.codeDeliveryDetails().destination()).isEqualTo("m***@e***");
        String second = code("mia@example.com");
        assertThat(DevOutbox.count(tobira.endpoint(), "mia@example.com")).isEqualTo(2);
        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(CLIENT).username("mia@example.com")
                .confirmationCode(first)))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessageStartingWith("Invalid code provided, please request a code again.");
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username("mia@example.com").confirmationCode(second));
        assertThatThrownBy(() -> cognito.resendConfirmationCode(b -> b.clientId(CLIENT).username("mia@example.com")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("User is already confirmed.");
    }

    @Test
    void confirmSignUpWhenTooManyWrongCodesThenEvenTheRightOneIsRefused() {
        signUp("noa@example.com", "Passw0rd!");
        String right = code("noa@example.com");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(CLIENT).username("noa@example.com")
                    .confirmationCode(wrong(right)))).isInstanceOf(CodeMismatchException.class);
        }
        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(CLIENT).username("noa@example.com")
                .confirmationCode(wrong(right))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Attempt limit exceeded, please try after some time.");
        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(CLIENT).username("noa@example.com")
                .confirmationCode(right)))
                .isInstanceOf(LimitExceededException.class);
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username("noa@example.com")).userStatus())
                .isEqualTo(UserStatusType.UNCONFIRMED);
        // A new code starts a new count.
        cognito.resendConfirmationCode(b -> b.clientId(CLIENT).username("noa@example.com"));
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username("noa@example.com")
                .confirmationCode(code("noa@example.com")));
    }

    @Test
    void confirmSignUpWhenTwoCallsRaceWithTheSameCodeThenExactlyOneSucceeds() throws Exception {
        signUp("oli@example.com", "Passw0rd!");
        String code = code("oli@example.com");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(() -> {
                    try (CognitoIdentityProviderClient own = tobira.client()) {
                        own.confirmSignUp(b -> b.clientId(CLIENT).username("oli@example.com").confirmationCode(code));
                        return true;
                    } catch (CognitoIdentityProviderException e) {
                        return false;
                    }
                });
            }
            int successes = 0;
            for (Future<Boolean> f : executor.invokeAll(calls)) {
                successes += f.get() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void signUpWhenNoPasswordInPasswordlessPoolThenSessionAndConfirmReturnsSignInSession() {
        SignUpResponse signedUp = cognito.signUp(b -> b.clientId(CLIENT).username("pia@example.com"));
        assertThat(signedUp.session()).isNotBlank();
        ConfirmSignUpResponse confirmed = cognito.confirmSignUp(b -> b.clientId(CLIENT).username("pia@example.com")
                .confirmationCode(code("pia@example.com")).session(signedUp.session()));
        assertThat(confirmed.session()).isNotBlank().isNotEqualTo(signedUp.session());
    }

    @Test
    void signUpWhenNoPasswordAndPoolHasOnlyPasswordFactorThenRefused() {
        String poolId = cognito.createUserPool(b -> b.poolName("pw-only").autoVerifiedAttributes(
                VerifiedAttributeType.EMAIL)).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("c")).userPoolClient()
                .clientId();
        String required = "A password is required: this user pool's sign-in policy allows no passwordless first "
                + "factor (EMAIL_OTP or SMS_OTP).";
        CognitoErrors.assertCognitoError(() -> cognito.signUp(b -> b.clientId(clientId).username("quinn")),
                InvalidParameterException.class, required);
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
    }

    @Test
    void signUpWhenClientHasSecretThenSecretHashRequiredAndChecked() throws Exception {
        String poolId = cognito.createUserPool(b -> b.poolName("secret").autoVerifiedAttributes(
                VerifiedAttributeType.EMAIL)).userPool().id();
        UserPoolClientType client = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("server")
                .generateSecret(true)).userPoolClient();
        assertThatThrownBy(() -> cognito.signUp(b -> b.clientId(client.clientId()).username("rae").password("Passw0rd!")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Client " + client.clientId() + " is configured with secret but SECRET_HASH "
                        + "was not received");
        assertThatThrownBy(() -> cognito.signUp(b -> b.clientId(client.clientId()).username("rae").password("Passw0rd!")
                .secretHash("bm9wZQ==")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Unable to verify secret hash for client " + client.clientId());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hash = Base64.getEncoder().encodeToString(
                mac.doFinal(("rae" + client.clientId()).getBytes(StandardCharsets.UTF_8)));
        SignUpResponse ok = cognito.signUp(b -> b.clientId(client.clientId()).username("rae").password("Passw0rd!")
                .secretHash(hash).userAttributes(AttributeType.builder().name("email").value("rae@example.com").build()));
        assertThat(ok.userConfirmed()).isFalse();
        assertThat(ok.session()).isNull();
    }

    @Test
    void confirmSignUpWhenUserUnknownThenDependsOnPreventUserExistenceErrors() {
        // The dev client prevents user-existence errors: an unknown user looks like a wrong code.
        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(CLIENT).username("ghost@example.com")
                .confirmationCode("123456")))
                .isInstanceOf(CodeMismatchException.class);
        String legacy = cognito.createUserPoolClient(b -> b.userPoolId(POOL).clientName("legacy")
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY)).userPoolClient().clientId();
        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(legacy).username("ghost@example.com")
                .confirmationCode("123456")))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageStartingWith("Username/client id combination not found.");
    }

    @Test
    void confirmSignUpWhenEmailAliasTakenThenAliasExistsUnlessForcedThenTheAliasMoves() {
        String poolId = cognito.createUserPool(b -> b.poolName("alias").aliasAttributes(AliasAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")).userPoolClient()
                .clientId();
        assertThatThrownBy(() -> cognito.signUp(b -> b.clientId(clientId).username("sam@example.com")
                .password("Passw0rd!")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Username cannot be of email format, since user pool is configured for email "
                        + "alias.");
        // A duplicate email is not refused at sign-up in an alias pool; only confirming claims the alias.
        for (String name : List.of("sam1", "sam2")) {
            cognito.signUp(b -> b.clientId(clientId).username(name).password("Passw0rd!")
                    .userAttributes(AttributeType.builder().name("email").value("sam@example.com").build()));
        }
        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("sam1"));
        String first = code("sam@example.com");
        cognito.confirmSignUp(b -> b.clientId(clientId).username("sam1").confirmationCode(first));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("sam@example.com")).username())
                .isEqualTo("sam1");

        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("sam2"));
        String second = code("sam@example.com");
        assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(clientId).username("sam2")
                .confirmationCode(second)))
                .isInstanceOf(AliasExistsException.class)
                .hasMessageStartingWith("An account with the email already exists.");
        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("sam2"));
        String third = code("sam@example.com");
        cognito.confirmSignUp(b -> b.clientId(clientId).username("sam2").confirmationCode(third)
                .forceAliasCreation(true));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("sam@example.com")).username())
                .isEqualTo("sam2");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("sam1")).userAttributes())
                .contains(AttributeType.builder().name("email_verified").value("false").build());
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
