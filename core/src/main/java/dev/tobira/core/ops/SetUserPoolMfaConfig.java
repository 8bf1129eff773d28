package dev.tobira.core.ops;

import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PoolSettings;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.EmailMfaConfig;
import dev.tobira.core.webauthn.WebAuthnConfig;
import java.util.Optional;

/**
 * Sets the pool's MFA mode, the email one-time-code message and the passkey settings
 * ({@code WebAuthnConfiguration}: relying party id, user verification; kept in the
 * {@link dev.tobira.core.webauthn.WebAuthnStore}). SMS and authenticator-app MFA settings, and passkeys
 * as an MFA factor ({@code MULTI_FACTOR_WITH_USER_VERIFICATION}), are not supported yet and are refused
 * rather than ignored, and so is the mode
 * {@code ON}, which Tobira could not enforce ({@link PoolSettings#checkMfa}); {@code OFF} and
 * {@code OPTIONAL} are stored as set, and with no way for a user to turn MFA on, OPTIONAL signs
 * users in as OFF does.
 */
public final class SetUserPoolMfaConfig
        extends ServiceOperation<SetUserPoolMfaConfig.Request, SetUserPoolMfaConfig.Response> {

    public record Request(
            String userPoolId,
            Object smsMfaConfiguration,
            Object softwareTokenMfaConfiguration,
            EmailMfaConfig emailMfaConfiguration,
            String mfaConfiguration,
            WebAuthnConfiguration webAuthnConfiguration) {}

    public record Response(EmailMfaConfig emailMfaConfiguration, String mfaConfiguration,
            WebAuthnConfiguration webAuthnConfiguration) {}

    /** Cognito's {@code WebAuthnConfigurationType}. */
    public record WebAuthnConfiguration(String relyingPartyId, String userVerification, String factorConfiguration) {

        static WebAuthnConfiguration of(Optional<WebAuthnConfig> config) {
            return config.map(c -> new WebAuthnConfiguration(c.relyingPartyId(), c.userVerification(),
                    "SINGLE_FACTOR")).orElse(null);
        }
    }

    public SetUserPoolMfaConfig(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool old = Pools.pool(services, r.userPoolId());
        if (r.smsMfaConfiguration() != null || r.softwareTokenMfaConfiguration() != null) {
            throw new CognitoException.UnsupportedOperationException("Tobira supports only EmailMfaConfiguration, "
                    + "MfaConfiguration and WebAuthnConfiguration in SetUserPoolMfaConfig.");
        }
        Optional<WebAuthnConfig> webAuthn = webAuthn(services.webAuthn().config(old.id()), r.webAuthnConfiguration());
        EmailMfaConfig email = r.emailMfaConfiguration() != null ? r.emailMfaConfiguration()
                : old.emailMfaConfiguration();
        String mode = r.mfaConfiguration() != null ? r.mfaConfiguration() : old.mfaConfiguration();
        PoolSettings.checkMfa(old.policies(), mode);
        UserPool updated = old.withMfa(mode, email, services.clock().instant());
        services.transactions().inTransaction(() -> {
            if (!services.pools().update(updated)) {
                throw new ResourceNotFoundException("User pool " + r.userPoolId() + " does not exist.");
            }
            webAuthn.ifPresent(c -> services.webAuthn().saveConfig(old.id(), c));
            return updated;
        });
        return new Response(email, mode, WebAuthnConfiguration.of(webAuthn));
    }

    /** The pool's passkey settings after this call: what is given replaces what was set; preferred by default. */
    private static Optional<WebAuthnConfig> webAuthn(Optional<WebAuthnConfig> old, WebAuthnConfiguration given) {
        if (given == null) {
            return old;
        }
        String rp = given.relyingPartyId() != null ? given.relyingPartyId()
                : old.map(WebAuthnConfig::relyingPartyId).orElse(null);
        if (rp != null && (rp.isEmpty() || rp.length() > 127 || !rp.matches("[A-Za-z0-9.-]+"))) {
            // The model: RelyingPartyIdType is 1–127 characters; a host name is what WebAuthn accepts.
            throw new InvalidParameterException("RelyingPartyId must be a host name of 1 to 127 characters.");
        }
        String uv = given.userVerification() != null ? given.userVerification()
                : old.map(WebAuthnConfig::userVerification).orElse("preferred");
        if (!uv.equals("required") && !uv.equals("preferred")) {
            throw new InvalidParameterException("1 validation error detected: Value '" + uv + "' at "
                    + "'webAuthnConfiguration.userVerification' failed to satisfy constraint: Member must satisfy "
                    + "enum value set: [required, preferred]");
        }
        if (given.factorConfiguration() != null && !given.factorConfiguration().equals("SINGLE_FACTOR")) {
            throw new CognitoException.UnsupportedOperationException(
                    "Tobira supports passkeys as a first factor only (FactorConfiguration SINGLE_FACTOR).");
        }
        return Optional.of(new WebAuthnConfig(rp, uv));
    }
}
