package dev.tobira.core.code;

/** What a one-time code confirms. A user has at most one active code per purpose. */
public enum CodePurpose {
    /** Confirms a sign-up (ConfirmSignUp). */
    SIGN_UP,
    /** Verifies a changed email or phone number (VerifyUserAttribute). */
    ATTRIBUTE_VERIFICATION,
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
    AUTO_SIGN_IN
}
