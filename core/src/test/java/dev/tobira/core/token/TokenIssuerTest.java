package dev.tobira.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.SigningKeysContract.SettableClock;
import dev.tobira.core.memory.InMemorySigningKeys;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClient.TokenValidityUnits;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cognito-shaped ID and access tokens (spec §6), with a fixed clock. */
class TokenIssuerTest {

    private static final String POOL = "us-east-1_sjvjJcd5I";
    private static final String CLIENT_ID = "12hcs372atds7jjhljan7m86nn";
    private static final String BASE = "http://localhost:9229";
    private static final String ISS = BASE + "/" + POOL;
    /** Half a second past a whole second: JWT times are whole seconds. */
    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.678Z");
    private static final long T0_SECONDS = T0.getEpochSecond();
    private static final String USERNAME = "db1e4c11-04cb-4406-a144-e326c04717f5";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private SettableClock clock;
    private SigningKeys keys;
    private TokenIssuer issuer;

    @BeforeEach
    void setUp() {
        clock = new SettableClock(T0);
        keys = new InMemorySigningKeys(clock, new SecureRandom());
        issuer = new TokenIssuer(keys, clock, BASE + "/", new Random(42));
    }

    private static UserPoolClient client(Integer accessValidity, Integer idValidity, TokenValidityUnits units,
            List<String> readAttributes) {
        return new UserPoolClient(POOL, "web", CLIENT_ID, null, T0, T0, 30, accessValidity, idValidity, units,
                readAttributes, List.of(), UserPoolClient.DEFAULT_EXPLICIT_AUTH_FLOWS, List.of(), List.of(), List.of(),
                null, List.of(), List.of(), false, "ENABLED", true, false, 3, null);
    }

    private static UserPoolClient client() {
        return client(60, 60, new TokenValidityUnits("minutes", "minutes", "days"), List.of());
    }

    private static User user() {
        return new User(POOL, USERNAME, List.of(
                new Attribute("sub", USERNAME),
                new Attribute("email_verified", "true"),
                new Attribute("email", "armicron@yandex.ru"),
                new Attribute("phone_number", "+15555550100"),
                new Attribute("phone_number_verified", "false"),
                new Attribute("name", "Armi Cron"),
                new Attribute("custom:tier", "7"),
                new Attribute("dev:custom:internal", "secret")),
                UserStatus.CONFIRMED, true, T0, T0, Optional.empty(), Optional.empty());
    }

    private IssuedTokens signIn(UserPoolClient client) {
        return issuer.issue(new TokenRequest(client, user(), issuer.newAuthentication()));
    }

    private static Map<String, Object> claims(String token) throws Exception {
        return SignedJWT.parse(token).getPayload().toJSONObject();
    }

    private static Map<String, Object> header(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().toJSONObject();
    }

