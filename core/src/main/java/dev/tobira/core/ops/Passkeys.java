package dev.tobira.core.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.data.exception.Base64UrlException;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.WebAuthnChallengeNotFoundException;
import dev.tobira.core.CognitoException.WebAuthnConfigurationMissingException;
import dev.tobira.core.CognitoException.WebAuthnCredentialNotSupportedException;
import dev.tobira.core.CognitoException.WebAuthnNotEnabledException;
import dev.tobira.core.CognitoException.WebAuthnOriginNotAllowedException;
import dev.tobira.core.CognitoException.WebAuthnRelyingPartyMismatchException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import dev.tobira.core.webauthn.Passkey;
import dev.tobira.core.webauthn.WebAuthnConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The WebAuthn relying party of a pool, for one user: passkey registration and assertion, checked by
 * Yubico's {@code webauthn-server-core} (a library, not a framework, so it may live in core).
 *
 * <ul>
 *   <li>The relying party id is the pool's {@code WebAuthnConfiguration.RelyingPartyId}; without one
 *       nothing starts ({@code WebAuthnConfigurationMissingException}).
 *   <li>Allowed origins: {@code https://<RelyingPartyId>} and its subdomains, as Cognito; and, for
 *       development, when the relying party id is {@code localhost}, {@code http://localhost} and
 *       {@code https://localhost} on any port (browsers treat localhost as a secure context).
 *   <li>Attestation {@code none}, as Cognito: the key is trusted on first use.
 *   <li>The user handle is the user's {@code sub}, so passkeys never pass to a later user of the same
 *       name; credentials are looked up in the user's own pool only.
 *   <li>Signature counters: a counter that does not grow (when either side is non-zero) means a
 *       cloned authenticator and is refused; the stored counter moves by conditional update.
 * </ul>
 */
final class Passkeys {

    /** The most passkeys a user may have (Cognito's limit). */
    static final int MAX_PER_USER = 20;
    /** How long the browser may take over a ceremony, in milliseconds (UNCONFIRMED: Cognito's value is not documented). */
    static final long TIMEOUT_MILLIS = 180_000;
    /** UNCONFIRMED text: Cognito's message for a failed passkey assertion. */
    static final String FAILED_ASSERTION = "Invalid passkey credential.";

    private static final String ORIGIN_NOT_ALLOWED =
            "The passkey's origin is not allowed for this relying party (UNCONFIRMED text).";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;
    private final UserPool pool;
    private final User user;
    private final WebAuthnConfig config;
    private final RelyingParty rp;

    private Passkeys(Services services, UserPool pool, User user, WebAuthnConfig config) {
        this.services = services;
        this.pool = pool;
        this.user = user;
        this.config = config;
        boolean localhost = config.relyingPartyId().equals("localhost");
        Set<String> origins = localhost ? Set.of("https://localhost", "http://localhost")
                : Set.of("https://" + config.relyingPartyId());
        this.rp = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(config.relyingPartyId()).name(pool.name()).build())
                .credentialRepository(new Repository())
                .origins(origins)
                .allowOriginPort(localhost)
                .allowOriginSubdomain(!localhost)
                .attestationConveyancePreference(AttestationConveyancePreference.NONE)
                .allowUntrustedAttestation(true)
                .validateSignatureCounter(true)
                .clock(services.clock())
                .build();
    }

    /** The pool's relying party for {@code user}; {@code WebAuthnConfigurationMissingException} without a relying party id. */
    static Passkeys of(Services services, UserPool pool, User user) {
        WebAuthnConfig config = configured(services, pool)
                .orElseThrow(() -> new WebAuthnConfigurationMissingException(
                        "The user pool has no WebAuthnConfiguration RelyingPartyId (UNCONFIRMED text)."));
        return new Passkeys(services, pool, user, config);
    }

    /** The pool's configuration, if it has a relying party id. */
    static Optional<WebAuthnConfig> configured(Services services, UserPool pool) {
        return services.webAuthn().config(pool.id()).filter(c -> c.relyingPartyId() != null);
    }

    /** Passkeys are a first factor of the pool ({@code WEB_AUTHN} in AllowedFirstAuthFactors). */
    static void requireEnabled(UserPool pool) {
        if (!pool.policies().signInPolicy().allowedFirstAuthFactors().contains("WEB_AUTHN")) {
            throw new WebAuthnNotEnabledException(
                    "WEB_AUTHN is not an allowed first auth factor of this user pool (UNCONFIRMED text).");
        }
    }

    /** The user's passkeys that belong to this very user (not to an earlier user of the same name). */
    static List<Passkey> owned(Services services, User user) {
        String handle = handle(user).getBase64Url();
        return services.webAuthn().passkeys(user.userPoolId(), user.username()).stream()
                .filter(p -> p.userHandle().equals(handle))
                .toList();
    }

    /** New creation options, and the library's JSON of the request to keep until the answer comes. */
    Started startRegistration() {
        PublicKeyCredentialCreationOptions options = rp.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name(user.username()).displayName(user.username()).id(handle(user))
                        .build())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(userVerification())
                        .build())
                .timeout(TIMEOUT_MILLIS)
                .build());
        try {
            return new Started(options.toJson(), publicKey(options.toCredentialsCreateJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the browser's answer to {@code requestJson} and returns the passkey it creates (not yet stored). */
    Passkey finishRegistration(String requestJson, Object credential) {
        PublicKeyCredentialCreationOptions request;
        try {
            request = PublicKeyCredentialCreationOptions.fromJson(requestJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        RegistrationResult result;
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            PublicKeyCredential response = (PublicKeyCredential) parse(credential, true);
            result = rp.finishRegistration(FinishRegistrationOptions.builder().request(request).response(response)
                    .build());
        } catch (RegistrationFailedException | IllegalArgumentException e) {
            throw refusal(e.getMessage(), false);
        }
        if (userVerification() == UserVerificationRequirement.REQUIRED && !result.isUserVerified()) {
            throw new NotAuthorizedException("User verification is required (UNCONFIRMED text).");
        }
        String name = result.getAuthenticatorAttachment()
                .map(a -> a.getValue().equals("platform") ? "Passkey" : "Security key").orElse("Passkey");
        return new Passkey(pool.id(), user.username(), result.getKeyId().getId().getBase64Url(),
                handle(user).getBase64Url(), result.getPublicKeyCose().getBase64Url(), result.getSignatureCount(),
                config.relyingPartyId(), name,
                result.getAuthenticatorAttachment().map(a -> a.getValue()).orElse(null),
                result.getKeyId().getTransports().map(t -> t.stream().map(AuthenticatorTransport::getId).toList())
                        .orElse(List.of()),
                services.clock().instant());
    }

    /** New request options for signing in, and the library's JSON of the request to keep in the session. */
    Started startAssertion() {
        AssertionRequest request = rp.startAssertion(StartAssertionOptions.builder()
                .username(user.username())
                .userVerification(userVerification())
                .timeout(TIMEOUT_MILLIS)
                .build());
        try {
            return new Started(request.toJson(), publicKey(request.toCredentialsGetJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the browser's assertion against {@code requestJson}: the challenge, origin, relying party,
     * signature with a passkey of this user, user verification when required, and the counter, which
     * then moves forward (once: of two racing answers only one passes).
     */
    void finishAssertion(String requestJson, Object credential) {
        AssertionRequest request;
        try {
            request = AssertionRequest.fromJson(requestJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AssertionResult result;
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            PublicKeyCredential response = (PublicKeyCredential) parse(credential, false);
            result = rp.finishAssertion(FinishAssertionOptions.builder().request(request).response(response).build());
        } catch (AssertionFailedException | IllegalArgumentException e) {
            throw refusal(e.getMessage(), true);
        }
        if (!result.isSuccess() || !result.isSignatureCounterValid()) {
            throw new NotAuthorizedException(FAILED_ASSERTION);
        }
        if (userVerification() == UserVerificationRequirement.REQUIRED && !result.isUserVerified()) {
            throw new NotAuthorizedException(FAILED_ASSERTION);
        }
        String id = result.getCredentialId().getBase64Url();
        long before = result.getCredential().getSignatureCount();
        if (!services.webAuthn().updateSignatureCount(pool.id(), id, before, result.getSignatureCount())) {
            throw new NotAuthorizedException(FAILED_ASSERTION);
        }
    }

    /** A ceremony's start: what to keep server-side, and what the browser gets. */
    record Started(String requestJson, Map<String, Object> publicKey) {}

    private UserVerificationRequirement userVerification() {
        return "required".equals(config.userVerification()) ? UserVerificationRequirement.REQUIRED
                : UserVerificationRequirement.PREFERRED;
    }

    /** The browser's credential JSON (a document on the wire) as the library's type. */
    private Object parse(Object credential, boolean registration) {
        if (!(credential instanceof Map<?, ?>)) {
            throw new InvalidParameterException("Credential must be a JSON object (a PublicKeyCredential).");
        }
        allowedOrigin(credential);
        try {
            String json = JSON.writeValueAsString(credential);
            return registration ? PublicKeyCredential.parseRegistrationResponseJson(json)
                    : PublicKeyCredential.parseAssertionResponseJson(json);
        } catch (IOException | RuntimeException e) {
            throw new InvalidParameterException("Credential is not a valid PublicKeyCredential (UNCONFIRMED text).");
        }
    }

    /**
     * The origin in the credential's client data against Tobira's rule (the class comment). The
     * library compares origins too, but with subdomains allowed it does not hold the scheme to https.
     */
    private void allowedOrigin(Object credential) {
        String origin;
        try {
            Object response = ((Map<?, ?>) credential).get("response");
            String clientData = (String) ((Map<?, ?>) response).get("clientDataJSON");
            Map<?, ?> data = JSON.readValue(java.util.Base64.getUrlDecoder().decode(clientData), Map.class);
            origin = (String) data.get("origin");
        } catch (IOException | RuntimeException e) {
            throw new InvalidParameterException("Credential is not a valid PublicKeyCredential (UNCONFIRMED text).");
        }
        String rpId = config.relyingPartyId();
        boolean allowed;
        try {
            java.net.URI uri = new java.net.URI(origin);
            String host = uri.getHost() == null ? "" : uri.getHost();
            allowed = uri.getPath().isEmpty() && (rpId.equals("localhost")
                    ? host.equals("localhost") && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    : uri.getScheme().equals("https") && uri.getPort() == -1
                            && (host.equals(rpId) || host.endsWith("." + rpId)));
        } catch (java.net.URISyntaxException | NullPointerException e) {
            allowed = false;
        }
        if (!allowed) {
            throw new WebAuthnOriginNotAllowedException(ORIGIN_NOT_ALLOWED);
        }
    }

    /** The library's reason for a refusal as Cognito's error. */
    private static CognitoException refusal(String reason, boolean assertion) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.contains("origin")) {
            return new WebAuthnOriginNotAllowedException(ORIGIN_NOT_ALLOWED);
        }
        if (r.contains("rp id") || r.contains("rpid")) {
            return new WebAuthnRelyingPartyMismatchException("The passkey's relying party does not match the user pool's (UNCONFIRMED text).");
        }
        if (!assertion && r.contains("challenge")) {
            return new WebAuthnChallengeNotFoundException("The registration challenge does not match (UNCONFIRMED text).");
        }
        if (!assertion && (r.contains("algorithm") || r.contains("alg"))) {
            return new WebAuthnCredentialNotSupportedException("The passkey's key type is not supported (UNCONFIRMED text).");
        }
        return assertion ? new NotAuthorizedException(FAILED_ASSERTION)
                : new InvalidParameterException("The passkey registration is not valid (UNCONFIRMED text).");
    }

    /** The {@code publicKey} member of the library's {@code navigator.credentials} JSON: Cognito's options document. */
    private static Map<String, Object> publicKey(String json) throws JsonProcessingException {
        Map<String, Object> whole = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) whole.get("publicKey");
        return key;
    }

    static String toJson(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteArray handle(User user) {
        return new ByteArray(user.attribute("sub").orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    /** The credentials of this one user, in this one pool. */
    private final class Repository implements CredentialRepository {

        private boolean mine(String username) {
            return user.username().equals(username);
        }

        @Override
        public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
            if (!mine(username)) {
                return Set.of();
            }
            return owned(services, user).stream()
                    .map(p -> PublicKeyCredentialDescriptor.builder().id(bytes(p.credentialId())).build())
                    .collect(Collectors.toSet());
        }

        @Override
        public Optional<ByteArray> getUserHandleForUsername(String username) {
            return mine(username) ? Optional.of(handle(user)) : Optional.empty();
        }

        @Override
        public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
            return handle(user).equals(userHandle) ? Optional.of(user.username()) : Optional.empty();
        }

        @Override
        public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
            return services.webAuthn().passkey(pool.id(), credentialId.getBase64Url())
                    .filter(p -> p.username().equals(user.username()) && handle(user).equals(userHandle)
                            && p.userHandle().equals(userHandle.getBase64Url()))
                    .map(Passkeys::registered);
        }

        @Override
        public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
            return services.webAuthn().passkey(pool.id(), credentialId.getBase64Url()).map(Passkeys::registered)
                    .stream().collect(Collectors.toSet());
        }
    }

    private static RegisteredCredential registered(Passkey p) {
        return RegisteredCredential.builder()
                .credentialId(bytes(p.credentialId()))
                .userHandle(bytes(p.userHandle()))
                .publicKeyCose(bytes(p.publicKeyCose()))
                .signatureCount(p.signatureCount())
                .build();
    }

    private static ByteArray bytes(String base64Url) {
        try {
            return ByteArray.fromBase64Url(base64Url);
        } catch (Base64UrlException e) {
            throw new IllegalStateException(e);
        }
    }
}
