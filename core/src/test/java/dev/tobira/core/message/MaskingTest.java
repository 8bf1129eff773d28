package dev.tobira.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("Email: first character of the local part, ***@, first character of the domain, *** (spec §4.2, §5.1)")
    @CsvSource(delimiter = '|', value = {
            "alice@example.com        | a***@e***",
            "j.doe+tag@mail.example.jp | j***@m***",
            "a@example.com            | a***@e***",
            "' alice@example.com '    | a***@e***",
            "\"a@b\"@example.com      | \"***@e***",
            "alice                    | a***",
            "@example.com             | ***@e***",
            "alice@                   | a***@***",
            "@                        | ***@***",
            "たろう@例え.jp            | た***@例***",
            "😀x@example.com           | 😀***@e***"})
    void emailWhenAddressThenCognitoMask(String address, String masked) {
        assertThat(Masking.email(address)).isEqualTo(masked);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void emailWhenNullOrBlankThenEmpty(String address) {
        assertThat(Masking.email(address)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("Phone: the plus sign, * for every digit but the last four (spec §4.2, §5.1)")
    @CsvSource(delimiter = '|', value = {
            "+15555550100      | +*******0100",
            "+819012345678     | +********5678",
            "+44 20-7946-0958  | +********0958",
            "15555550100       | *******0100",
            "+12345678         | +****5678",
            "+1234567          | +****567",
            "+1234             | +**34",
            "+1                | +*"})
    void phoneWhenNumberThenCognitoMask(String number, String masked) {
        assertThat(Masking.phone(number)).isEqualTo(masked);
    }

    @ParameterizedTest
    @DisplayName("A short number is never shown whole")
    @ValueSource(strings = {"+1", "+12", "+123", "+1234", "+12345", "+123456", "+1234567", "+12345678"})
    void phoneWhenShortThenSomeDigitsStayHidden(String number) {
        String masked = Masking.phone(number);
        assertThat(masked).contains("*").hasSize(number.length());
        assertThat(masked.chars().filter(Character::isDigit).count()).isLessThanOrEqualTo((number.length() - 1) / 2);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"+", "phone", "   "})
    void phoneWhenNoDigitsThenEmpty(String number) {
        assertThat(Masking.phone(number)).isEmpty();
    }

    @Test
    void destinationWhenChannelThenMaskForThatChannel() {
        assertThat(Masking.destination(Message.Channel.EMAIL, "alice@example.com")).isEqualTo("a***@e***");
        assertThat(Masking.destination(Message.Channel.SMS, "+15555550100")).isEqualTo("+*******0100");
    }
}