    @Test
    @DisplayName("ID token: sub, aud = client id, boolean *_verified, token_use id, auth_time, iss, cognito:username, "
            + "exp, iat, jti, origin_jti, event_id and the attributes, custom ones as strings")
    void issueWhenSignedInThenIdTokenHasExactlyCognitosClaims() throws Exception {
        IssuedTokens tokens = signIn(client());
        Authentication authentication = tokens.authentication();

        assertThat(claims(tokens.idToken())).containsOnly(
                entry("sub", USERNAME),
                entry("email_verified", true),
                entry("email", "armicron@yandex.ru"),
                entry("phone_number", "+15555550100"),
                entry("phone_number_verified", false),
                entry("name", "Armi Cron"),
                entry("custom:tier", "7"),
                entry("iss", ISS),
                entry("cognito:username", USERNAME),
                entry("origin_jti", authentication.originJti()),
                entry("aud", CLIENT_ID),
                entry("event_id", authentication.eventId()),
                entry("token_use", "id"),
                entry("auth_time", T0_SECONDS),
                entry("exp", T0_SECONDS + 3600),
                entry("iat", T0_SECONDS),
                entry("jti", tokens.idTokenJti()));
        assertThat(List.of(tokens.idTokenJti(), authentication.originJti(), authentication.eventId()))
                .allMatch(id -> UUID.matcher(id).matches())
                .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("Access token: sub, token_use access, scope aws.cognito.signin.user.admin, auth_time, iss, exp, "
            + "iat, jti, origin_jti, event_id, client_id, username; no aud")
    void issueWhenSignedInThenAccessTokenHasExactlyCognitosClaims() throws Exception {
        IssuedTokens tokens = signIn(client());
        Authentication authentication = tokens.authentication();

        assertThat(claims(tokens.accessToken())).containsOnly(
                entry("sub", USERNAME),
                entry("iss", ISS),
                entry("client_id", CLIENT_ID),
                entry("origin_jti", authentication.originJti()),
                entry("event_id", authentication.eventId()),
                entry("token_use", "access"),
                entry("scope", "aws.cognito.signin.user.admin"),
                entry("auth_time", T0_SECONDS),
                entry("exp", T0_SECONDS + 3600),
                entry("iat", T0_SECONDS),
                entry("jti", tokens.accessTokenJti()),
                entry("username", USERNAME));
        assertThat(tokens.accessTokenJti()).matches(UUID).isNotEqualTo(tokens.idTokenJti());
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.accessTokenExpiresAt()).isEqualTo(Instant.ofEpochSecond(T0_SECONDS + 3600));
    }

    @Test
    @DisplayName("Header {\"kid\",\"alg\":\"RS256\"}; ID and access tokens are signed with different keys")
    void issueWhenSignedInThenHeadersNameTheTwoDifferentCurrentKeys() throws Exception {
        IssuedTokens tokens = signIn(client());
        assertThat(header(tokens.idToken())).containsOnly(
                entry("kid", keys.current(POOL, TokenUse.ID).kid()), entry("alg", "RS256"));
        assertThat(header(tokens.accessToken())).containsOnly(
                entry("kid", keys.current(POOL, TokenUse.ACCESS).kid()), entry("alg", "RS256"));
        assertThat(header(tokens.idToken()).get("kid")).isNotEqualTo(header(tokens.accessToken()).get("kid"));
    }

    @Test
    void issueWhenClientHasReadAttributesThenIdTokenHasOnlyThoseAndSubOnce() throws Exception {
        IssuedTokens tokens = signIn(client(60, 60, null, List.of("sub", "email", "custom:tier")));
        Map<String, Object> claims = claims(tokens.idToken());
        assertThat(claims).containsEntry("sub", USERNAME).containsEntry("email", "armicron@yandex.ru")
                .containsEntry("custom:tier", "7")
                .doesNotContainKeys("email_verified", "phone_number", "phone_number_verified", "name");
        String payload = SignedJWT.parse(tokens.idToken()).getPayload().toString();
        assertThat(payload.split("\"sub\"", -1)).hasSize(2);
    }

    @Test
    void issueWhenUserHasDeveloperOnlyAttributesThenNoTokenShowsThem() throws Exception {
        IssuedTokens tokens = signIn(client());
        assertThat(SignedJWT.parse(tokens.idToken()).getPayload().toString()).doesNotContain("dev:custom", "secret");
        assertThat(SignedJWT.parse(tokens.accessToken()).getPayload().toString()).doesNotContain("dev:custom");
    }

