package dev.tobira.core;

import dev.tobira.core.trigger.EmailOtpSettings;
import java.time.Duration;

/**
 * The bounds Tobira puts on codes and retries.
 *
 * @param confirmationCodeLength digits in sign-up and verification codes (Cognito: 6)
 * @param confirmationCodeValidity how long such a code works (Cognito: 24 hours)
 * @param maxFailedCodeAttempts wrong codes allowed against one code before it is refused outright
 * @param resendCooldown how long after a code is sent before another can be requested
 * @param emailOtpTrigger code length, validity and attempts of the built-in {@code tobira-email-otp} triggers
 */
public record Limits(
        int confirmationCodeLength,
        Duration confirmationCodeValidity,
        int maxFailedCodeAttempts,
        Duration resendCooldown,
        EmailOtpSettings emailOtpTrigger) {

    public static final Limits DEFAULT = new Limits(6, Duration.ofHours(24), 5, Duration.ofSeconds(10),
            EmailOtpSettings.DEFAULT);
}
