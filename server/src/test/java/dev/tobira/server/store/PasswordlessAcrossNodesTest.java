package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Limits;
import dev.tobira.core.Race;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.message.Message;
import dev.tobira.core.ops.AuthResponse;
import dev.tobira.core.ops.ConfirmSignUp;
import dev.tobira.core.ops.CreateUserPool;
import dev.tobira.core.ops.CreateUserPoolClient;
import dev.tobira.core.ops.InitiateAuth;
import dev.tobira.core.ops.RespondToAuthChallenge;
import dev.tobira.core.ops.SignUp;
import dev.tobira.core.pool.UserPool.PasswordPolicy;
import dev.tobira.core.pool.UserPool.Policies;
import dev.tobira.core.pool.UserPool.SignInPolicy;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.core.user.Attribute;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * USER_AUTH on the JDBC stores with two nodes sharing one database, on H2 and on a real PostgreSQL:
 * a code sent by one node is answered on the other, ConfirmSignUp's session from one signs in on the
 * other, the attempt bound holds across nodes, and two nodes answering the same code at once sign in
 * once.
 */
class PasswordlessAcrossNodesTest {

    private static final Limits LIMITS = new Limits(6, Duration.ofHours(24), 5, Duration.ZERO,
            EmailOtpSettings.DEFAULT);

    abstract static class Nodes {

        /** A fresh, empty database. */
        abstract HikariDataSource open();

        private final List<Message> sent = new CopyOnWriteArrayList<>();

        /** One node: its own stores, keys and issuer over the shared database. */
        private Services node(HikariDataSource dataSource) {
            JdbcStores stores = JdbcStores.create(dataSource);
            Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
            SecureRandom random = new SecureRandom();
            JdbcSigningKeys keys = new JdbcSigningKeys(dataSource, clock, random);
            return new Services(stores.pools(), stores.clients(), stores.users(), stores.codes(), stores.sessions(),
                    stores.lockouts(), stores.tokens(), new TokenIssuer(keys, clock, "http://localhost:9229"), keys,
                    sent::add, stores.transactions(), new CodeHasher(stores.secrets().getOrCreate("code-hmac-key", 32)),
                    LIMITS, clock, random, "us-east-1", "000000000000", dev.tobira.core.trigger.TriggerInvoker.NONE,
                    stores.groups(), stores.resourceServers(), stores.domains(),
                stores.webAuthn(), stores.authorizationCodes());
        }

        private String code(int digits) {
            Matcher m = Pattern.compile("(?<!\\d)(\\d{" + digits + "})(?!\\d)").matcher(sent.getLast().body());
            assertThat(m.find()).isTrue();
            return m.group(1);
        }

        @Test
        void userAuthWhenStartedOnOneNodeThenAnsweredOnTheOtherAndRacesOnBothSignInOnce() throws Exception {
            try (HikariDataSource dataSource = open()) {
                Services a = node(dataSource);
                Services b = node(dataSource);
                String clientId = passwordlessClient(a, b);
                String email = "nana@example.com";

                String session = passwordless(a, b, clientId, email);
                assertThat(initiate(a, clientId, Map.of("USERNAME", email, "SESSION", session))
                        .authenticationResult()).isNotNull();

                AuthResponse challenge = initiate(b, clientId, Map.of("USERNAME", email));
                String right = code(8);
                String wrong = right.equals("00000000") ? "11111111" : "00000000";
                assertThatThrownBy(() -> answer(a, clientId, challenge, email, wrong))
                        .isInstanceOf(CodeMismatchException.class);
                assertThat(answer(a, clientId, challenge, email, right).authenticationResult()).isNotNull();

                AuthResponse guessed = initiate(a, clientId, Map.of("USERNAME", email));
                String guessedRight = code(8);
                String guessedWrong = guessedRight.equals("00000000") ? "11111111" : "00000000";
                for (Services node : List.of(a, b, a)) {
                    assertThatThrownBy(() -> answer(node, clientId, guessed, email, guessedWrong))
                            .isInstanceOf(CodeMismatchException.class)
                            .hasMessage("Invalid code or auth state for the user.");
                }
                assertThatThrownBy(() -> answer(b, clientId, guessed, email, guessedRight))
                        .isInstanceOf(NotAuthorizedException.class)
                        .hasMessage("Invalid session for the user.");

                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    for (int round = 0; round < 5; round++) {
                        AuthResponse raced = initiate(b, clientId, Map.of("USERNAME", email));
                        String code = code(8);
                        CountDownLatch start = new CountDownLatch(1);
                        Future<String> onA = threads.submit(racer(start, a, clientId, raced, email, code));
                        Future<String> onB = threads.submit(racer(start, b, clientId, raced, email, code));
                        start.countDown();
                        assertThat(List.of(onA.get(), onB.get())).as("round " + round)
                                .containsExactlyInAnyOrder("tokens",
                                        "NotAuthorizedException: Invalid session for the user.");
                    }
                } finally {
                    threads.shutdownNow();
                }
            }
        }