    @ParameterizedTest(name = "access {0} and id {1} {2} -> {3} s and {4} s")
    @CsvSource({
        "300,  900,   seconds, 300,   900",
        "5,    60,    minutes, 300,   3600",
        "1,    24,    hours,   3600,  86400",
        "1,    1,     days,    86400, 86400",
        "2,    3,     ,        7200,  10800",
        ",     ,      minutes, 3600,  3600",
    })
    void issueWhenClientValiditiesInUnitsThenExpAndExpiresInFollowThem(Integer access, Integer id, String unit,
            long accessSeconds, long idSeconds) throws Exception {
        TokenValidityUnits units = unit == null ? null : new TokenValidityUnits(unit, unit, "days");
        IssuedTokens tokens = signIn(client(access, id, units, List.of()));
        assertThat(tokens.expiresIn()).isEqualTo(accessSeconds);
        assertThat(claims(tokens.accessToken()).get("exp")).isEqualTo(T0_SECONDS + accessSeconds);
        assertThat(claims(tokens.idToken()).get("exp")).isEqualTo(T0_SECONDS + idSeconds);
        assertThat(tokens.idTokenExpiresAt()).isEqualTo(Instant.ofEpochSecond(T0_SECONDS + idSeconds));
    }

    @Test
    void issueWhenUnitsDifferPerTokenThenEachTokenUsesItsOwn() throws Exception {
        IssuedTokens tokens = signIn(client(10, 2, new TokenValidityUnits("minutes", "hours", "days"), List.of()));
        assertThat(tokens.expiresIn()).isEqualTo(600);
        assertThat(claims(tokens.idToken()).get("exp")).isEqualTo(T0_SECONDS + 7200);
    }

    @Test
    @DisplayName("auth_time keeps the original sign-in time on refresh; origin_jti and event_id are kept too")
    void issueWhenRefreshedUnderTheSameAuthenticationThenAuthTimeAndOriginJtiAreKept() throws Exception {
        IssuedTokens first = signIn(client());
        clock.advance(Duration.ofMinutes(50));
        IssuedTokens refreshed = issuer.issue(new TokenRequest(client(), user(), first.authentication()));

        for (String token : List.of(refreshed.idToken(), refreshed.accessToken())) {
            assertThat(claims(token))
                    .containsEntry("auth_time", T0_SECONDS)
                    .containsEntry("iat", T0_SECONDS + 3000)
                    .containsEntry("exp", T0_SECONDS + 3000 + 3600)
                    .containsEntry("origin_jti", first.authentication().originJti())
                    .containsEntry("event_id", first.authentication().eventId());
        }
        assertThat(refreshed.accessTokenJti()).isNotEqualTo(first.accessTokenJti());
    }

    @Test
    void newAuthenticationWhenCalledTwiceThenNewIdsAndAuthTimeInWholeSeconds() {
        Authentication a = issuer.newAuthentication();
        Authentication b = issuer.newAuthentication();
        assertThat(a.authTime()).isEqualTo(Instant.ofEpochSecond(T0_SECONDS));
        assertThat(a.originJti()).isNotEqualTo(b.originJti());
        assertThat(a.eventId()).isNotEqualTo(b.eventId());
    }

