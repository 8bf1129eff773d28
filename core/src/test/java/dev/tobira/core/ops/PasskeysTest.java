package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.WebAuthnOriginNotAllowedException;
import dev.tobira.core.Limits;
import dev.tobira.core.ops.SetUserPoolMfaConfig.WebAuthnConfiguration;
import dev.tobira.core.webauthn.SoftwareAuthenticator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Passkeys in core, with the in-memory stores and a software authenticator. */
class PasskeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "Right-Passw0rd!";

    private final ChoicePool p = new ChoicePool(Limits.DEFAULT, List.of("PASSWORD", "WEB_AUTHN"), "ESSENTIALS", null,
            null, List.of("ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));

    private void relyingParty(String id, String userVerification) {
        new SetUserPoolMfaConfig(p.t.services).handle(new SetUserPoolMfaConfig.Request(p.poolId, null, null, null, null,
                new WebAuthnConfiguration(id, userVerification, null)));
    }

    private String accessToken(String email) {
        return p.initiate(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD))
                .authenticationResult().accessToken();
    }

    private void register(String token, SoftwareAuthenticator authenticator, String origin, String rp) {
        Map<String, Object> options = new StartWebAuthnRegistration(p.t.services)
                .handle(new StartWebAuthnRegistration.Request(token)).credentialCreationOptions();
        new CompleteWebAuthnRegistration(p.t.services).handle(new CompleteWebAuthnRegistration.Request(token,
                authenticator.create(options, origin, rp)));
    }

    @SuppressWarnings("unchecked")
    private AuthResponse signIn(SoftwareAuthenticator authenticator, String origin, String rp) throws Exception {
        AuthResponse challenge = p.initiate(Map.of("USERNAME", EMAIL, "PREFERRED_CHALLENGE", "WEB_AUTHN"));
        assertThat(challenge.challengeName()).isEqualTo("WEB_AUTHN");
        Map<String, Object> options = JSON.readValue(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"),
                Map.class);
        return p.respond("WEB_AUTHN", Map.of("USERNAME", EMAIL,
                "CREDENTIAL", JSON.writeValueAsString(authenticator.get(options, origin, rp))), challenge.session());
    }

    @Test
    void signInWhenRelyingPartyIsLocalhostThenHttpLocalhostOnAnyPortIsAllowedAndOtherHostsAreNot() throws Exception {
        relyingParty("localhost", "required");
        p.withPassword(EMAIL, PASSWORD);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(1);
        register(accessToken(EMAIL), authenticator, "http://localhost:5173", "localhost");
        assertThat(signIn(authenticator, "http://localhost:9229", "localhost").authenticationResult().idToken())
                .isNotBlank();
        assertThatThrownBy(() -> signIn(authenticator, "http://127.0.0.1:9229", "localhost"))
                .isInstanceOf(WebAuthnOriginNotAllowedException.class);
    }

    @Test
    void signInWhenRelyingPartyIsAHostThenOnlyHttpsOfItAndItsSubdomains() throws Exception {
        relyingParty("example.com", null);
        p.withPassword(EMAIL, PASSWORD);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(2);
        register(accessToken(EMAIL), authenticator, "https://login.example.com", "example.com");
        assertThat(signIn(authenticator, "https://example.com", "example.com").authenticationResult()).isNotNull();
        assertThatThrownBy(() -> signIn(authenticator, "http://example.com", "example.com"))
                .isInstanceOf(WebAuthnOriginNotAllowedException.class);
    }

    @Test
    void initiateWhenUserDeletedAndRecreatedWithTheSameNameThenTheOldPasskeyIsNotTheirs() throws Exception {
        relyingParty("example.com", "preferred");
        p.withPassword(EMAIL, PASSWORD);
        register(accessToken(EMAIL), new SoftwareAuthenticator(3), "https://example.com", "example.com");
        String username = Users.lookUp(p.t.services, p.t.services.pools().find(p.poolId).orElseThrow(), EMAIL)
                .orElseThrow().username();
        new AdminDeleteUser(p.t.services).handle(new AdminDeleteUser.Request(p.poolId, username));
        p.withPassword(EMAIL, PASSWORD);
        String token = accessToken(EMAIL);
        assertThat(new GetUserAuthFactors(p.t.services).handle(new GetUserAuthFactors.Request(token))
                .configuredUserAuthFactors()).containsExactly("PASSWORD");
        assertThat(new ListWebAuthnCredentials(p.t.services).handle(new ListWebAuthnCredentials.Request(token, null,
                null)).credentials()).isEmpty();
    }

    @Test
    void setUserPoolMfaConfigWhenUserVerificationUnknownOrMultiFactorThenRefusedAndNothingChanges() {
        assertThatThrownBy(() -> relyingParty("example.com", "REQUIRED")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new SetUserPoolMfaConfig(p.t.services).handle(new SetUserPoolMfaConfig.Request(
                p.poolId, null, null, null, null,
                new WebAuthnConfiguration("example.com", null, "MULTI_FACTOR_WITH_USER_VERIFICATION"))))
                .isInstanceOf(dev.tobira.core.CognitoException.UnsupportedOperationException.class);
        assertThat(new GetUserPoolMfaConfig(p.t.services).handle(new GetUserPoolMfaConfig.Request(p.poolId))
                .webAuthnConfiguration()).isNull();
        relyingParty("example.com", null);
        assertThat(new GetUserPoolMfaConfig(p.t.services).handle(new GetUserPoolMfaConfig.Request(p.poolId))
                .webAuthnConfiguration()).isEqualTo(new WebAuthnConfiguration("example.com", "preferred", "SINGLE_FACTOR"));
    }

    @Test
    @DisplayName("refused assertions count towards the lockout as wrong passwords do (spec §7)")
    void respondWhenFiveAssertionsRefusedThenLockedOutEvenForTheRightOneAndNoChallengeStarts() throws Exception {
        relyingParty("example.com", null);
        p.withPassword(EMAIL, PASSWORD);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(5);
        register(accessToken(EMAIL), authenticator, "https://example.com", "example.com");
        SoftwareAuthenticator stranger = new SoftwareAuthenticator(6);
        register(accessToken(EMAIL), stranger, "https://example.com", "example.com");
        // A passkey of this user that the pool no longer knows: refused as an invalid credential.
        new DeleteWebAuthnCredential(p.t.services).handle(new DeleteWebAuthnCredential.Request(accessToken(EMAIL),
                stranger.credentialId()));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(stranger, "https://example.com", "example.com"))
                    .isInstanceOf(NotAuthorizedException.class).hasMessage("Invalid passkey credential.");
        }
        assertThatThrownBy(() -> signIn(authenticator, "https://example.com", "example.com"))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Password attempts exceeded");

        p.t.clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(signIn(authenticator, "https://example.com", "example.com").authenticationResult()).isNotNull();
        // The good one cleared the count: one more refusal is not a lockout.
        assertThatThrownBy(() -> signIn(stranger, "https://example.com", "example.com"))
                .hasMessage("Invalid passkey credential.");
        assertThat(signIn(authenticator, "https://example.com", "example.com").authenticationResult()).isNotNull();
    }

    @Test
    void respondWhenCredentialIsNotJsonThenInvalidParameterAndWhenSessionSpentThenInvalidSession() throws Exception {
        relyingParty("example.com", null);
        p.withPassword(EMAIL, PASSWORD);
        register(accessToken(EMAIL), new SoftwareAuthenticator(4), "https://example.com", "example.com");
        AuthResponse challenge = p.initiate(Map.of("USERNAME", EMAIL, "PREFERRED_CHALLENGE", "WEB_AUTHN"));
        assertThatThrownBy(() -> p.respond("WEB_AUTHN", Map.of("USERNAME", EMAIL, "CREDENTIAL", "not json"),
                challenge.session())).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> p.respond("WEB_AUTHN", Map.of("USERNAME", EMAIL, "CREDENTIAL", "{}"),
                challenge.session())).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> p.respond("WEB_AUTHN", Map.of("USERNAME", EMAIL, "CREDENTIAL", "{}"),
                "no-such-session")).isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void completeWhenCredentialMalformedThenInvalidParameterAndNothingIsRegistered() {
        relyingParty("example.com", null);
        p.withPassword(EMAIL, PASSWORD);
        String token = accessToken(EMAIL);
        for (Object bad : List.of("text", Map.of("id", "x"), Map.of("id", "eA", "type", "public-key",
                "response", Map.of("clientDataJSON", "e30", "attestationObject", "oA")))) {
            new StartWebAuthnRegistration(p.t.services).handle(new StartWebAuthnRegistration.Request(token));
            assertThatThrownBy(() -> new CompleteWebAuthnRegistration(p.t.services)
                    .handle(new CompleteWebAuthnRegistration.Request(token, bad)))
                    .as(String.valueOf(bad)).isInstanceOf(dev.tobira.core.CognitoException.class)
                    .isNotInstanceOf(dev.tobira.core.CognitoException.UnsupportedOperationException.class);
        }
        assertThat(new ListWebAuthnCredentials(p.t.services).handle(new ListWebAuthnCredentials.Request(token, null,
                null)).credentials()).isEmpty();
    }
}
