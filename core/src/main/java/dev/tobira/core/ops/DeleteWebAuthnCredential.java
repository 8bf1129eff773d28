package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** The signed-in user deletes one of their passkeys; it signs nobody in again. */
public final class DeleteWebAuthnCredential extends ServiceOperation<DeleteWebAuthnCredential.Request, Operation.Empty> {

    public record Request(String accessToken, String credentialId) {}

    public DeleteWebAuthnCredential(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        String id = r.credentialId();
        if (id == null || id.isEmpty()) {
            throw new InvalidParameterException("1 validation error detected: Value null at 'credentialId' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        boolean owned = Passkeys.owned(services, caller.user()).stream().anyMatch(p -> p.credentialId().equals(id));
        if (!owned || !services.webAuthn().delete(caller.pool().id(), caller.user().username(), id)) {
            // UNCONFIRMED text: Cognito's answer for an unknown credential id.
            throw new ResourceNotFoundException("Credential not found.");
        }
        return new Empty();
    }
}
