package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.ExpiredCodeException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.TestServices;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sign-up codes with an injected clock: validity, cooldown, and the code that reaches the user. */
class ConfirmationCodesTest {

    private TestServices t;
    private String clientId;
    private String poolId;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        UserPool pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, null,
                List.of("email"), null, List.of("email"), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null)).userPool();
        poolId = pool.id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(pool.id(), "c", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null)).userPoolClient().clientId();
    }

    private void signUp(String email) {
        new SignUp(t.services).handle(new SignUp.Request(clientId, null, email, "Passw0rd!",
                List.of(new Attribute("email", email)), null, null));
    }

    private String lastCode() {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(t.sent.getLast().body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void confirm(String email, String code) {
        new ConfirmSignUp(t.services).handle(new ConfirmSignUp.Request(clientId, null, email, code, null, null, null));
    }

    @Test
    @DisplayName("a sign-up code is valid for 24 hours (spec §5.2)")
    void confirmWhenCodeOlderThan24HoursThenExpiredCode() {
        signUp("ada@example.com");
        String code = lastCode();
        t.clock.advance(Duration.ofHours(24));
        assertThatThrownBy(() -> confirm("ada@example.com", code))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessage("Invalid code provided, please request a code again.");
    }

    @Test
    void confirmWhenCodeJustInsideItsValidityThenConfirms() {
        signUp("bea@example.com");
        String code = lastCode();
        t.clock.advance(Duration.ofHours(24).minusSeconds(1));
        confirm("bea@example.com", code);
    }

    @Test
    void resendWhenWithinCooldownThenLimitExceededAndAfterItANewCode() {
        signUp("cid@example.com");
        ResendConfirmationCode resend = new ResendConfirmationCode(t.services);
        assertThatThrownBy(() -> resend.handle(new ResendConfirmationCode.Request(clientId, null, "cid@example.com",
                null)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("Attempt limit exceeded, please try after some time.");
        assertThat(t.sent).hasSize(1);
        t.clock.advance(Duration.ofSeconds(10));
        resend.handle(new ResendConfirmationCode.Request(clientId, null, "cid@example.com", null));
        assertThat(t.sent).hasSize(2);
    }

    @Test
    void signUpWhenCodeSentThenOnlyItsHashIsStored() {
        signUp("dan@example.com");
        String code = lastCode();
        String username = t.services.users().findByAttribute(poolId, "email", "dan@example.com", false).getFirst()
                .username();
        OneTimeCode stored = t.services.codes().active(poolId, username, CodePurpose.SIGN_UP).orElseThrow();
        assertThat(stored.codeHash()).hasSize(64).doesNotContain(code)
                .isEqualTo(t.services.codeHasher().hash(poolId, username, CodePurpose.SIGN_UP, code));
    }
}
