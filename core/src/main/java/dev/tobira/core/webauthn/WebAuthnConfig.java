package dev.tobira.core.webauthn;

/**
 * A pool's {@code WebAuthnConfiguration}: the relying party id its passkeys are bound to (a host name
 * such as {@code example.com} or {@code localhost}) and whether the authenticator must verify the user
 * ({@code required}) or should ({@code preferred}, Cognito's default).
 */
public record WebAuthnConfig(String relyingPartyId, String userVerification) {}
