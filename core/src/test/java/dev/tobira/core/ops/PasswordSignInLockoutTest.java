package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lockout sequence of spec §7, through AdminInitiateAuth, with an injected clock. */
class PasswordSignInLockoutTest {

    private TestServices t;
    private String poolId;
    private String clientId;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        UserPool pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null)).userPool();
        poolId = pool.id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null,
                null, null, null, null, null, null, null, List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH"), null, null, null,
                null, null, null, null, null, null, null, null, null, null)).userPoolClient().clientId();
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "lou", null, null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, "lou", "Right-Passw0rd!",
                true));
    }

    private AuthResponse signIn(String password) {
        return new AdminInitiateAuth(t.services).handle(new AdminInitiateAuth.Request(poolId, clientId,
                "ADMIN_USER_PASSWORD_AUTH", Map.of("USERNAME", "lou", "PASSWORD", password), null, null, null, null));
    }

    private void wrong() {
        assertThatThrownBy(() -> signIn("Wrong-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
    }

    @Test
    @DisplayName("Attempts made during a lockout period generate a Password attempts exceeded exception (spec §7)")
    void signInWhenLockedOutThenPasswordAttemptsExceededEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            wrong();
        }
        assertThatThrownBy(() -> signIn("Right-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Password attempts exceeded");
        t.clock.advance(Duration.ofSeconds(1));
        assertThat(signIn("Right-Passw0rd!").authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void signInWhenWrongPasswordsRaceThenEveryOneCountsAndTheLockoutHolds() throws Exception {
        // The clock stands still: every racing attempt is at the same instant, none counts for less.
        List<String> outcomes = dev.tobira.core.Race.outcomes(16, i -> signIn("Wrong-Passw0rd!" + i));

        // The first five are free; from the fifth on the user is locked out, so the rest are refused unjudged.
        assertThat(outcomes).filteredOn("NotAuthorizedException: Incorrect username or password."::equals).hasSize(5);
        assertThat(outcomes).filteredOn("NotAuthorizedException: Password attempts exceeded"::equals).hasSize(11);
        assertThatThrownBy(() -> signIn("Right-Passw0rd!")).hasMessage("Password attempts exceeded");
        t.clock.advance(Duration.ofSeconds(1));
        assertThat(signIn("Right-Passw0rd!").authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("Cognito locks out your user for 2^(n-5) seconds (spec §7)")
    void signInWhenFailuresContinueThenEachLockoutDoubles() {
        for (int i = 0; i < 5; i++) {
            wrong();
        }
        t.clock.advance(Duration.ofSeconds(1));
        wrong(); // the 6th failure: 2 s
        t.clock.advance(Duration.ofMillis(1999));
        assertThatThrownBy(() -> signIn("Right-Passw0rd!")).hasMessage("Password attempts exceeded");
        t.clock.advance(Duration.ofMillis(1));
        wrong(); // the 7th failure: 4 s
        t.clock.advance(Duration.ofMillis(3999));
        assertThatThrownBy(() -> signIn("Right-Passw0rd!")).hasMessage("Password attempts exceeded");
        t.clock.advance(Duration.ofMillis(1));
        assertThat(signIn("Right-Passw0rd!").authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("your user must not initiate any sign-in attempts for 15 consecutive minutes (spec §7)")
    void signInWhenFifteenIdleMinutesThenTheCountStartsAgain() {
        for (int i = 0; i < 4; i++) {
            wrong();
        }
        t.clock.advance(Duration.ofMinutes(15));
        wrong(); // counted as the first failure again, so no lockout
        assertThat(signIn("Right-Passw0rd!").authenticationResult()).isNotNull();
    }
}
