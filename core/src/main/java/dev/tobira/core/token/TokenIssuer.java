package dev.tobira.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Ids;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Issues and verifies a pool's ID and access tokens, shaped as Cognito's (spec §6): RS256 JWS with
 * header {@code {"kid","alg":"RS256"}}, ID and access tokens signed by the pool's two different
 * current {@link SigningKeys keys}, {@code iss} = the issuer base URL + {@code /} + pool id.
 *
 * <p>Times come from the injected {@link Clock}; {@code jti}, {@code origin_jti} and {@code event_id}
 * are version 4 UUIDs from the injected random source. JWT times are whole seconds: {@code iat} is
 * the clock's instant truncated to the second, {@code exp} is {@code iat} plus the client's validity.
 */
public final class TokenIssuer {

    /** The {@code scope} of access tokens from API sign-in, which GetUser and friends require (spec §6.4). */
    public static final String SIGNIN_SCOPE = "aws.cognito.signin.user.admin";

    /** {@code NotAuthorizedException} message for an access token that is not one of ours, or not valid. */
    public static final String INVALID_ACCESS_TOKEN = "Invalid Access Token";

    /** {@code NotAuthorizedException} message for one of our access tokens past its {@code exp}. */
    public static final String EXPIRED_ACCESS_TOKEN = "Access Token has expired";

    /** Attributes whose values are booleans in ID tokens (spec §6.3); every other attribute is a string. */
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("email_verified", "phone_number_verified");

    /** Cognito's prefix of developer-only attributes, which no app client can read. */
    private static final String DEVELOPER_ONLY_PREFIX = "dev:";

    /** Signers and verifiers stay cached while there are fewer keys than this (a few per pool). */
    private static final int CRYPTO_CACHE_LIMIT = 4096;

    private final SigningKeys keys;
    private final Clock clock;
    private final String issuerBaseUrl;
    private final RandomGenerator random;

    // Per kid, with the JWK it was made from: making one converts the JWK to a JCA key through a KeyFactory (and a
    // native provider imports it), a cost every signature paid again before. Nimbus's signers and verifiers are
    // thread-safe (each call takes its own Signature).
    private final Map<String, Prepared<RSASSASigner>> signers = new ConcurrentHashMap<>();
    private final Map<String, Prepared<RSASSAVerifier>> verifiers = new ConcurrentHashMap<>();

    /** An issuer drawing its UUIDs from a new {@link SecureRandom}. */
    public TokenIssuer(SigningKeys keys, Clock clock, String issuerBaseUrl) {
        this(keys, clock, issuerBaseUrl, new SecureRandom());
    }

