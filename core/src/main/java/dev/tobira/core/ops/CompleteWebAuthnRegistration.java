package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.CognitoException.WebAuthnChallengeNotFoundException;
import dev.tobira.core.CognitoException.WebAuthnClientMismatchException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.webauthn.Passkey;
import dev.tobira.core.webauthn.PendingRegistration;

/**
 * A signed-in user finishes registering a passkey with the {@code Credential} the browser returned
 * (the PublicKeyCredential as JSON). The registration StartWebAuthnRegistration began is spent by this
 * call whatever follows.
 *
 * <p>{@code WebAuthnChallengeNotFoundException} when no registration is under way or it timed out;
 * {@code WebAuthnClientMismatchException} when the access token is of another app client than the
 * start's; {@code WebAuthnOriginNotAllowedException}, {@code WebAuthnRelyingPartyMismatchException} or
 * {@code WebAuthnCredentialNotSupportedException} when the credential fails those checks.
 */
public final class CompleteWebAuthnRegistration
        extends ServiceOperation<CompleteWebAuthnRegistration.Request, Operation.Empty> {

    public record Request(String accessToken, Object credential) {}

    public CompleteWebAuthnRegistration(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        if (r.credential() == null) {
            throw new InvalidParameterException("1 validation error detected: Value null at 'credential' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        Passkeys.requireEnabled(caller.pool());
        Passkeys passkeys = Passkeys.of(services, caller.pool(), caller.user());
        PendingRegistration pending = services.webAuthn()
                .takePendingRegistration(caller.pool().id(), caller.user().username())
                .filter(p -> !p.expired(services.clock().instant()))
                .orElseThrow(() -> new WebAuthnChallengeNotFoundException(
                        "No passkey registration is under way for this user, or it has expired (UNCONFIRMED text)."));
        if (!pending.clientId().equals(caller.client().clientId())) {
            throw new WebAuthnClientMismatchException(
                    "The passkey registration was started by another app client (UNCONFIRMED text).");
        }
        Passkey passkey = passkeys.finishRegistration(pending.requestJson(), r.credential());
        if (Passkeys.owned(services, caller.user()).size() >= Passkeys.MAX_PER_USER) {
            throw new LimitExceededException(StartWebAuthnRegistration.TOO_MANY);
        }
        if (!services.webAuthn().add(passkey)) {
            throw new InvalidParameterException("This passkey is already registered (UNCONFIRMED text).");
        }
        return new Empty();
    }
}
