package dev.tobira.bench;

import dev.tobira.core.memory.InMemorySigningKeys;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.token.IssuedTokens;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.token.TokenRequest;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.PasswordVerifier;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import dev.tobira.server.config.CryptoProviders;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tokens (spec §6): {@link TokenIssuer#issue} signs an ID and an access token (two RS256 signatures with
 * 2048-bit keys), as every successful sign-in does; {@link TokenIssuer#verifyAccessToken} is what
 * {@code GetUser} and the other access-token operations do first. Keys are in memory and made in setup.
 *
 * <p>{@code provider} is the server's {@code --crypto-provider}: {@code jdk} (the JDK's SunRsaSign) or {@code accp}
 * (the Amazon Corretto Crypto Provider, native), installed as the server installs it.
 */
// ACCP loads native code: JDK 25 wants it allowed (as ./tobira and the Dockerfile do).
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmarks {

    static final String USER_POOL_ID = "us-east-1_BenchPool1";
    static final String CLIENT_ID = "3n4b5urk1ft4fl3mg5e62d9ado";

    @Param({"jdk", "accp"})
    public String provider;

    private TokenIssuer issuer;
    private TokenRequest request;
    private String accessToken;

    @Setup
    public void setUp() {
        CryptoProviders.install(CryptoProviders.Choice.parse(provider));
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        issuer = new TokenIssuer(new InMemorySigningKeys(clock, random), clock, "http://127.0.0.1:9229", random);
        Instant created = clock.instant();
        UserPoolClient client = new UserPoolClient(USER_POOL_ID, "bench", CLIENT_ID, null, created, created,
                30, 60, 60, new UserPoolClient.TokenValidityUnits("minutes", "minutes", "days"), List.of(), List.of(),
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), List.of(), List.of(), List.of(), null,
                List.of(), List.of(), false, "ENABLED", true, false, 3, null);
        String sub = "6a1b3c4d-1111-4222-8333-444455556666";
        User user = new User(USER_POOL_ID, sub,
                List.of(new Attribute("sub", sub), new Attribute("email", "bench@example.com"),
                        new Attribute("email_verified", "true")),
                UserStatus.CONFIRMED, true, created, created,
                Optional.of(new PasswordVerifier("8ce8291892390f6b53a245933faf6164", "abc123")), Optional.empty());
        request = new TokenRequest(client, user, issuer.newAuthentication());
        accessToken = issue().accessToken();
        verifyAccessToken();
    }

    /** An ID and an access token for one sign-in: claims, two RS256 signatures, serialisation. */
    @Benchmark
    public IssuedTokens issue() {
        return issuer.issue(request);
    }

    /** Parse, find the key by kid, check the RS256 signature and the claims of an access token. */
    @Benchmark
    public AccessTokenClaims verifyAccessToken() {
        return issuer.verifyAccessToken(accessToken);
    }
}
