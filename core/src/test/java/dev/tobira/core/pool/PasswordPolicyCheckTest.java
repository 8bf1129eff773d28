package dev.tobira.core.pool;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidPasswordException;
import dev.tobira.core.pool.UserPool.PasswordPolicy;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyCheckTest {

    @ParameterizedTest
    @DisplayName("InvalidPasswordException names the first rule broken, one rule at a time (spec §5.1)")
    @CsvSource({
            "Ab1!,        Password did not conform with policy: Password not long enough",
            "ABCDEFGH1!,  Password did not conform with policy: Password must have lowercase characters",
            "abcdefgh1!,  Password did not conform with policy: Password must have uppercase characters",
            "Abcdefghi!,  Password did not conform with policy: Password must have numeric characters",
            "Abcdefgh12,  Password did not conform with policy: Password must have symbol characters"})
    void checkWhenRuleBrokenThenCognitosMessage(String password, String message) {
        assertThatThrownBy(() -> PasswordPolicyCheck.check(PasswordPolicy.DEFAULT, password))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessage(message);
    }

    @Test
    void checkWhenEveryRuleMetThenPasses() {
        assertThatCode(() -> PasswordPolicyCheck.check(PasswordPolicy.DEFAULT, "Abcdefg1 ")).doesNotThrowAnyException();
    }

    @Test
    void generateWhenAnyPolicyThenTheResultPassesIt() {
        Random random = new Random(42);
        PasswordPolicy strict = new PasswordPolicy(40, true, true, true, true, null, 7);
        for (int i = 0; i < 200; i++) {
            String password = PasswordPolicyCheck.generate(strict, random);
            assertThatCode(() -> PasswordPolicyCheck.check(strict, password)).doesNotThrowAnyException();
        }
    }
}
