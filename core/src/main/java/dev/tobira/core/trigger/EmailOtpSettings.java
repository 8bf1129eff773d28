package dev.tobira.core.trigger;

import java.time.Duration;

/**
 * How the built-in {@code tobira-email-otp} triggers behave.
 *
 * @param codeLength digits in each emailed code (4 to 10)
 * @param codeValidity how long a code works after it is sent, as the email states
 * @param maxCodeAttempts answers allowed per sign-in before it fails and must start over
 */
public record EmailOtpSettings(int codeLength, Duration codeValidity, int maxCodeAttempts) {

    /** 6 digits, 3 minutes, 3 attempts: what the original design promised its users. */
    public static final EmailOtpSettings DEFAULT = new EmailOtpSettings(6, Duration.ofMinutes(3), 3);

    public EmailOtpSettings {
        if (codeLength < 4 || codeLength > 10) {
            throw new IllegalArgumentException("codeLength must be 4 to 10, not " + codeLength);
        }
        if (codeValidity.isNegative() || codeValidity.isZero()) {
            throw new IllegalArgumentException("codeValidity must be positive");
        }
        if (maxCodeAttempts < 1) {
            throw new IllegalArgumentException("maxCodeAttempts must be at least 1");
        }
    }
}