    @Test
    void issueWhenUserIsOfAnotherPoolThenRefused() {
        User stranger = new User("us-east-1_Other0000", "x", List.of(new Attribute("sub", "x")), UserStatus.CONFIRMED,
                true, T0, T0, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> new TokenRequest(client(), stranger, issuer.newAuthentication()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifyAccessTokenWhenValidThenItsClaims() {
        IssuedTokens tokens = signIn(client());
        clock.advance(Duration.ofMinutes(59));
        assertThat(issuer.verifyAccessToken(tokens.accessToken())).isEqualTo(new AccessTokenClaims(POOL, CLIENT_ID,
                USERNAME, USERNAME, tokens.accessTokenJti(), tokens.authentication().originJti(),
                tokens.authentication().eventId(), Instant.ofEpochSecond(T0_SECONDS),
                Instant.ofEpochSecond(T0_SECONDS), Instant.ofEpochSecond(T0_SECONDS + 3600)));
    }

    @Test
    @DisplayName("Expired access token: NotAuthorizedException \"Access Token has expired\"")
    void verifyAccessTokenWhenPastExpThenAccessTokenHasExpired() {
        IssuedTokens tokens = signIn(client());
        clock.set(Instant.ofEpochSecond(T0_SECONDS + 3600).minusMillis(1));
        assertThat(issuer.verifyAccessToken(tokens.accessToken()).jti()).isEqualTo(tokens.accessTokenJti());
        clock.set(Instant.ofEpochSecond(T0_SECONDS + 3600));
        assertNotAuthorized(tokens.accessToken(), "Access Token has expired");
        clock.advance(Duration.ofHours(3));
        assertNotAuthorized(tokens.accessToken(), "Access Token has expired");
    }

    @Test
    @DisplayName("An ID token is not an access token: \"Invalid Access Token\"")
    void verifyAccessTokenWhenGivenTheIdTokenThenInvalidAccessToken() {
        assertNotAuthorized(signIn(client()).idToken(), "Invalid Access Token");
    }

    @Test
    void verifyAccessTokenWhenPayloadTamperedWithThenInvalidAccessToken() throws Exception {
        String token = signIn(client()).accessToken();
        String[] parts = token.split("\\.");
        Map<String, Object> claims = new LinkedHashMap<>(claims(token));
        claims.put("username", "someone-else");
        String forged = parts[0] + "." + Base64URL.encode(JWTClaimsSet.parse(claims).toString()) + "." + parts[2];
        assertNotAuthorized(forged, "Invalid Access Token");

        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertNotAuthorized(flipped, "Invalid Access Token");
    }

    @Test
    void verifyAccessTokenWhenNotAJwtThenInvalidAccessToken() {
        for (String garbage : new String[] {null, "", "abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", "....."}) {
            assertNotAuthorized(garbage, "Invalid Access Token");
        }
    }

    @Test
    void verifyAccessTokenWhenSignedByAKeyNotOursThenInvalidAccessToken() throws Exception {
        IssuedTokens tokens = signIn(client());
        SigningKey stranger = SigningKey.generate(POOL, TokenUse.ACCESS, T0, new SecureRandom());
        assertNotAuthorized(resign(tokens.accessToken(), stranger.kid(), stranger.rsaKey()), "Invalid Access Token");
        // Our kid, another key's signature.
        assertNotAuthorized(resign(tokens.accessToken(), keys.current(POOL, TokenUse.ACCESS).kid(),
                stranger.rsaKey()), "Invalid Access Token");
    }

    @Test
    @DisplayName("A token claiming token_use access but signed with the pool's ID key is refused")
    void verifyAccessTokenWhenSignedWithTheIdKeyThenInvalidAccessToken() throws Exception {
        IssuedTokens tokens = signIn(client());
        SigningKey idKey = keys.current(POOL, TokenUse.ID);
        assertNotAuthorized(resign(tokens.accessToken(), idKey.kid(), idKey.rsaKey()), "Invalid Access Token");
    }

    @Test
    void verifyAccessTokenWhenAlgorithmIsNotRs256ThenInvalidAccessToken() throws Exception {
        IssuedTokens tokens = signIn(client());
        String kid = keys.current(POOL, TokenUse.ACCESS).kid();
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(),
                SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet());
        hs256.sign(new MACSigner(new byte[32]));
        assertNotAuthorized(hs256.serialize(), "Invalid Access Token");

        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "."
                + tokens.accessToken().split("\\.")[1] + ".";
        assertNotAuthorized(none, "Invalid Access Token");
    }

    @Test
    void verifyAccessTokenWhenIssuedByAnotherIssuerUrlThenInvalidAccessToken() {
        TokenIssuer elsewhere = new TokenIssuer(keys, clock, "https://auth.example.com", new Random(1));
        IssuedTokens tokens = elsewhere.issue(new TokenRequest(client(), user(), elsewhere.newAuthentication()));
        assertThat(elsewhere.verifyAccessToken(tokens.accessToken()).userPoolId()).isEqualTo(POOL);
        assertNotAuthorized(tokens.accessToken(), "Invalid Access Token");
    }

    @Test
    void verifyAccessTokenWhenARequiredClaimIsMissingThenInvalidAccessToken() throws Exception {
        IssuedTokens tokens = signIn(client());
        SigningKey access = keys.current(POOL, TokenUse.ACCESS);
        Map<String, Object> claims = new LinkedHashMap<>(claims(tokens.accessToken()));
        claims.remove("username");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(access.kid()).build(),
                JWTClaimsSet.parse(claims));
        jwt.sign(new RSASSASigner(access.rsaKey()));
        assertNotAuthorized(jwt.serialize(), "Invalid Access Token");
    }

    @Test
    @DisplayName("Rotation: tokens signed with the old key still verify; new tokens name the new key")
    void verifyAccessTokenWhenKeysRotatedThenOldTokensStillVerifyUntilTheirKeyIsUnpublished() throws Exception {
        IssuedTokens before = signIn(client());
        SigningKey newAccess = keys.rotate(POOL, TokenUse.ACCESS);
        SigningKey newId = keys.rotate(POOL, TokenUse.ID);
        IssuedTokens after = signIn(client());

        assertThat(issuer.verifyAccessToken(before.accessToken()).jti()).isEqualTo(before.accessTokenJti());
        assertThat(issuer.verifyAccessToken(after.accessToken()).jti()).isEqualTo(after.accessTokenJti());
        assertThat(header(after.accessToken())).containsEntry("kid", newAccess.kid());
        assertThat(header(after.idToken())).containsEntry("kid", newId.kid());
        assertThat(issuer.publicKeys(POOL)).extracting(RSAKey::getKeyID).containsExactlyInAnyOrder(newId.kid(),
                newAccess.kid(), (String) header(before.idToken()).get("kid"), (String) header(before.accessToken()).get("kid"));

        clock.advance(SigningKeys.RETIRED_KEY_RETENTION);
        assertNotAuthorized(before.accessToken(), "Invalid Access Token");
    }

    @Test
    void verifyAccessTokenWhenThePoolsKeysWereDeletedThenInvalidAccessToken() {
        IssuedTokens tokens = signIn(client());
        keys.deleteAll(POOL);
        assertNotAuthorized(tokens.accessToken(), "Invalid Access Token");
    }

    @Test
    void publicKeysWhenPoolHasNoKeysYetThenCreatesBothAndShowsNoPrivatePart() {
        List<RSAKey> published = issuer.publicKeys(POOL);
        assertThat(published).extracting(RSAKey::getKeyID).containsExactly(
                keys.current(POOL, TokenUse.ID).kid(), keys.current(POOL, TokenUse.ACCESS).kid());
        assertThat(published).noneMatch(RSAKey::isPrivate);
        assertThat(published).allSatisfy(k -> assertThat(k.toJSONObject()).containsOnlyKeys(
                "kty", "e", "n", "kid", "use", "alg").containsEntry("alg", "RS256").containsEntry("use", "sig"));
    }

    @Test
    void issuerWhenBaseHasATrailingSlashThenItIsDropped() {
        assertThat(issuer.issuer(POOL)).isEqualTo(ISS);
    }

    @Test
    void toStringWhenLoggedThenNoTokenAndNoKeyMaterial() {
        IssuedTokens tokens = signIn(client());
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken(), tokens.idToken(),
                tokens.accessToken().split("\\.")[2]).contains(tokens.accessTokenJti());
        SigningKey key = keys.current(POOL, TokenUse.ACCESS);
        assertThat(key.toString()).contains(key.kid())
                .doesNotContain(key.rsaKey().getPrivateExponent().toString(), key.rsaKey().getFirstPrimeFactor()
                        .toString(), key.rsaKey().getModulus().toString());
        // What the guard is for: Nimbus prints the private exponent.
        assertThat(key.rsaKey().toString()).contains(key.rsaKey().getPrivateExponent().toString());
    }

    private static String resign(String token, String kid, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                SignedJWT.parse(token).getJWTClaimsSet());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertNotAuthorized(String token, String message) {
        assertThatThrownBy(() -> issuer.verifyAccessToken(token))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage(message);
    }
}
