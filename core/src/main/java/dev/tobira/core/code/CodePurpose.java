package dev.tobira.core.code;

/** What a one-time code confirms. A user has at most one active code per purpose. */
public enum CodePurpose {
    /** Confirms a sign-up (ConfirmSignUp). */
    SIGN_UP,
    /** Verifies a changed email or phone number (VerifyUserAttribute). */
    ATTRIBUTE_VERIFICATION,
    /** Resets a forgotten password (ConfirmForgotPassword). */
    FORGOT_PASSWORD
}
