package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tobira.core.webauthn.SoftwareAuthenticator;
import dev.tobira.server.AdjustableClock;
import dev.tobira.server.RunningTobira;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.*;

/**
 * Passkeys through the AWS SDK for Java v2 with a software authenticator: registration, listing,
 * USER_AUTH sign-in with WEB_AUTHN, and the refusals (wrong origin or relying party, replay, altered
 * assertion, another user's or pool's passkey, a deleted one, a rewound counter).
 */
class SdkV2PasskeysTest {

    private static final String RP = "passkeys.example.com";
    private static final String ORIGIN = "https://" + RP;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final AdjustableClock clock = new AdjustableClock();
    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;
    private static String otherPoolId;
    private static String otherPoolClientId;
    private static int users;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(RunningTobira.TEST_LIMITS, clock);
        cognito = tobira.client();
        poolId = passkeyPool("passkeys", RP);
        clientId = client(poolId);
        otherPoolId = passkeyPool("other", RP);
        otherPoolClientId = client(otherPoolId);
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    private static String passkeyPool(String name, String rp) {
        String id = cognito.createUserPool(b -> b.poolName(name).userPoolTier(UserPoolTierType.ESSENTIALS)
                .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD,
                        AuthFactorType.WEB_AUTHN)))).userPool().id();
        cognito.setUserPoolMfaConfig(b -> b.userPoolId(id)
                .webAuthnConfiguration(w -> w.relyingPartyId(rp).userVerification(UserVerificationType.PREFERRED)));
        return id;
    }

    private static String client(String pool) {
        return cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("web").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    /** A new user of {@code pool} signed in with a password; returns the access token. */
    private static String signedIn(String pool, String client, String name) {
        cognito.adminCreateUser(b -> b.userPoolId(pool).username(name).messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(name).password("Right-Passw0rd!")
                .permanent(true));
        return cognito.initiateAuth(b -> b.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", "Right-Passw0rd!")))
                .authenticationResult().accessToken();
    }

    private static String newUser() {
        return "user" + (++users);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> creationOptions(String accessToken) {
        return (Map<String, Object>) plain(cognito.startWebAuthnRegistration(b -> b.accessToken(accessToken))
                .credentialCreationOptions());
    }

    private static void register(String accessToken, SoftwareAuthenticator authenticator) {
        Map<String, Object> options = creationOptions(accessToken);
        cognito.completeWebAuthnRegistration(b -> b.accessToken(accessToken)
                .credential(document(authenticator.create(options, ORIGIN, RP))));
    }

    private static InitiateAuthResponse passkeyChallenge(String client, String name) {
        return cognito.initiateAuth(b -> b.clientId(client).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "WEB_AUTHN")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> requestOptions(InitiateAuthResponse challenge) throws Exception {
        return JSON.readValue(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"), Map.class);
    }

    private static RespondToAuthChallengeResponse answer(String client, String name, String session,
            Map<String, Object> credential) throws Exception {
        String json = JSON.writeValueAsString(credential);
        return cognito.respondToAuthChallenge(b -> b.clientId(client).challengeName(ChallengeNameType.WEB_AUTHN)
                .session(session).challengeResponses(Map.of("USERNAME", name, "CREDENTIAL", json)));
    }

    @Test
    void registerThenListThenSignInWithUserAuthWhenPasskeyThenTokens() throws Exception {
        String name = newUser();
        String token = signedIn(poolId, clientId, name);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(1);
        Map<String, Object> options = creationOptions(token);
        assertThat(options).containsKeys("challenge", "rp", "user", "pubKeyCredParams");
        assertThat(((Map<?, ?>) options.get("rp")).get("id")).isEqualTo(RP);
        assertThat(options.get("attestation")).isEqualTo("none");
        cognito.completeWebAuthnRegistration(b -> b.accessToken(token)
                .credential(document(authenticator.create(options, ORIGIN, RP))));

        List<WebAuthnCredentialDescription> listed = cognito.listWebAuthnCredentials(b -> b.accessToken(token))
                .credentials();
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.credentialId()).isEqualTo(authenticator.credentialId());
            assertThat(c.relyingPartyId()).isEqualTo(RP);
            assertThat(c.authenticatorTransports()).containsExactly("internal");
            assertThat(c.createdAt()).isNotNull();
        });
        assertThat(cognito.getUserAuthFactors(b -> b.accessToken(token)).configuredUserAuthFactors())
                .containsExactly(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);

        InitiateAuthResponse select = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", name)));
        assertThat(select.challengeName()).isEqualTo(ChallengeNameType.SELECT_CHALLENGE);
        assertThat(select.availableChallenges()).containsExactly(ChallengeNameType.PASSWORD_SRP,
                ChallengeNameType.PASSWORD, ChallengeNameType.WEB_AUTHN);
        RespondToAuthChallengeResponse chosen = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.SELECT_CHALLENGE).session(select.session())
                .challengeResponses(Map.of("USERNAME", name, "ANSWER", "WEB_AUTHN")));
        assertThat(chosen.challengeName()).isEqualTo(ChallengeNameType.WEB_AUTHN);
        @SuppressWarnings("unchecked")
        Map<String, Object> fromSelect = JSON.readValue(chosen.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"),
                Map.class);
        assertThat(fromSelect.get("rpId")).isEqualTo(RP);
        assertThat(answer(clientId, name, chosen.session(), authenticator.get(fromSelect, ORIGIN, RP))
                .authenticationResult().accessToken()).isNotBlank();

        InitiateAuthResponse preferred = passkeyChallenge(clientId, name);
        assertThat(preferred.challengeName()).isEqualTo(ChallengeNameType.WEB_AUTHN);
        RespondToAuthChallengeResponse tokens = answer(clientId, name, preferred.session(),
                authenticator.get(requestOptions(preferred), ORIGIN, RP));
        assertThat(tokens.authenticationResult().idToken()).isNotBlank();
    }

    @Test
    void respondWhenAssertionReplayedOrAlteredOrFromAnotherOriginThenRefused() throws Exception {
        String name = newUser();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(2);
        register(signedIn(poolId, clientId, name), authenticator);

        InitiateAuthResponse first = passkeyChallenge(clientId, name);
        Map<String, Object> assertion = authenticator.get(requestOptions(first), ORIGIN, RP);
        answer(clientId, name, first.session(), assertion);
        // The same assertion again: its session is spent, and a new session has a new challenge.
        assertCognitoError(() -> answer(clientId, name, first.session(), assertion), NotAuthorizedException.class,
                "Invalid session for the user.");
        InitiateAuthResponse second = passkeyChallenge(clientId, name);
        assertCognitoError(() -> answer(clientId, name, second.session(), assertion), NotAuthorizedException.class,
                "Invalid passkey credential.");

        InitiateAuthResponse third = passkeyChallenge(clientId, name);
        Map<String, Object> altered = authenticator.get(requestOptions(third), ORIGIN, RP);
        @SuppressWarnings("unchecked")
        Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) altered.get("response"));
        byte[] data = java.util.Base64.getUrlDecoder().decode((String) response.get("authenticatorData"));
        data[36] ^= 1; // the counter's last byte: the signature no longer matches
        response.put("authenticatorData", SoftwareAuthenticator.b64(data));
        altered.put("response", response);
        assertCognitoError(() -> answer(clientId, name, third.session(), altered), NotAuthorizedException.class,
                "Invalid passkey credential.");

        InitiateAuthResponse fourth = passkeyChallenge(clientId, name);
        assertThatThrownBy(() -> answer(clientId, name, fourth.session(),
                authenticator.get(requestOptions(fourth), "https://evil.example.net", RP)))
                .isInstanceOf(WebAuthnOriginNotAllowedException.class);
        InitiateAuthResponse fifth = passkeyChallenge(clientId, name);
        assertThatThrownBy(() -> answer(clientId, name, fifth.session(),
                authenticator.get(requestOptions(fifth), ORIGIN, "other.example.com")))
                .isInstanceOf(WebAuthnRelyingPartyMismatchException.class);
    }

    @Test
    void respondWhenCounterGoesBackThenRefusedAsAClone() throws Exception {
        String name = newUser();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(3);
        register(signedIn(poolId, clientId, name), authenticator);
        authenticator.counter(9);
        InitiateAuthResponse first = passkeyChallenge(clientId, name);
        answer(clientId, name, first.session(), authenticator.get(requestOptions(first), ORIGIN, RP));
        authenticator.counter(4);
        InitiateAuthResponse second = passkeyChallenge(clientId, name);
        assertCognitoError(() -> answer(clientId, name, second.session(),
                authenticator.get(requestOptions(second), ORIGIN, RP)), NotAuthorizedException.class,
                "Invalid passkey credential.");
    }

    @Test
    void respondWhenPasskeyOfAnotherUserOrPoolOrDeletedThenRefused() throws Exception {
        String ann = newUser();
        String bob = newUser();
        SoftwareAuthenticator annKey = new SoftwareAuthenticator(4);
        SoftwareAuthenticator bobKey = new SoftwareAuthenticator(5);
        String annToken = signedIn(poolId, clientId, ann);
        register(annToken, annKey);
        register(signedIn(poolId, clientId, bob), bobKey);

        InitiateAuthResponse forBob = passkeyChallenge(clientId, bob);
        assertCognitoError(() -> answer(clientId, bob, forBob.session(),
                annKey.get(requestOptions(forBob), ORIGIN, RP)), NotAuthorizedException.class,
                "Invalid passkey credential.");

        String carl = newUser();
        SoftwareAuthenticator carlKey = new SoftwareAuthenticator(6);
        register(signedIn(otherPoolId, otherPoolClientId, carl), carlKey);
        // A passkey of the other pool (same relying party id) answers nothing here.
        InitiateAuthResponse forAnn = passkeyChallenge(clientId, ann);
        assertCognitoError(() -> answer(clientId, ann, forAnn.session(),
                carlKey.get(requestOptions(forAnn), ORIGIN, RP)), NotAuthorizedException.class,
                "Invalid passkey credential.");
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(carl).messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(carl).password("Right-Passw0rd!")
                .permanent(true));
        // carl of this pool has no passkey: WEB_AUTHN is not his to choose, though carl of the other pool has one.
        assertThat(passkeyChallenge(clientId, carl).challengeName()).isNotEqualTo(ChallengeNameType.WEB_AUTHN);

        cognito.deleteWebAuthnCredential(b -> b.accessToken(annToken).credentialId(annKey.credentialId()));
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(annToken)).credentials()).isEmpty();
        assertCognitoError(() -> cognito.deleteWebAuthnCredential(b -> b.accessToken(annToken)
                .credentialId(annKey.credentialId())), ResourceNotFoundException.class, "Credential not found.");
        assertThat(passkeyChallenge(clientId, ann).challengeName()).isNotEqualTo(ChallengeNameType.WEB_AUTHN);
    }

    @Test
    void respondWhenPasskeyDeletedAfterTheChallengeThenRefused() throws Exception {
        String name = newUser();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(7);
        String token = signedIn(poolId, clientId, name);
        register(token, authenticator);
        InitiateAuthResponse challenge = passkeyChallenge(clientId, name);
        cognito.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(authenticator.credentialId()));
        assertCognitoError(() -> answer(clientId, name, challenge.session(),
                authenticator.get(requestOptions(challenge), ORIGIN, RP)), NotAuthorizedException.class,
                "Invalid passkey credential.");
    }

    @Test
    void completeWhenNoStartOrExpiredOrAnotherClientOrWrongOriginThenCognitosErrors() {
        String name = newUser();
        String token = signedIn(poolId, clientId, name);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(8);
        assertThatThrownBy(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(token)
                .credential(document(Map.of("id", "x")))))
                .isInstanceOf(WebAuthnChallengeNotFoundException.class);

        Map<String, Object> expired = creationOptions(token);
        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(token)
                .credential(document(authenticator.create(expired, ORIGIN, RP)))))
                .isInstanceOf(WebAuthnChallengeNotFoundException.class);

        String otherClient = client(poolId);
        String otherToken = cognito.initiateAuth(b -> b.clientId(otherClient).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", "Right-Passw0rd!")))
                .authenticationResult().accessToken();
        Map<String, Object> started = creationOptions(token);
        assertThatThrownBy(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(otherToken)
                .credential(document(authenticator.create(started, ORIGIN, RP)))))
                .isInstanceOf(WebAuthnClientMismatchException.class);

        Map<String, Object> elsewhere = creationOptions(token);
        assertThatThrownBy(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(token)
                .credential(document(authenticator.create(elsewhere, "https://evil.example.net", RP)))))
                .isInstanceOf(WebAuthnOriginNotAllowedException.class);
        Map<String, Object> otherRp = creationOptions(token);
        assertThatThrownBy(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(token)
                .credential(document(authenticator.create(otherRp, ORIGIN, "other.example.com")))))
                .isInstanceOf(WebAuthnRelyingPartyMismatchException.class);
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials()).isEmpty();
    }

    @Test
    void startWhenPoolLacksPasskeysOrRelyingPartyThenCognitosErrors() {
        String plain = cognito.createUserPool(b -> b.poolName("plain").userPoolTier(UserPoolTierType.ESSENTIALS))
                .userPool().id();
        String plainClient = client(plain);
        String token = signedIn(plain, plainClient, newUser());
        assertThatThrownBy(() -> cognito.startWebAuthnRegistration(b -> b.accessToken(token)))
                .isInstanceOf(WebAuthnNotEnabledException.class);

        String noRp = cognito.createUserPool(b -> b.poolName("no-rp").userPoolTier(UserPoolTierType.ESSENTIALS)
                .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD,
                        AuthFactorType.WEB_AUTHN)))).userPool().id();
        String noRpToken = signedIn(noRp, client(noRp), newUser());
        assertThatThrownBy(() -> cognito.startWebAuthnRegistration(b -> b.accessToken(noRpToken)))
                .isInstanceOf(WebAuthnConfigurationMissingException.class);
        assertThat(cognito.getUserPoolMfaConfig(b -> b.userPoolId(poolId)).webAuthnConfiguration())
                .satisfies(w -> {
                    assertThat(w.relyingPartyId()).isEqualTo(RP);
                    assertThat(w.userVerification()).isEqualTo(UserVerificationType.PREFERRED);
                });
    }

    /** The SDK's Document as plain Java values (maps, lists, strings, numbers, booleans). */
    private static Object plain(Document document) {
        if (document.isMap()) {
            return document.asMap().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> plain(e.getValue()), (a, b) -> a, LinkedHashMap::new));
        }
        if (document.isList()) {
            return document.asList().stream().map(SdkV2PasskeysTest::plain).toList();
        }
        if (document.isString()) {
            return document.asString();
        }
        if (document.isNumber()) {
            return document.asNumber().longValue();
        }
        if (document.isBoolean()) {
            return document.asBoolean();
        }
        return null;
    }

    /** Plain Java values as the SDK's Document. */
    @SuppressWarnings("unchecked")
    private static Document document(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Document> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, document(v)));
            return Document.fromMap(out);
        }
        if (value instanceof List<?> list) {
            return Document.fromList(list.stream().map(SdkV2PasskeysTest::document).toList());
        }
        if (value instanceof Boolean b) {
            return Document.fromBoolean(b);
        }
        if (value instanceof Number n) {
            return Document.fromNumber(n.longValue());
        }
        return value == null ? Document.fromNull() : Document.fromString(value.toString());
    }
}
