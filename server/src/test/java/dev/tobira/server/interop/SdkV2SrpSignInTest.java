package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;

import dev.tobira.core.srp.SrpClient;
import dev.tobira.core.srp.SrpGroup;
import dev.tobira.server.RunningTobira;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * USER_SRP_AUTH through the AWS SDK for Java v2 with the core {@link SrpClient} computing the proof
 * (spec §2), and the token-authorised calls after it: GetUser, GlobalSignOut, RevokeToken (§6.6).
 */
class SdkV2SrpSignInTest {

    private static final String PASSWORD = "Right-Passw0rd!";
    private static final String INCORRECT = "Incorrect username or password.";
    private static final String INVALID_SESSION = "Invalid session for the user.";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
        poolId = cognito.createUserPool(b -> b.poolName("srp")).userPool().id();
        clientId = client(poolId);
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (tobira != null) {
            tobira.close();
        }
    }

    private static String client(String pool) {
        return cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
    }

    private static String user(String pool, String name, String password) {
        String email = name.contains("@") ? name : "user" + USERS.incrementAndGet() + "@example.com";
        cognito.adminCreateUser(b -> b.userPoolId(pool).username(name).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(name).password(password).permanent(true));
        return name;
    }

    private static String user(String prefix) {
        return user(poolId, prefix + "-" + USERS.incrementAndGet(), PASSWORD);
    }

    /** An InitiateAuth(USER_SRP_AUTH) answered with PASSWORD_VERIFIER, and the SrpClient that sent its SRP_A. */
    private record Exchange(String pool, String client, SrpClient srp, BigInteger a, InitiateAuthResponse challenge) {

        String param(String name) {
            return challenge.challengeParameters().get(name);
        }

        Map<String, String> responses(String password) {
            return srp.passwordVerifierResponses(param("USER_ID_FOR_SRP"), password, param("SALT"), param("SRP_B"),
                    param("SECRET_BLOCK"), Instant.now());
        }

        RespondToAuthChallengeRequest answer(String password, boolean withSession) {
            return RespondToAuthChallengeRequest.builder().clientId(client)
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .session(withSession ? challenge.session() : null)
                    .challengeResponses(responses(password)).build();
        }
    }

    private static Exchange initiate(String pool, String client, String username) {
        byte[] secret = new byte[128];
        RANDOM.nextBytes(secret);
        SrpClient srp = new SrpClient(pool, new Bytes(secret));
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(client)
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        return new Exchange(pool, client, srp, new BigInteger(1, secret), challenge);
    }

    private static Exchange initiate(String username) {
        return initiate(poolId, clientId, username);
    }

    private static AuthenticationResultType answer(Exchange exchange, String password, boolean withSession) {
        return cognito.respondToAuthChallenge(exchange.answer(password, withSession)).authenticationResult();
    }

    private static AuthenticationResultType signIn(String username) {
        return answer(initiate(username), PASSWORD, true);
    }

    @Test
    @DisplayName("USER_SRP_AUTH: a PASSWORD_VERIFIER challenge shaped as spec §2.3, and SrpClient's proof gives tokens")
    void respondToAuthChallengeWhenProofFromTheRightPasswordThenTokens() {
        String name = user("ada");

        Exchange exchange = initiate(name);

        assertThat(exchange.challenge().session()).hasSizeBetween(20, 2048);
        assertThat(exchange.param("USERNAME")).isEqualTo(name);
        assertThat(exchange.param("USER_ID_FOR_SRP")).isEqualTo(name);
        assertThat(exchange.param("SALT")).matches("[0-9a-f]{32}").doesNotStartWith("00");
        assertThat(exchange.param("SRP_B")).matches("[0-9a-f]+");
        assertThat(Base64.getDecoder().decode(exchange.param("SECRET_BLOCK"))).isNotEmpty();
        AuthenticationResultType tokens = answer(exchange, PASSWORD, true);
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.idToken()).isNotBlank();
        assertThat(tokens.refreshToken()).matches("[A-Za-z0-9-_=.]+");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
    }

    @Test
    @DisplayName("a proof made with a wrong password: NotAuthorizedException \"Incorrect username or password.\"")
    void respondToAuthChallengeWhenProofFromAWrongPasswordThenNotAuthorized() {
        String name = user("bob");
        Exchange exchange = initiate(name);

        assertCognitoError(() -> answer(exchange, "Wrong-Passw0rd!", true), NotAuthorizedException.class, INCORRECT);
        assertCognitoError(() -> answer(initiate(name), PASSWORD.toLowerCase(), true),
                NotAuthorizedException.class, INCORRECT);
        assertThat(signIn(name).accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("SRP_A with A mod N == 0 is refused at InitiateAuth (spec §2.2): such an A would fix S = 0 whatever the password")
    void initiateAuthWhenSrpAIsZeroModNThenInvalidParameter() {
        String name = user("abe");

        for (BigInteger zeroModN : List.of(BigInteger.ZERO, SrpGroup.N, SrpGroup.N.shiftLeft(1))) {
            assertCognitoError(() -> cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
                    .authParameters(Map.of("USERNAME", name, "SRP_A", zeroModN.toString(16)))),
                    InvalidParameterException.class, "SRP_A mod N cannot be 0.");
        }
        assertThat(signIn(name).accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("PASSWORD_VERIFIER with no Session, only the SECRET_BLOCK (as pycognito and warrant send it): tokens")
    void respondToAuthChallengeWhenSessionAbsentThenTheSecretBlockFindsTheExchange() {
        String name = user("cy");

        AuthenticationResultType tokens = answer(initiate(name), PASSWORD, false);

        assertThat(tokens.accessToken()).isNotBlank();
        assertCognitoError(() -> answer(initiate(name), "Wrong-Passw0rd!", false),
                NotAuthorizedException.class, INCORRECT);
    }

    @Test
    @DisplayName("a replayed PASSWORD_VERIFIER (the same session again): \"Invalid session for the user.\"")
    void respondToAuthChallengeWhenTheSameProofIsSentTwiceThenInvalidSession() {
        String name = user("dot");
        Exchange exchange = initiate(name);
        RespondToAuthChallengeRequest proof = exchange.answer(PASSWORD, true);
        assertThat(cognito.respondToAuthChallenge(proof).authenticationResult().accessToken()).isNotBlank();

        assertCognitoError(() -> cognito.respondToAuthChallenge(proof), NotAuthorizedException.class, INVALID_SESSION);
        assertCognitoError(() -> cognito.respondToAuthChallenge(proof.toBuilder().session(null).build()),
                NotAuthorizedException.class, INVALID_SESSION);
        assertCognitoError(() -> answer(exchange, PASSWORD, true), NotAuthorizedException.class, INVALID_SESSION);
    }

    @Test
    @DisplayName("email as username: USER_ID_FOR_SRP is the internal UUID, and the proof is made with it")
    void respondToAuthChallengeWhenPoolUsesEmailAsUsernameThenTheProofUsesUserIdForSrp() {
        String pool = cognito.createUserPool(b -> b.poolName("srp-email")
                .usernameAttributes(UsernameAttributeType.EMAIL)).userPool().id();
        String client = client(pool);
        String email = user(pool, "eli" + USERS.incrementAndGet() + "@example.com", PASSWORD);
        String internal = cognito.adminGetUser(b -> b.userPoolId(pool).username(email)).username();

        Exchange exchange = initiate(pool, client, email);

        assertThat(UUID.fromString(exchange.param("USER_ID_FOR_SRP")).toString()).isEqualTo(internal);
        assertThat(exchange.param("USERNAME")).isEqualTo(internal);
        AuthenticationResultType tokens = answer(exchange, PASSWORD, true);
        assertThat(cognito.getUser(b -> b.accessToken(tokens.accessToken())).username()).isEqualTo(internal);
        assertCognitoError(() -> answer(initiate(pool, client, email), "Wrong-Passw0rd!", true),
                NotAuthorizedException.class, INCORRECT);
    }

    @Test
    @DisplayName("GetUser with the access token: the user's internal name and attributes, values as strings")
    void getUserWhenAccessTokenFromSrpThenTheUser() {
        String name = user("fay");
        String sub = cognito.adminGetUser(b -> b.userPoolId(poolId).username(name)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

        GetUserResponse me = cognito.getUser(b -> b.accessToken(signIn(name).accessToken()));

        assertThat(me.username()).isEqualTo(name);
        assertThat(me.userAttributes()).extracting(AttributeType::name).contains("sub", "email");
        assertThat(me.userAttributes()).filteredOn(a -> a.name().equals("sub")).extracting(AttributeType::value)
                .containsExactly(sub);
    }

    @Test
    @DisplayName("GlobalSignOut: the old access token \"Access Token has been revoked\", the old refresh token \"Refresh Token has been revoked\"")
    void globalSignOutWhenDoneThenEveryTokenOfTheUserIsRevoked() {
        String name = user("gus");
        AuthenticationResultType first = signIn(name);
        AuthenticationResultType second = signIn(name);
        String other = user("gil");
        AuthenticationResultType bystander = signIn(other);

        cognito.globalSignOut(b -> b.accessToken(first.accessToken()));

        for (AuthenticationResultType tokens : List.of(first, second)) {
            assertCognitoError(() -> cognito.getUser(b -> b.accessToken(tokens.accessToken())),
                    NotAuthorizedException.class, "Access Token has been revoked");
            assertCognitoError(() -> refresh(tokens.refreshToken()),
                    NotAuthorizedException.class, "Refresh Token has been revoked");
        }
        assertThat(cognito.getUser(b -> b.accessToken(bystander.accessToken())).username()).isEqualTo(other);
        AuthenticationResultType again = signIn(name);
        assertThat(cognito.getUser(b -> b.accessToken(again.accessToken())).username())
                .as("a sign-in after the sign-out works").isEqualTo(name);
        assertThat(refresh(again.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("RevokeToken revokes the refresh token's family only: its access tokens too, another sign-in's not")
    void revokeTokenWhenRefreshTokenRevokedThenOnlyItsFamilyIsRefused() {
        String name = user("hal");
        AuthenticationResultType revoked = signIn(name);
        AuthenticationResultType kept = signIn(name);
        AuthenticationResultType refreshedBefore = refresh(revoked.refreshToken());

        cognito.revokeToken(b -> b.clientId(clientId).token(revoked.refreshToken()));

        assertCognitoError(() -> refresh(revoked.refreshToken()),
                NotAuthorizedException.class, "Refresh Token has been revoked");
        for (String access : List.of(revoked.accessToken(), refreshedBefore.accessToken())) {
            assertCognitoError(() -> cognito.getUser(b -> b.accessToken(access)),
                    NotAuthorizedException.class, "Access Token has been revoked");
        }
        assertThat(cognito.getUser(b -> b.accessToken(kept.accessToken())).username()).isEqualTo(name);
        AuthenticationResultType refreshed = refresh(kept.refreshToken());
        assertThat(cognito.getUser(b -> b.accessToken(refreshed.accessToken())).username()).isEqualTo(name);
    }

    private static AuthenticationResultType refresh(String refreshToken) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }

    /**
     * Spec §2.5.3: padHex prepends {@code 00} when the top bit is set, and values may be shorter than
     * their group's width. Many users (different salts, hence x) and many exchanges (different A, B,
     * so u and S) are tried until each padding case has been met at least once; each exchange that
     * meets a new case must end in tokens. The cases are judged by the spec's formulas, written out
     * here apart from core's.
     */
    @Test
    @DisplayName("SRP sign-ins whose SALT, x, A, B, u and S hit every padHex edge case all succeed")
    void respondToAuthChallengeWhenValuesHitPaddingEdgeCasesThenTokens() {
        Map<String, Predicate<Values>> userCases = new LinkedHashMap<>();
        userCases.put("SALT with its top bit set (padHex prepends 00)", v -> v.salt.bitLength() == 128);
        userCases.put("SALT with its top bit clear", v -> v.salt.bitLength() < 128);
        userCases.put("x with its top bit set", v -> v.x.bitLength() == 256);
        userCases.put("x with its top bit clear", v -> v.x.bitLength() < 256);
        userCases.put("x with a zero first nibble", v -> v.x.bitLength() <= 252);
        List<String> names = List.of("ümit", "ユーザー", "o'brien+tag", "Zoë.Ångström", "x",
                "user_with_a_rather_long_name");
        List<String> passwords = List.of(PASSWORD, "Pässwörd-1Ä", "パスワードAa1!", "Nbsp\u00a0Pass1!");
        Map<String, Boolean> met = new LinkedHashMap<>();
        userCases.keySet().forEach(c -> met.put(c, false));
        for (int i = 0; i < 300 && met.containsValue(false); i++) {
            String password = passwords.get(i % passwords.size());
            String name = user(poolId, names.get(i % names.size()) + "-" + USERS.incrementAndGet(), password);
            Exchange exchange = initiate(name);
            Values values = Values.of(exchange, password);
            List<String> hit = userCases.entrySet().stream().filter(e -> e.getValue().test(values))
                    .map(Map.Entry::getKey).toList();
            assertThat(answer(exchange, password, true).accessToken()).as(name + " " + hit).isNotBlank();
            hit.forEach(c -> met.put(c, true));
        }
        assertThat(met).as("cases met by the users").doesNotContainValue(false);

        Map<String, Predicate<Values>> exchangeCases = new LinkedHashMap<>();
        exchangeCases.put("A with its top bit set (padHex(A) is 385 bytes)", v -> v.A.bitLength() == 3072);
        exchangeCases.put("A under 2^3064", v -> v.A.bitLength() <= 3064);
        exchangeCases.put("A with an odd number of hex digits (SRP_A sent unpadded)",
                v -> v.A.toString(16).length() % 2 == 1);
        exchangeCases.put("B with its top bit set", v -> v.B.bitLength() == 3072);
        exchangeCases.put("B under 2^3064", v -> v.B.bitLength() <= 3064);
        exchangeCases.put("u with its top bit set", v -> v.u.bitLength() == 256);
        exchangeCases.put("u under 2^248 (padHex(u) drops the hash's zero first byte)", v -> v.u.bitLength() <= 248);
        exchangeCases.put("S with its top bit set (padHex(S) is 385 bytes)", v -> v.S.bitLength() == 3072);
        exchangeCases.put("S under 2^3064 (padHex(S) is at most 384 bytes)", v -> v.S.bitLength() <= 3064);
        exchangeCases.put("S with an odd number of hex digits", v -> v.S.toString(16).length() % 2 == 1);
        String name = user("ivy");
        Map<String, Boolean> exchangesMet = new LinkedHashMap<>();
        exchangeCases.keySet().forEach(c -> exchangesMet.put(c, false));
        for (int i = 0; i < 4000 && exchangesMet.containsValue(false); i++) {
            Exchange exchange = initiate(name);
            Values values = Values.of(exchange, PASSWORD);
            List<String> fresh = exchangeCases.entrySet().stream()
                    .filter(e -> !exchangesMet.get(e.getKey()) && e.getValue().test(values))
                    .map(Map.Entry::getKey).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            assertThat(answer(exchange, PASSWORD, true).accessToken()).as(fresh.toString()).isNotBlank();
            fresh.forEach(c -> exchangesMet.put(c, true));
        }
        assertThat(exchangesMet).as("cases met by the exchanges").doesNotContainValue(false);
    }

    /** One exchange's numbers, computed from the spec's formulas (§2.2) by the client's side. */
    private record Values(BigInteger salt, BigInteger x, BigInteger A, BigInteger B, BigInteger u, BigInteger S) {

        private static final BigInteger N = SrpGroup.N;
        private static final BigInteger G = BigInteger.TWO;
        /** {@code k = H(padHex(N) || padHex(g))}, the value spec §2.1 gives. */
        private static final BigInteger K = new BigInteger(
                "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6", 16);

        static Values of(Exchange exchange, String password) {
            String poolName = exchange.pool().split("_")[1];
            BigInteger salt = new BigInteger(exchange.param("SALT"), 16);
            BigInteger x = new BigInteger(1, sha256(salt.toByteArray(), sha256((poolName
                    + exchange.param("USER_ID_FOR_SRP") + ":" + password).getBytes(StandardCharsets.UTF_8))));
            BigInteger A = G.modPow(exchange.a(), N);
            assertThat(A.toString(16)).as("SrpClient sends g^a").isEqualTo(exchange.srp().srpA());
            BigInteger B = new BigInteger(exchange.param("SRP_B"), 16);
            BigInteger u = new BigInteger(1, sha256(A.toByteArray(), B.toByteArray()));
            BigInteger S = B.subtract(K.multiply(G.modPow(x, N))).mod(N).modPow(exchange.a().add(u.multiply(x)), N);
            return new Values(salt, x, A, B, u, S);
        }

        private static byte[] sha256(byte[]... parts) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (byte[] part : parts) {
                    digest.update(part);
                }
                return digest.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Hands SrpClient a chosen secret {@code a}, so that the test knows it (SrpClient draws only nextBytes). */
    private record Bytes(byte[] secret) implements RandomGenerator {

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != secret.length) {
                throw new IllegalStateException("SrpClient asked for " + bytes.length + " bytes");
            }
            System.arraycopy(secret, 0, bytes, 0, bytes.length);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("SrpClient draws its secret with nextBytes");
        }
    }
}
