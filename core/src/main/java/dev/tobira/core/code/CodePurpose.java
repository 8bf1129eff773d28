package dev.tobira.core.code;

/** What a one-time code confirms. A user has at most one active code per purpose. */
public enum CodePurpose {
    /** Confirms a sign-up (ConfirmSignUp). */
    SIGN_UP,
    /**
     * Verifies the user's email address (VerifyUserAttribute), or the new one an UpdateUserAttributes
     * left pending; one per attribute, so that an email code and a phone code can both be open.
     */
    EMAIL_VERIFICATION,
    /** Verifies the user's phone number, or a pending new one; see {@link #EMAIL_VERIFICATION}. */
    PHONE_NUMBER_VERIFICATION,
    /** Resets a forgotten password (ConfirmForgotPassword). */
    FORGOT_PASSWORD,
    /** Answers a sign-in challenge (the built-in email one-time-code trigger); kept in the sign-in session. */
    SIGN_IN_CHALLENGE,
    /** Answers a choice-based sign-in's EMAIL_OTP or SMS_OTP challenge (USER_AUTH); its session names the code. */
    SIGN_IN_OTP,
    /**
     * Stands for the one sign-in ConfirmSignUp's session allows (auto sign-in, spec §4.5); never sent,
     * named by that session, and spent by whichever sign-in of the user comes first.
     */
    AUTO_SIGN_IN;

    /**
     * The purpose verifying attribute {@code name}: {@code email} or {@code phone_number}.
     *
     * @throws IllegalArgumentException for any other attribute
     */
    public static CodePurpose verifying(String name) {
        return switch (name) {
            case "email" -> EMAIL_VERIFICATION;
            case "phone_number" -> PHONE_NUMBER_VERIFICATION;
            default -> throw new IllegalArgumentException("only email and phone_number are verified: " + name);
        };
    }
}
