package dev.tobira.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.memory.InMemorySigningKeys;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.IssuedTokens;
import dev.tobira.core.token.SigningKey;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.token.TokenRequest;
import dev.tobira.core.token.TokenUse;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --crypto-provider}: tokens are signed and verified on either provider, each verifies the other's
 * signatures, and {@code auto} falls back to the JDK, saying why, when the Corretto Crypto Provider cannot load.
 */
class CryptoProvidersTest {

    private static final String POOL = "us-east-1_CryptoTest";
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
    private static final String SUN_RSA_SIGN = "SunRsaSign";

    @AfterEach
    void restoreWhatTheServerInstalls() {
        CryptoProviders.install(CryptoProviders.Choice.AUTO);
    }

    @ParameterizedTest
    @EnumSource(names = {"JDK", "ACCP"})
    void issueWhenProviderChosenThenItSignsAndTheOtherProviderVerifies(CryptoProviders.Choice choice) throws Exception {
        CryptoProviders.Installed installed = CryptoProviders.install(choice);
        String expected = choice == CryptoProviders.Choice.ACCP ? CryptoProviders.ACCP_NAME : SUN_RSA_SIGN;
        assertThat(installed.tokenSigner()).startsWith(expected + " ");
        assertThat(installed.describe()).startsWith("Tokens are signed (SHA256withRSA) by " + expected);
        assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName()).isEqualTo(expected);

        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        InMemorySigningKeys keys = new InMemorySigningKeys(clock, new SecureRandom());
        TokenIssuer issuer = new TokenIssuer(keys, clock, "http://127.0.0.1:9229", new SecureRandom());
        IssuedTokens tokens = issuer.issue(new TokenRequest(client(), user(), issuer.newAuthentication()));

        assertThat(issuer.verifyAccessToken(tokens.accessToken()).sub()).isEqualTo(user().username());
        SigningKey idKey = keys.current(POOL, TokenUse.ID);
        SignedJWT idToken = SignedJWT.parse(tokens.idToken());
        assertThat(idToken.getHeader().getKeyID()).isEqualTo(idKey.kid());
        for (Provider verifierProvider : List.of(Security.getProvider(SUN_RSA_SIGN), accp())) {
            RSASSAVerifier verifier = new RSASSAVerifier(idKey.publicJwk());
            verifier.getJCAContext().setProvider(verifierProvider);
            assertThat(idToken.verify(verifier)).as("verified by %s", verifierProvider.getName()).isTrue();
        }
        SignedJWT tampered = SignedJWT.parse(tokens.idToken().substring(0, tokens.idToken().length() - 4) + "AAAA");
        assertThat(tampered.verify(new RSASSAVerifier(idKey.publicJwk()))).isFalse();
    }

    @Test
    void installWhenAccpThenItServesDigestsMacsAndRandomToo() throws Exception {
        CryptoProviders.install(CryptoProviders.Choice.ACCP);
        assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo(CryptoProviders.ACCP_NAME);
        assertThat(javax.crypto.Mac.getInstance("HmacSHA256").getProvider().getName())
                .isEqualTo(CryptoProviders.ACCP_NAME);
        assertThat(new SecureRandom().getProvider().getName()).isEqualTo(CryptoProviders.ACCP_NAME);
    }

    @Test
    void installWhenJdkAfterAccpThenAccpIsRemoved() {
        CryptoProviders.install(CryptoProviders.Choice.ACCP);
        CryptoProviders.install(CryptoProviders.Choice.JDK);
        assertThat(Security.getProvider(CryptoProviders.ACCP_NAME)).isNull();
    }

    @Test
    void installWhenAutoAndAccpCannotLoadThenJdkSignsAndTheLineSaysWhy() {
        CryptoProviders.install(CryptoProviders.Choice.JDK);
        CryptoProviders.Installed installed = CryptoProviders.install(CryptoProviders.Choice.AUTO,
                () -> new CryptoProviders.Loaded(Optional.empty(), "no native library for linux-aarch64"));
        assertThat(installed.tokenSigner()).startsWith(SUN_RSA_SIGN);
        assertThat(installed.describe()).isEqualTo("Tokens are signed (SHA256withRSA) by " + installed.tokenSigner()
                + "; the Amazon Corretto Crypto Provider is unavailable: no native library for linux-aarch64");
        assertThat(Security.getProvider(CryptoProviders.ACCP_NAME)).isNull();
    }

    @Test
    void installWhenAccpRequiredAndCannotLoadThenRefuses() {
        assertThatThrownBy(() -> CryptoProviders.install(CryptoProviders.Choice.ACCP,
                () -> new CryptoProviders.Loaded(Optional.empty(), "self-test failed")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("--crypto-provider accp: the Amazon Corretto Crypto Provider cannot be used: self-test failed");
    }

    @Test
    void parseWhenUnknownThenSaysWhatIsAllowed() {
        assertThat(CryptoProviders.Choice.parse(" ACCP ")).isEqualTo(CryptoProviders.Choice.ACCP);
        assertThat(CryptoProviders.Choice.parse("")).isEqualTo(CryptoProviders.Choice.AUTO);
        assertThatThrownBy(() -> CryptoProviders.Choice.parse("bouncycastle"))
                .hasMessage("--crypto-provider must be jdk, accp or auto, not bouncycastle");
    }

    private static Provider accp() {
        return com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
    }

    private static UserPoolClient client() {
        return new UserPoolClient(POOL, "crypto", "3n4b5urk1ft4fl3mg5e62d9ado", null, T0, T0,
                30, 60, 60, new UserPoolClient.TokenValidityUnits("minutes", "minutes", "days"), List.of(), List.of(),
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), List.of(), List.of(), List.of(), null,
                List.of(), List.of(), false, "ENABLED", true, false, 3, null);
    }

    private static User user() {
        String sub = "6a1b3c4d-1111-4222-8333-444455556666";
        return new User(POOL, sub, List.of(new Attribute("sub", sub), new Attribute("email", "crypto@example.com")),
                UserStatus.CONFIRMED, true, T0, T0, Optional.empty(), Optional.empty());
    }
}
