package dev.tobira.server.web;

/** Where a sign-in stands after a call to the API: a code to enter, a passkey to use, or done. */
public sealed interface SignInStep extends java.io.Serializable {

    /**
     * The user must enter an emailed code.
     *
     * @param challengeName {@code CUSTOM_CHALLENGE} (password then code), {@code EMAIL_OTP} or {@code SMS_OTP} (passwordless)
     * @param session the opaque session to answer with
     * @param username the name to answer as ({@code USERNAME} of the challenge: the pool's internal one)
     * @param destination the masked address the code went to, as Cognito gave it
     */
    record Code(String challengeName, String session, String username, String destination) implements SignInStep {}

    /**
     * The user must use a passkey ({@code WEB_AUTHN}).
     *
     * @param session the opaque session to answer with
     * @param username the name to answer as
     * @param requestOptions {@code CREDENTIAL_REQUEST_OPTIONS}: the {@code publicKey} options of
     *     {@code navigator.credentials.get}, as JSON
     */
    record Passkey(String session, String username, String requestOptions) implements SignInStep {}

    /** Signed in. */
    record Done(Tokens tokens) implements SignInStep {}
}