    /**
     * @param issuerBaseUrl the public base URL of the server, such as {@code http://localhost:9229};
     *     a trailing {@code /} is dropped
     * @param random the source of {@code jti}, {@code origin_jti} and {@code event_id}
     */
    public TokenIssuer(SigningKeys keys, Clock clock, String issuerBaseUrl, RandomGenerator random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        String base = Objects.requireNonNull(issuerBaseUrl, "issuerBaseUrl").strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.isEmpty()) {
            throw new IllegalArgumentException("The issuer base URL is empty");
        }
        this.issuerBaseUrl = base;
    }

    /** The {@code iss} of the pool's tokens, which is also the base of its {@code .well-known} URLs. */
    public String issuer(String userPoolId) {
        return issuerBaseUrl + "/" + userPoolId;
    }

    /** A sign-in happening now: {@code auth_time} is now, {@code origin_jti} and {@code event_id} are new. */
    public Authentication newAuthentication() {
        return new Authentication(clock.instant().truncatedTo(ChronoUnit.SECONDS), Ids.uuid(random), Ids.uuid(random));
    }

    /**
     * Signs an ID token and an access token for the request's user.
     *
     * <p>ID token (spec §6.3): {@code sub}; the user's attributes that the client may read (its
     * {@code ReadAttributes}, or all when that list is empty) except {@code sub} and developer-only
     * ones, in the user's attribute order, {@code email_verified} and {@code phone_number_verified} as
     * booleans and every other value (such as {@code custom:*}) as the string it is stored as; then
     * {@code iss}, {@code cognito:username} (the internal username), {@code origin_jti}, {@code aud}
     * (the client id), {@code event_id}, {@code token_use} {@code id}, {@code auth_time}, {@code exp},
     * {@code iat}, {@code jti}. A user in groups also gets {@code cognito:groups} right after {@code sub},
     * and {@code cognito:preferred_role} (when one is decided) and {@code cognito:roles} (when a group has a
     * role) before {@code iss} ({@link GroupClaims}; the order of AWS's documented example token).
     *
     * <p>Access token (spec §6.4): {@code sub}, {@code iss}, {@code client_id}, {@code origin_jti},
     * {@code event_id}, {@code token_use} {@code access}, {@code scope} {@value #SIGNIN_SCOPE},
     * {@code auth_time}, {@code exp}, {@code iat}, {@code jti}, {@code username}; no {@code aud}; a user
     * in groups gets {@code cognito:groups} right after {@code sub}, and no role claims.
     *
     * <p>The request's {@link TokenCustomization} (a PreTokenGeneration trigger's answer) then applies:
     * its group override stands in for the user's groups; its claims are added, or overridden where they
     * are, and its suppressed claims removed, except the {@link TokenCustomization#PROTECTED} ones; its
     * scopes are added to and taken from {@code scope}.
     *
     * <p>Creates the pool's current keys if it has none yet.
     */
    public IssuedTokens issue(TokenRequest request) {
        return issue(request, Optional.empty());
    }

    /**
     * Tokens of the OAuth 2.0 endpoints: as {@link #issue(TokenRequest)}, except that the access token's
     * {@code scope} is the granted scopes (then the trigger's changes) instead of {@value #SIGNIN_SCOPE}, and the
     * ID token starts with {@code at_hash} (OIDC Core §3.1.3.6: base64url of the left half of the SHA-256 of
     * the access token) and carries {@code nonce} after {@code cognito:username} when the request had one, in
     * the order of Cognito's hosted UI tokens.
     */
    public IssuedTokens issue(TokenRequest request, OAuthGrant grant) {
        return issue(request, Optional.of(grant));
    }

    /** What an OAuth 2.0 grant adds to a sign-in's tokens: the granted scopes and the OIDC {@code nonce}. */
    public record OAuthGrant(List<String> scopes, Optional<String> nonce) {
        public OAuthGrant {
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(nonce, "nonce");
        }
    }

    private IssuedTokens issue(TokenRequest request, Optional<OAuthGrant> grant) {
        UserPoolClient client = request.client();
        User user = request.user();
        Authentication authentication = request.authentication();
        String userPoolId = client.userPoolId();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration accessValidity = TokenValidities.accessToken(client);
        Instant accessExpiresAt = issuedAt.plus(accessValidity);
        Instant idExpiresAt = issuedAt.plus(TokenValidities.idToken(client));
        String accessJti = Ids.uuid(random);
        String idJti = Ids.uuid(random);

        TokenCustomization changes = request.customization();
        GroupClaims groups = changes.groupOverride().orElseGet(() -> GroupClaims.of(request.groups()));
        JWTClaimsSet.Builder accessClaims = new JWTClaimsSet.Builder().subject(user.sub());
        addGroups(accessClaims, groups);
        accessClaims
                .issuer(issuer(userPoolId))
                .claim("client_id", client.clientId())
                .claim("origin_jti", authentication.originJti())
                .claim("event_id", authentication.eventId())
                .claim("token_use", TokenUse.ACCESS.claim())
                .claim("scope", scope(grant.map(OAuthGrant::scopes).orElse(List.of(SIGNIN_SCOPE)), changes))
                .claim("auth_time", authentication.authTime().getEpochSecond())
                .expirationTime(Date.from(accessExpiresAt))
                .issueTime(Date.from(issuedAt))
                .jwtID(accessJti)
                .claim("username", user.username());
        customize(accessClaims, changes.accessClaimsToAdd(), changes.accessClaimsToSuppress());
        String accessToken = sign(accessClaims.build(), keys.current(userPoolId, TokenUse.ACCESS));

        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder();
        if (grant.isPresent()) {
            id.claim("at_hash", atHash(accessToken));
        }
        id.subject(user.sub());
        addGroups(id, groups);
        for (Attribute attribute : readableAttributes(client, user)) {
            id.claim(attribute.name(), BOOLEAN_ATTRIBUTES.contains(attribute.name())
                    ? Boolean.parseBoolean(attribute.value()) : attribute.value());
        }
        groups.preferredRole().ifPresent(role -> id.claim("cognito:preferred_role", role));
        if (!groups.roles().isEmpty()) {
            id.claim("cognito:roles", groups.roles());
        }
        id.issuer(issuer(userPoolId))
                .claim("cognito:username", user.username());
        grant.flatMap(OAuthGrant::nonce).ifPresent(nonce -> id.claim("nonce", nonce));
        id.claim("origin_jti", authentication.originJti())
                .audience(client.clientId())
                .claim("event_id", authentication.eventId())
                .claim("token_use", TokenUse.ID.claim())
                .claim("auth_time", authentication.authTime().getEpochSecond())
                .expirationTime(Date.from(idExpiresAt))
                .issueTime(Date.from(issuedAt))
                .jwtID(idJti);
        customize(id, changes.idClaimsToAdd(), changes.idClaimsToSuppress());

        return new IssuedTokens(
                accessToken,
                sign(id.build(), keys.current(userPoolId, TokenUse.ID)),
                Math.toIntExact(accessValidity.toSeconds()),
                accessExpiresAt,
                idExpiresAt,
                accessJti,
                idJti,
                authentication);
    }

    /**
     * Checks an access token as a Cognito operation authorised by one ({@code GetUser} and friends) must:
     * a JWS signed with RS256 by a published access-token key, {@code token_use} {@code access},
     * {@code iss} of the key's pool at this server, the claims Tobira puts in every access token, and
     * not expired ({@code exp} after now).
     *
     * @throws NotAuthorizedException {@value #INVALID_ACCESS_TOKEN} for anything that is not such a token,
     *     {@value #EXPIRED_ACCESS_TOKEN} for one that is, past its {@code exp}
     */
    public AccessTokenClaims verifyAccessToken(String token) {
        SignedJWT jwt = parse(token).orElseThrow(TokenIssuer::invalid);
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
            throw invalid();
        }
        SigningKey key = keys.find(header.getKeyID())
                .filter(k -> k.use() == TokenUse.ACCESS)
                .orElseThrow(TokenIssuer::invalid);
        if (!verifies(jwt, key.rsaKey())) {
            throw invalid();
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid();
        }
        if (!TokenUse.ACCESS.claim().equals(string(claims, "token_use"))
                || !issuer(key.userPoolId()).equals(claims.getIssuer())) {
            throw invalid();
        }
        AccessTokenClaims verified = new AccessTokenClaims(
                key.userPoolId(),
                required(string(claims, "client_id")),
                required(string(claims, "username")),
                required(claims.getSubject()),
                required(claims.getJWTID()),
                required(string(claims, "origin_jti")),
                required(string(claims, "event_id")),
                Instant.ofEpochSecond(required(number(claims, "auth_time"))),
                required(claims.getIssueTime()).toInstant(),
                required(claims.getExpirationTime()).toInstant());
        if (!clock.instant().isBefore(verified.expiresAt())) {
            throw new NotAuthorizedException(EXPIRED_ACCESS_TOKEN);
        }
        return verified;
    }

    /**
     * Signs the access token of a {@code client_credentials} grant, shaped as Cognito's: {@code sub} (the
     * client id), {@code token_use} {@code access}, {@code scope} (the granted scopes, space separated),
     * {@code auth_time} (now), {@code iss}, {@code exp}, {@code iat}, {@code version} 2, {@code jti},
     * {@code client_id}. No user claims, no {@code origin_jti} or {@code event_id}: no one signed in.
     * Signed with the pool's access-token key and valid for the client's access-token validity.
     */
    public ClientToken issueClientCredentials(UserPoolClient client, List<String> scopes) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration validity = TokenValidities.accessToken(client);
        JWTClaimsSet access = new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .claim("token_use", TokenUse.ACCESS.claim())
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", issuedAt.getEpochSecond())
                .issuer(issuer(client.userPoolId()))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .issueTime(Date.from(issuedAt))
                .claim("version", 2)
                .jwtID(Ids.uuid(random))
                .claim("client_id", client.clientId())
                .build();
        return new ClientToken(sign(access, keys.current(client.userPoolId(), TokenUse.ACCESS)),
                Math.toIntExact(validity.toSeconds()));
    }

    /** An access token issued to a client on its own behalf, and its lifetime in seconds ({@code expires_in}). */
    public record ClientToken(String accessToken, int expiresIn) {}

    /**
     * The public keys that verify the pool's tokens, for its JWKS: the current ID and access keys
     * (created now if the pool has none yet, so that the JWKS of an existing pool is never empty) and
     * the retired keys still published, in {@link SigningKey#PUBLICATION_ORDER}. No private parts.
     */
    public List<RSAKey> publicKeys(String userPoolId) {
        keys.current(userPoolId, TokenUse.ID);
        keys.current(userPoolId, TokenUse.ACCESS);
        return keys.published(userPoolId).stream().map(SigningKey::publicJwk).toList();
    }

    /** {@code cognito:groups}, left out (as Cognito does) for a user in no group. */
    private static void addGroups(JWTClaimsSet.Builder claims, GroupClaims groups) {
        if (!groups.groups().isEmpty()) {
            claims.claim("cognito:groups", groups.groups());
        }
    }

    /**
     * A trigger's claims added (or overridden in place), then its suppressed ones removed; claims in
     * {@link TokenCustomization#PROTECTED} stay as they are. A null claim is not serialised.
     */
    private static void customize(JWTClaimsSet.Builder claims, java.util.Map<String, Object> add,
            List<String> suppress) {
        add.forEach((name, value) -> {
            if (!TokenCustomization.PROTECTED.contains(name)) {
                claims.claim(name, value);
            }
        });
        suppress.stream().filter(name -> !TokenCustomization.PROTECTED.contains(name))
                .forEach(name -> claims.claim(name, null));
    }

    /** {@code at_hash}: base64url (no padding) of the left 128 bits of the access token's SHA-256 (RS256). */
    static String atHash(String accessToken) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(digest, digest.length / 2));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The granted scopes with a trigger's scopes added after them, less the ones it suppressed. */
    private static String scope(List<String> granted, TokenCustomization changes) {
        java.util.LinkedHashSet<String> scopes = new java.util.LinkedHashSet<>(granted);
        scopes.addAll(changes.scopesToAdd());
        changes.scopesToSuppress().forEach(scopes::remove);
        return String.join(" ", scopes);
    }

    /**
     * The user's attributes that {@code client} may read (its {@code ReadAttributes}, all when empty), without
     * {@code sub} and developer-only ones, in the user's order: what ID tokens and {@code /oauth2/userInfo} show.
     */
    public static List<Attribute> readableAttributes(UserPoolClient client, User user) {
        List<String> readable = client.readAttributes();
        return user.attributes().stream()
                .filter(a -> !a.name().equals("sub") && !a.name().startsWith(DEVELOPER_ONLY_PREFIX))
                .filter(a -> readable.isEmpty() || readable.contains(a.name()))
                .toList();
    }

    private String sign(JWTClaimsSet claims, SigningKey key) {
        // Cognito's header is exactly {"kid","alg"}: no "typ".
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(), claims);
        try {
            jwt.sign(prepared(signers, key.rsaKey(), RSASSASigner::new));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + key.kid(), e);
        }
        return jwt.serialize();
    }

    /** A signer or verifier made from {@code key} and cached under its kid; the same JWK gets the same one. */
    private static <T> T prepared(Map<String, Prepared<T>> cache, RSAKey key, JwkFunction<T> make)
            throws JOSEException {
        Prepared<T> cached = cache.get(key.getKeyID());
        if (cached != null && (cached.jwk() == key || cached.jwk().equals(key))) {
            return cached.value();
        }
        T made = make.apply(key);
        if (cache.size() < CRYPTO_CACHE_LIMIT) {
            cache.put(key.getKeyID(), new Prepared<>(key, made));
        }
        return made;
    }

    private record Prepared<T>(RSAKey jwk, T value) {}

    @FunctionalInterface
    private interface JwkFunction<T> {
        T apply(RSAKey key) throws JOSEException;
    }

    private static Optional<SignedJWT> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedJWT.parse(token));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean verifies(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(prepared(verifiers, key, RSASSAVerifier::new));
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }

    private static Long number(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof Number n ? n.longValue() : null;
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw invalid();
        }
        return value;
    }

    private static NotAuthorizedException invalid() {
        return new NotAuthorizedException(INVALID_ACCESS_TOKEN);
    }
}