        @Test
        void userAuthWhenManyWrongAnswersRaceOnBothNodesThenThreeAreJudgedAndEveryOtherFindsTheSessionDead()
                throws Exception {
            try (HikariDataSource dataSource = open()) {
                Services a = node(dataSource);
                Services b = node(dataSource);
                String clientId = passwordlessClient(a, b);
                String email = "rio@example.com";
                passwordless(a, b, clientId, email);
                AuthResponse challenge = initiate(a, clientId, Map.of("USERNAME", email));
                String right = code(8);

                List<String> outcomes = Race.outcomes(16, guess -> {
                    String code = String.format("%08d", guess);
                    return answer(guess % 2 == 0 ? a : b, clientId, challenge, email,
                            code.equals(right) ? "99999999" : code);
                });
                assertThat(outcomes).filteredOn(o -> o.startsWith("CodeMismatchException"))
                        .containsOnly("CodeMismatchException: Invalid code or auth state for the user.")
                        .hasSize(LIMITS.signInCodeAttempts());
                assertThat(outcomes).filteredOn(o -> !o.startsWith("CodeMismatchException"))
                        .hasSize(16 - LIMITS.signInCodeAttempts())
                        .containsOnly("NotAuthorizedException: Invalid session for the user.");
                assertThatThrownBy(() -> answer(b, clientId, challenge, email, right))
                        .isInstanceOf(NotAuthorizedException.class)
                        .hasMessage("Invalid session for the user.");
            }
        }

        /** A pool with the PASSWORD and EMAIL_OTP first factors, made on {@code a}, and a USER_AUTH client made on {@code b}. */
        private static String passwordlessClient(Services a, Services b) {
            String poolId = new CreateUserPool(a).handle(new CreateUserPool.Request("nodes",
                    new Policies(PasswordPolicy.DEFAULT, new SignInPolicy(List.of("PASSWORD", "EMAIL_OTP"))),
                    null, null, List.of("email"), null, List.of("email"), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null)).userPool().id();
            return new CreateUserPoolClient(b).handle(new CreateUserPoolClient.Request(poolId, "web",
                    null, null, null, null, null, null, null, null, List.of("ALLOW_USER_AUTH"), null, null, null,
                    null, null, null, null, null, null, null, null, null, null)).userPoolClient().clientId();
        }

        /** {@code email} signed up without a password on {@code a} and confirmed on {@code b}: ConfirmSignUp's session. */
        private String passwordless(Services a, Services b, String clientId, String email) {
            new SignUp(a).handle(new SignUp.Request(clientId, null, email, null,
                    List.of(new Attribute("email", email)), null, null));
            return new ConfirmSignUp(b).handle(new ConfirmSignUp.Request(clientId, null, email,
                    code(6), null, null, null)).session();
        }

        private static Callable<String> racer(CountDownLatch start, Services node, String clientId,
                AuthResponse challenge, String email, String code) {
            return () -> {
                start.await();
                try {
                    return answer(node, clientId, challenge, email, code).authenticationResult() != null ? "tokens" : "?";
                } catch (CognitoException e) {
                    return e.type() + ": " + e.getMessage();
                }
            };
        }

        private static AuthResponse initiate(Services node, String clientId, Map<String, String> parameters) {
            return new InitiateAuth(node).handle(new InitiateAuth.Request("USER_AUTH", parameters, null, clientId,
                    null, null, null));
        }

        private static AuthResponse answer(Services node, String clientId, AuthResponse challenge, String email,
                String code) {
            return new RespondToAuthChallenge(node).handle(new RespondToAuthChallenge.Request(clientId, "EMAIL_OTP",
                    challenge.session(), Map.of("USERNAME", email, "EMAIL_OTP_CODE", code), null, null, null));
        }
    }

    @Nested
    class OnH2 extends Nodes {
        @TempDir
        Path dir;

        @Override
        HikariDataSource open() {
            return TestDatabases.h2(dir);
        }
    }

    @Nested
    class OnPostgres extends Nodes {
        private EmbeddedPostgres postgres;

        @Override
        HikariDataSource open() {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return TestDatabases.pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
        }

        @org.junit.jupiter.api.AfterEach
        void stop() throws java.io.IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
