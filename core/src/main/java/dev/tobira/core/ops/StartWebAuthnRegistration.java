package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.Services;
import dev.tobira.core.webauthn.PendingRegistration;
import java.time.Duration;
import java.util.Map;

/**
 * A signed-in user starts registering a passkey: the {@code CredentialCreationOptions} for
 * {@code navigator.credentials.create()} (the {@code publicKey} member, as JSON), with attestation
 * {@code none} and a discoverable credential required. The request is kept server-side, one per user
 * (a new start replaces it), until CompleteWebAuthnRegistration or its timeout.
 *
 * <p>Refused with {@code WebAuthnNotEnabledException} when WEB_AUTHN is not a first factor of the pool,
 * {@code WebAuthnConfigurationMissingException} without a relying party id, and
 * {@code LimitExceededException} when the user has {@value Passkeys#MAX_PER_USER} passkeys.
 */
public final class StartWebAuthnRegistration
        extends ServiceOperation<StartWebAuthnRegistration.Request, StartWebAuthnRegistration.Response> {

    /** UNCONFIRMED text: Cognito's answer to a 21st passkey. */
    static final String TOO_MANY = "A user can have at most " + Passkeys.MAX_PER_USER + " passkeys.";

    public record Request(String accessToken) {}

    public record Response(Map<String, Object> credentialCreationOptions) {}

    public StartWebAuthnRegistration(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        Passkeys.requireEnabled(caller.pool());
        Passkeys passkeys = Passkeys.of(services, caller.pool(), caller.user());
        if (Passkeys.owned(services, caller.user()).size() >= Passkeys.MAX_PER_USER) {
            throw new LimitExceededException(TOO_MANY);
        }
        Passkeys.Started started = passkeys.startRegistration();
        services.webAuthn().savePendingRegistration(new PendingRegistration(caller.pool().id(),
                caller.user().username(), caller.client().clientId(), started.requestJson(),
                services.clock().instant().plus(Duration.ofMillis(Passkeys.TIMEOUT_MILLIS))));
        return new Response(started.publicKey());
    }
}
