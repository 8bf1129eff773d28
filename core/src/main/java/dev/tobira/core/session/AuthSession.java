package dev.tobira.core.session;

import java.time.Instant;
import java.util.Map;

/**
 * A pending sign-in step that a client continues with an opaque {@code Session} string: a challenge
 * waiting for its answer, or the session that SignUp and ConfirmSignUp return in passwordless pools,
 * with which the user signs in once without another code. Only a hash of the session string is stored.
 *
 * @param data facts the next step needs (e.g. whether the sign-up was confirmed), all strings
 */
public record AuthSession(
        String userPoolId,
        String clientId,
        String username,
        Kind kind,
        Instant createdAt,
        Instant expiresAt,
        Map<String, String> data) {

    public AuthSession {
        data = Map.copyOf(data);
    }

    public enum Kind {
        /** Returned by SignUp: lets ConfirmSignUp return a sign-in session. */
        SIGN_UP,
        /** Returned by ConfirmSignUp: one sign-in without another factor (InitiateAuth USER_AUTH). */
        CONFIRMED_SIGN_UP,
        /** A user with a temporary password proved it and must now choose a new one. */
        NEW_PASSWORD_REQUIRED,
        /** An SRP exchange waiting for the PASSWORD_VERIFIER proof; {@code data} holds b, B and A. */
        PASSWORD_VERIFIER,
        /** A custom challenge waiting for its answer; {@code data} holds the challenge history and private parameters. */
        CUSTOM_CHALLENGE,
        /** A USER_AUTH sign-in waiting for the user to pick a first factor; {@code data} holds the choices. */
        SELECT_CHALLENGE,
        /** A USER_AUTH sign-in waiting for the emailed code; {@code data} holds the code's keyed hash. */
        EMAIL_OTP,
        /** A USER_AUTH sign-in waiting for the texted code; {@code data} holds the code's keyed hash. */
        SMS_OTP,
        /** A USER_AUTH sign-in waiting for a passkey assertion; {@code data} holds the assertion request. */
        WEB_AUTHN
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
