package dev.tobira.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.oauth.OAuthError.Code;
import dev.tobira.core.ops.OAuthFixtures;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.TokenIssuer.ClientToken;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client_credentials grant: who may use it, which scopes it grants, and the token's claims. */
class ClientCredentialsGrantTest {

    private final OAuthFixtures f = new OAuthFixtures();
    private ClientCredentialsGrant grant;
    private UserPoolClient machine;

    @BeforeEach
    void setUp() {
        f.resourceServer("orders", "read", "write");
        f.domain("shop");
        machine = f.client(true, List.of("client_credentials"), List.of("orders/read", "orders/write"), null);
        grant = new ClientCredentialsGrant(f.t.services);
    }

    private ClientToken token(Optional<String> domain, String clientId, String secret, String scope) {
        return grant.token(domain, clientId, Optional.ofNullable(secret), Optional.ofNullable(scope));
    }

    private static void assertRefused(ThrowingCallable call, Code code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthError.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void tokenWhenScopeRequestedThenAccessTokenWithCognitosClientCredentialsClaims() throws Exception {
        ClientToken token = token(Optional.of("shop"), machine.clientId(), machine.clientSecret(), "orders/read");
        assertThat(token.expiresIn()).isEqualTo(3600);
        SignedJWT jwt = SignedJWT.parse(token.accessToken());
        assertThat(jwt.verify(new RSASSAVerifier(f.t.services.tokenIssuer().publicKeys(f.poolId).stream()
                .filter(k -> k.getKeyID().equals(jwt.getHeader().getKeyID())).findFirst().orElseThrow()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        long now = f.t.clock.instant().getEpochSecond();
        assertThat(claims.getClaims().keySet()).containsExactly("sub", "token_use", "scope", "auth_time", "iss",
                "exp", "iat", "version", "jti", "client_id");
        assertThat(claims.getSubject()).isEqualTo(machine.clientId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(machine.clientId());
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders/read");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9229/" + f.poolId);
        assertThat(claims.getLongClaim("version")).isEqualTo(2);
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(now);
        assertThat(claims.getIssueTime().toInstant().getEpochSecond()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond()).isEqualTo(now + 3600);
    }

    @Test
    void tokenWhenScopeOmittedThenAllOfTheClientsCustomScopes() throws Exception {
        ClientToken token = token(Optional.empty(), machine.clientId(), machine.clientSecret(), null);
        assertThat(SignedJWT.parse(token.accessToken()).getJWTClaimsSet().getStringClaim("scope"))
                .isEqualTo("orders/read orders/write");
    }

    @Test
    void tokenWhenSecretWrongOrMissingThenInvalidClient() {
        assertRefused(() -> token(Optional.of("shop"), machine.clientId(), "wrong", null), Code.INVALID_CLIENT);
        assertRefused(() -> token(Optional.of("shop"), machine.clientId(), null, null), Code.INVALID_CLIENT);
    }

    @Test
    void tokenWhenClientUnknownThenInvalidClient() {
        assertRefused(() -> token(Optional.of("shop"), "nosuchclient", "x", null), Code.INVALID_CLIENT);
    }

    @Test
    void tokenWhenDomainIsAnotherPoolsThenInvalidClient() {
        assertRefused(() -> token(Optional.of("elsewhere"), machine.clientId(), machine.clientSecret(), null),
                Code.INVALID_CLIENT);
    }

    @Test
    void tokenWhenPoolHasNoDomainThenInvalidClient() {
        new dev.tobira.core.ops.DeleteUserPoolDomain(f.t.services)
                .handle(new dev.tobira.core.ops.DeleteUserPoolDomain.Request("shop", f.poolId));
        assertRefused(() -> token(Optional.empty(), machine.clientId(), machine.clientSecret(), null),
                Code.INVALID_CLIENT);
    }

    @Test
    void tokenWhenPublicClientThenInvalidClient() {
        UserPoolClient spa = f.client(false, List.of("code"), List.of("openid"), List.of("https://app.example.com/cb"));
        assertRefused(() -> token(Optional.of("shop"), spa.clientId(), "anything", null), Code.INVALID_CLIENT);
    }

    @Test
    void tokenWhenClientLacksTheFlowThenUnauthorizedClient() {
        UserPoolClient web = f.client(true, List.of("code"), List.of("openid", "orders/read"),
                List.of("https://app.example.com/cb"));
        assertRefused(() -> token(Optional.of("shop"), web.clientId(), web.clientSecret(), "orders/read"),
                Code.UNAUTHORIZED_CLIENT);
    }

    @Test
    void tokenWhenScopeUnknownOrNotTheClientsThenInvalidScope() {
        assertRefused(() -> token(Optional.of("shop"), machine.clientId(), machine.clientSecret(), "orders/delete"),
                Code.INVALID_SCOPE);
        assertRefused(() -> token(Optional.of("shop"), machine.clientId(), machine.clientSecret(), "openid"),
                Code.INVALID_SCOPE);
    }

    @Test
    void tokenWhenTheScopesResourceServerWasDeletedThenInvalidScope() {
        new dev.tobira.core.ops.DeleteResourceServer(f.t.services)
                .handle(new dev.tobira.core.ops.DeleteResourceServer.Request(f.poolId, "orders"));
        assertRefused(() -> token(Optional.of("shop"), machine.clientId(), machine.clientSecret(), "orders/read"),
                Code.INVALID_SCOPE);
        assertRefused(() -> token(Optional.of("shop"), machine.clientId(), machine.clientSecret(), null),
                Code.INVALID_SCOPE);
    }
}
