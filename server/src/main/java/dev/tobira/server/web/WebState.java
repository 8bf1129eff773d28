package dev.tobira.server.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the web app remembers about a visitor between pages, in the server-side session (stored in
 * the database, shared by all nodes). At most one of each is set at a time.
 */
public final class WebState {

    private WebState() {}

    /** How a user signed in, as the dashboard tells them. */
    public enum Method {
        /** Password (SRP), then a code emailed by the auth-challenge triggers (CUSTOM_AUTH). */
        PASSWORD_AND_EMAIL_CODE,
        /** Passwordless: a code emailed by Cognito (USER_AUTH, EMAIL_OTP). */
        EMAIL_CODE,
        /** Passwordless sign-up: the confirmation code signed the user straight in (USER_AUTH with Session). */
        SIGN_UP_CODE,
        /** Passwordless: a passkey (USER_AUTH, WEB_AUTHN). */
        PASSKEY,
        /** Passwordless: a code sent by text message by Cognito (USER_AUTH, SMS_OTP); the managed login offers it. */
        SMS_CODE
    }

    /**
     * A sign-up waiting for its confirmation code.
     *
     * @param signUpSession the {@code Session} of the SignUp answer ("" when none), needed for the
     *     passwordless automatic sign-in
     * @param codeSentAt when the last code was sent, for the resend cooldown
     */
    public record Confirmation(String email, boolean passwordless, String signUpSession, String destination,
            Instant codeSentAt) implements Serializable {

        public Confirmation resent(String newDestination, Instant at) {
            return new Confirmation(email, passwordless, signUpSession,
                    newDestination.isEmpty() ? destination : newDestination, at);
        }
    }

    /**
     * A sign-in waiting for an emailed code.
     *
     * @param code the challenge to answer
     * @param validUntil when the code stops working (its sending time plus the validity configured for its design)
     */
    public record CodeEntry(String email, Method method, SignInStep.Code code, Instant sentAt, Instant validUntil)
            implements Serializable {

        public CodeEntry nextRound(SignInStep.Code next) {
            return new CodeEntry(email, method, next, sentAt, validUntil);
        }
    }

    /**
     * A sign-in waiting for the browser's passkey.
     *
     * @param passkey the challenge to answer
     */
    public record PasskeyEntry(String email, SignInStep.Passkey passkey) implements Serializable {}

    /**
     * A signed-in user.
     *
     * @param username the pool's internal username (the tokens' {@code username}), for refreshing
     */
    public record Account(String email, String username, Method method, Tokens tokens, Instant signedInAt)
            implements Serializable {

        public Account withTokens(Tokens fresh) {
            return new Account(email, username, method, fresh, signedInAt);
        }
    }

    /**
     * A password reset waiting for its emailed code.
     *
     * @param destination the masked address the code went to
     */
    public record PasswordReset(String email, String destination) implements Serializable {}
}
