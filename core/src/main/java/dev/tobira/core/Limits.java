package dev.tobira.core;

import dev.tobira.core.trigger.EmailOtpSettings;
import java.time.Duration;

/**
 * The bounds Tobira puts on codes and retries.
 *
 * @param confirmationCodeLength digits in sign-up and verification codes (Cognito: 6)
 * @param confirmationCodeValidity how long such a code works (Cognito: 24 hours)
 * @param maxFailedCodeAttempts wrong codes allowed against one code before it is refused outright
 * @param resendCooldown how long after a code is sent before another can be requested (a confirmation
 *     code, a password-reset code, or the code of a new {@code USER_AUTH} sign-in)
 * @param emailOtpTrigger code length, validity and attempts of the built-in {@code tobira-email-otp} triggers
 * @param signInCodeLength digits in the codes of {@code USER_AUTH}'s EMAIL_OTP and SMS_OTP challenges
 *     (Cognito: 8, spec §4.4), 6 to 10
 * @param signInCodeAttempts answers judged against one such code, the right one included; after that
 *     many wrong ones its sign-in session is dead (at least 1)
 */
public record Limits(
        int confirmationCodeLength,
        Duration confirmationCodeValidity,
        int maxFailedCodeAttempts,
        Duration resendCooldown,
        EmailOtpSettings emailOtpTrigger,
        int signInCodeLength,
        int signInCodeAttempts) {

    /** Cognito's 8 digits; 3 answers per code (spec §4.4 recommends 3; Cognito's own number is UNCONFIRMED). */
    public static final int SIGN_IN_CODE_LENGTH = 8;
    public static final int SIGN_IN_CODE_ATTEMPTS = 3;

    public static final Limits DEFAULT = new Limits(6, Duration.ofHours(24), 5, Duration.ofSeconds(10),
            EmailOtpSettings.DEFAULT);

    public Limits {
        if (signInCodeLength < 6 || signInCodeLength > 10) {
            throw new IllegalArgumentException("the sign-in code length must be 6 to 10, not " + signInCodeLength);
        }
        if (signInCodeAttempts < 1) {
            throw new IllegalArgumentException("sign-in code attempts must be at least 1, not " + signInCodeAttempts);
        }
    }

    /** These limits with Cognito's sign-in codes: {@value #SIGN_IN_CODE_LENGTH} digits, {@value #SIGN_IN_CODE_ATTEMPTS} answers. */
    public Limits(int confirmationCodeLength, Duration confirmationCodeValidity, int maxFailedCodeAttempts,
            Duration resendCooldown, EmailOtpSettings emailOtpTrigger) {
        this(confirmationCodeLength, confirmationCodeValidity, maxFailedCodeAttempts, resendCooldown, emailOtpTrigger,
                SIGN_IN_CODE_LENGTH, SIGN_IN_CODE_ATTEMPTS);
    }
}
