package dev.tobira.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.CognitoException;
import dev.tobira.core.Fixtures;
import dev.tobira.core.Page;
import dev.tobira.core.memory.InMemoryUserPoolClientStore;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClientStore;
import dev.tobira.server.api.WireJson;
import dev.tobira.server.config.Settings.ApiRateLimits;
import dev.tobira.server.store.JdbcStores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Which API calls count against which limits: the operations, the username in each, its pool. */
class ApiRateLimiterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:05Z");
    private static final String POOL = "us-east-1_Alpha";
    private static final String OTHER_POOL = "us-east-1_Beta";

    private HikariDataSource database;
    private final InMemoryUserPoolClientStore clients = new InMemoryUserPoolClientStore();

    @BeforeEach
    void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:api-ratelimit-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        database = new HikariDataSource(config);
        JdbcStores.migrate(database);
        clients.create(Fixtures.client(POOL, "webclient", NOW));
        clients.create(Fixtures.client(POOL, "mobileclient", NOW));
        clients.create(Fixtures.client(OTHER_POOL, "otherclient", NOW));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ApiRateLimiter limits(int perAddress, int perUsername) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new ApiRateLimiter(new RateLimiter(database, clock), new ApiRateLimits(perAddress, perUsername),
                clients, clock);
    }

    private static JsonNode json(String text) {
        return WireJson.mapper().readTree(text);
    }

    private static JsonNode passwordAuth(String clientId, String username) {
        return json("{\"ClientId\":\"" + clientId + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"AuthParameters\":{\"USERNAME\":\"" + username + "\",\"PASSWORD\":\"Passw0rd!\"}}");
    }

    private long rows() {
        return JdbcClient.create(database).sql("SELECT COUNT(*) FROM rate_limits").query(Long.class).single();
    }

    private static void assertTooManyRequests(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(CognitoException.TooManyRequestsException.class)
                .hasMessage("Too many requests")
                .extracting(e -> ((CognitoException) e).type()).isEqualTo("TooManyRequestsException");
    }

    @Test
    void admitWhenOneUsernameIsOverItsLimitThenTooManyRequestsAndAnotherUsernameIsNot() {
        ApiRateLimiter limiter = limits(100, 2);
        limiter.admit("InitiateAuth", passwordAuth("webclient", "kai"), "192.0.2.1");
        limiter.admit("InitiateAuth", passwordAuth("webclient", "kai"), "192.0.2.1");

        assertTooManyRequests(() -> limiter.admit("InitiateAuth", passwordAuth("webclient", "kai"), "192.0.2.1"));
        assertThatCode(() -> limiter.admit("InitiateAuth", passwordAuth("webclient", "noa"), "192.0.2.1"))
                .doesNotThrowAnyException();
    }

    @Test
    void admitWhenOneAddressIsOverItsLimitThenRefusedWhateverTheNameAndAnotherAddressIsNot() {
        ApiRateLimiter limiter = limits(3, 100);
        IntStream.range(0, 3).forEach(i -> limiter.admit("SignUp",
                json("{\"ClientId\":\"webclient\",\"Username\":\"user" + i + "\"}"), "203.0.113.5"));

        assertTooManyRequests(() -> limiter.admit("ForgotPassword",
                json("{\"ClientId\":\"webclient\",\"Username\":\"someone-new\"}"), "203.0.113.5"));
        assertThatCode(() -> limiter.admit("ForgotPassword",
                json("{\"ClientId\":\"webclient\",\"Username\":\"someone-new\"}"), "203.0.113.6"))
                .doesNotThrowAnyException();
    }

    @Test
    void admitWhenTwoClientsOfAPoolAndAnAdminCallNameOneUserThenTheyShareOneCount() {
        ApiRateLimiter limiter = limits(100, 3);
        limiter.admit("InitiateAuth", passwordAuth("webclient", "Ren"), "192.0.2.1");
        limiter.admit("RespondToAuthChallenge", json("{\"ClientId\":\"mobileclient\",\"ChallengeName\":\"PASSWORD_VERIFIER\","
                + "\"ChallengeResponses\":{\"USERNAME\":\"ren\"}}"), "192.0.2.2");
        limiter.admit("AdminInitiateAuth", json("{\"UserPoolId\":\"" + POOL + "\",\"ClientId\":\"webclient\","
                + "\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"REN \"}}"), "192.0.2.3");

        assertTooManyRequests(() -> limiter.admit("AdminRespondToAuthChallenge", json("{\"UserPoolId\":\"" + POOL
                + "\",\"ClientId\":\"mobileclient\",\"ChallengeName\":\"NEW_PASSWORD_REQUIRED\","
                + "\"ChallengeResponses\":{\"USERNAME\":\"ren\"}}"), "192.0.2.4"));
    }

    @Test
    void admitWhenTheSameNameIsInAnotherPoolThenCountedApart() {
        ApiRateLimiter limiter = limits(100, 1);
        limiter.admit("InitiateAuth", passwordAuth("webclient", "sora"), "192.0.2.1");
        assertTooManyRequests(() -> limiter.admit("InitiateAuth", passwordAuth("mobileclient", "sora"), "192.0.2.1"));

        assertThatCode(() -> limiter.admit("InitiateAuth", passwordAuth("otherclient", "sora"), "192.0.2.1"))
                .doesNotThrowAnyException();
        assertThatCode(() -> limiter.admit("InitiateAuth", passwordAuth("no-such-client", "sora"), "192.0.2.1"))
                .as("an unknown client is no pool's").doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SignUp                      | {"ClientId":"webclient","Username":"%s","Password":"x"}
            ConfirmSignUp               | {"ClientId":"webclient","Username":"%s","ConfirmationCode":"123456"}
            ResendConfirmationCode      | {"ClientId":"webclient","Username":"%s"}
            ForgotPassword              | {"ClientId":"webclient","Username":"%s"}
            ConfirmForgotPassword       | {"ClientId":"webclient","Username":"%s","ConfirmationCode":"1","Password":"x"}
            InitiateAuth                | {"ClientId":"webclient","AuthFlow":"USER_SRP_AUTH","AuthParameters":{"USERNAME":"%s","SRP_A":"1"}}
            RespondToAuthChallenge      | {"ClientId":"webclient","ChallengeName":"EMAIL_OTP","ChallengeResponses":{"USERNAME":"%s"}}
            AdminInitiateAuth           | {"UserPoolId":"us-east-1_Alpha","ClientId":"webclient","AuthFlow":"ADMIN_USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"%s"}}
            AdminRespondToAuthChallenge | {"UserPoolId":"us-east-1_Alpha","ClientId":"webclient","ChallengeName":"SMS_OTP","ChallengeResponses":{"USERNAME":"%s"}}
            """)
    void admitWhenALimitedOperationNamesAUserThenItCountsForThatUser(String operation, String body) {
        ApiRateLimiter limiter = limits(100, 1);
        limiter.admit(operation, json(body.formatted("hana")), "192.0.2.1");

        assertTooManyRequests(() -> limiter.admit(operation, json(body.formatted("Hana")), "192.0.2.2"));
        assertThatCode(() -> limiter.admit(operation, json(body.formatted("yuki")), "192.0.2.3"))
                .doesNotThrowAnyException();
    }

    @Test
    void admitWhenChangePasswordThenOnlyTheAddressCounts() {
        ApiRateLimiter limiter = limits(2, 1);
        JsonNode change = json("{\"AccessToken\":\"eyJ.x.y\",\"PreviousPassword\":\"a\",\"ProposedPassword\":\"b\"}");
        limiter.admit("ChangePassword", change, "198.51.100.7");
        limiter.admit("ChangePassword", change, "198.51.100.7");

        assertTooManyRequests(() -> limiter.admit("ChangePassword", change, "198.51.100.7"));
        assertThat(rows()).as("one address bucket, no username").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UpdateUserAttributes",
            "GetUserAttributeVerificationCode", "VerifyUserAttribute"})
    void admitWhenASelfServiceCallSendsOrChecksCodesThenOnlyTheAddressCounts(String operation) {
        ApiRateLimiter limiter = limits(1, 1);
        JsonNode call = json("{\"AccessToken\":\"eyJ.x.y\",\"AttributeName\":\"email\"}");
        limiter.admit(operation, call, "198.51.100.8");

        assertTooManyRequests(() -> limiter.admit(operation, call, "198.51.100.8"));
        assertThat(rows()).as("one address bucket, no username").isEqualTo(1);
    }

    @Test
    void admitWhenTheOperationIsNotLimitedThenNothingIsCounted() {
        ApiRateLimiter limiter = limits(1, 1);
        for (String operation : new String[] {"GetUser", "GlobalSignOut", "RevokeToken", "GetTokensFromRefreshToken",
                "AdminCreateUser", "ListUsers", "DescribeUserPool"}) {
            limiter.admit(operation, json("{\"ClientId\":\"webclient\",\"Username\":\"hana\"}"), "192.0.2.9");
            limiter.admit(operation, json("{\"ClientId\":\"webclient\",\"Username\":\"hana\"}"), "192.0.2.9");
        }
        assertThat(rows()).isZero();
    }

    @Test
    void admitWhenBothLimitsAreOffThenNothingIsCountedOrStored() {
        ApiRateLimiter limiter = limits(0, 0);
        IntStream.range(0, 50).forEach(i -> limiter.admit("InitiateAuth", passwordAuth("webclient", "kai"), "192.0.2.1"));
        assertThat(rows()).isZero();
    }

    @Test
    void admitWhenOnlyTheUsernameLimitIsOnThenAddressesAreNotCounted() {
        ApiRateLimiter limiter = limits(0, 2);
        IntStream.range(0, 5).forEach(i -> limiter.admit("SignUp",
                json("{\"ClientId\":\"webclient\",\"Username\":\"u" + i + "\"}"), "192.0.2.1"));
        assertThat(rows()).as("five username buckets").isEqualTo(5);
    }

    @Test
    void admitWhenTheUsernameIsMissingOrBlankThenOnlyTheAddressCounts() {
        ApiRateLimiter limiter = limits(10, 1);
        limiter.admit("InitiateAuth", json("{\"ClientId\":\"webclient\",\"AuthFlow\":\"REFRESH_TOKEN_AUTH\","
                + "\"AuthParameters\":{\"REFRESH_TOKEN\":\"t\"}}"), "192.0.2.1");
        limiter.admit("SignUp", json("{\"ClientId\":\"webclient\",\"Username\":\"  \"}"), "192.0.2.1");
        limiter.admit("SignUp", json("{\"ClientId\":\"webclient\",\"Username\":\"  \"}"), "192.0.2.1");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void admitWhenAClientsPoolHasBeenFoundThenTheStoreIsNotAskedAgain() {
        AtomicInteger lookups = new AtomicInteger();
        UserPoolClientStore counting = new UserPoolClientStore() {
            @Override
            public Optional<UserPoolClient> find(String clientId) {
                lookups.incrementAndGet();
                return clients.find(clientId);
            }

            @Override
            public void create(UserPoolClient client) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean update(UserPoolClient client) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean delete(String userPoolId, String clientId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<UserPoolClient> list(String userPoolId, int max, Optional<String> after) {
                throw new UnsupportedOperationException();
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ApiRateLimiter limiter = new ApiRateLimiter(new RateLimiter(database, clock), new ApiRateLimits(100, 100),
                counting, clock);

        IntStream.range(0, 5).forEach(i -> limiter.admit("InitiateAuth", passwordAuth("webclient", "u" + i), "192.0.2.1"));
        limiter.admit("InitiateAuth", passwordAuth("no-such-client", "u"), "192.0.2.1");
        limiter.admit("InitiateAuth", passwordAuth("no-such-client", "u"), "192.0.2.1");

        assertThat(lookups).as("one for the known client, each time for the unknown one").hasValue(3);
    }
}
