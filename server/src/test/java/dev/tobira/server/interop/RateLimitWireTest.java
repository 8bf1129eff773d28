package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.ApiRateLimits;
import dev.tobira.server.store.JdbcStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The API's rate limits as real clients meet them (the AWS SDK for Java v2 with retries off, the AWS
 * CLI, plain HTTP), against a production-mode server with small limits: {@value #PER_ADDRESS} calls a
 * minute per client address and {@value #PER_USERNAME} per username. The server runs
 * {@code --behind-proxy}, with this test on 127.0.0.1 as the proxy: each test's calls carry their own
 * {@code X-Forwarded-For} address, so that no test eats into another's counts. Every limit here is
 * reached by counting calls, never by timing them.
 */
class RateLimitWireTest {

    static final int PER_ADDRESS = 8;
    static final int PER_USERNAME = 3;
    private static final String PASSWORD = "Right-Passw0rd!";
    private static final String TOO_MANY = "Too many requests";

    @TempDir
    static Path dataDir;

    private static GreenMail mail;
    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient admin;
    private static String poolId;
    private static String clientId;
    private static final List<CognitoIdentityProviderClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        int smtpPort = RunningTobira.freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        tobira = RunningTobira.production(JdbcStores.h2Url(dataDir), Optional.empty(),
                Settings.Delivery.smtp("127.0.0.1", smtpPort, Settings.SmtpSecurity.NONE, "no-reply@tobira.test"),
                new ApiRateLimits(PER_ADDRESS, PER_USERNAME), true);
        admin = tobira.client();
        poolId = admin.createUserPool(b -> b.poolName("limited").usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        clientId = admin.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
    }

    @AfterAll
    static void stop() {
        clients.forEach(CognitoIdentityProviderClient::close);
        if (admin != null) {
            admin.close();
        }
        if (tobira != null) {
            tobira.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    private static CognitoIdentityProviderClient from(RunningTobira server, String address) {
        CognitoIdentityProviderClient client = server.publicClient(address);
        clients.add(client);
        return client;
    }

    private static CognitoIdentityProviderClient from(String address) {
        return from(tobira, address);
    }

    private static String user(String email) {
        admin.adminCreateUser(b -> b.userPoolId(poolId).username(email).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        admin.adminSetUserPassword(b -> b.userPoolId(poolId).username(email).password(PASSWORD).permanent(true));
        return email;
    }

    private static InitiateAuthResponse signIn(CognitoIdentityProviderClient client, String email) {
        return client.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)));
    }

    private static long outboxRowsTo(String email) {
        return JdbcClient.create(tobira.bean(DataSource.class)).sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?")
                .params(email).query(Long.class).single();
    }

    @Test
    void initiateAuthWhenOneUsernameIsOverItsLimitThenTooManyRequestsAndAnotherUsernameStillSignsIn() {
        CognitoIdentityProviderClient client = from("198.51.100.1");
        String kai = user("kai@example.com");
        String noa = user("noa@example.com");
        for (int i = 0; i < PER_USERNAME; i++) {
            assertThat(signIn(client, kai).authenticationResult().idToken()).isNotBlank();
        }

        assertCognitoError(() -> signIn(client, kai), TooManyRequestsException.class, TOO_MANY);
        assertCognitoError(() -> signIn(from("198.51.100.9"), "KAI@example.com"), TooManyRequestsException.class,
                TOO_MANY);
        assertThat(signIn(client, noa).authenticationResult().idToken()).as("another user").isNotBlank();
    }

    @Test
    void initiateAuthWhenOneAddressIsOverItsLimitThenRefusedAndAnotherAddressIsCountedApart() {
        CognitoIdentityProviderClient crowded = from("198.51.100.2");
        List<String> users = List.of(user("a1@example.com"), user("a2@example.com"), user("a3@example.com"),
                user("a4@example.com"));
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(signIn(crowded, users.get(i % users.size())).authenticationResult()).isNotNull();
        }
        String fresh = user("a5@example.com");

        assertCognitoError(() -> signIn(crowded, fresh), TooManyRequestsException.class, TOO_MANY);
        assertThat(signIn(from("198.51.100.3"), fresh).authenticationResult().idToken())
                .as("the same call from another address").isNotBlank();
    }

    @Test
    void signUpWhenOverTheLimitThenNoUserIsStoredAndNoEmailIsSent() {
        CognitoIdentityProviderClient client = from("198.51.100.4");
        for (int i = 0; i < PER_ADDRESS; i++) {
            String email = "su" + i + "@example.com";
            client.signUp(b -> b.clientId(clientId).username(email).password(PASSWORD));
            assertThat(outboxRowsTo(email)).as("a code for " + email).isEqualTo(1);
        }

        assertCognitoError(() -> client.signUp(b -> b.clientId(clientId).username("late@example.com").password(PASSWORD)),
                TooManyRequestsException.class, TOO_MANY);
        assertCognitoError(() -> admin.adminGetUser(b -> b.userPoolId(poolId).username("late@example.com")),
                UserNotFoundException.class, "User does not exist.");
        assertThat(outboxRowsTo("late@example.com")).as("no code queued").isZero();

        from("198.51.100.5").signUp(b -> b.clientId(clientId).username("late@example.com").password(PASSWORD));
        assertThat(outboxRowsTo("late@example.com")).as("from another address it goes through").isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(90_000, PER_ADDRESS + 1)).as("the codes that were sent arrive").isTrue();
    }

    @Test
    void callWhenOverALimitThenCognitosErrorShapeOnTheWire() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"ClientId\":\"" + clientId + "\",\"Username\":\"wire@example.com\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(tobira.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ResendConfirmationCode")
                .header("X-Forwarded-For", "198.51.100.6")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int i = 0; i < PER_USERNAME; i++) {
            HttpResponse<String> counted = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(counted.body()).as("an unknown user is an answer too, and counts")
                    .contains("\"__type\":\"UserNotFoundException\"");
        }

        HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"__type\":\"TooManyRequestsException\",\"message\":\"Too many requests\"}");
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("TooManyRequestsException:");
        assertThat(refused.headers().firstValue("x-amzn-ErrorMessage")).contains(TOO_MANY);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(refused.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void initiateAuthWhenTheAwsCliGoesOverTheUsernameLimitThenItSaysTooManyRequests() {
        AwsCli cli = new AwsCli(tobira.endpoint());
        String cliUser = user("cli@example.com");
        String[] signIn = {"initiate-auth", "--client-id", clientId, "--auth-flow", "USER_PASSWORD_AUTH",
            "--auth-parameters", "USERNAME=" + cliUser + ",PASSWORD=" + PASSWORD};
        for (int i = 0; i < PER_USERNAME; i++) {
            assertThat(cli.ok(signIn).path("AuthenticationResult").path("IdToken").asString()).isNotBlank();
        }

        assertThat(cli.error(signIn)).isEqualTo(
                "An error occurred (TooManyRequestsException) when calling the InitiateAuth operation: Too many requests");
    }

    @Test
    void callWhenTheForwardedAddressIsNotAnAddressThenTheCallIsAnsweredAsAnyOther() {
        // Proxies do send "unknown"; whatever a trusted proxy passes on is a key like any other (stored hashed).
        for (String odd : List.of("unknown", "x".repeat(300), "2001:db8::1%eth0")) {
            CognitoIdentityProviderClient client = from(odd);
            assertCognitoError(() -> client.forgotPassword(b -> b.clientId("nosuchclient").username("odd@example.com")),
                    ResourceNotFoundException.class, "User pool client nosuchclient does not exist.");
        }
    }

    @Test
    void callWhenTheServerIsNotBehindAProxyThenXForwardedForIsIgnoredAndTheConnectionCounts(@TempDir Path otherDir) {
        try (RunningTobira direct = RunningTobira.production(JdbcStores.h2Url(otherDir), Optional.empty(),
                Settings.Delivery.none(), new ApiRateLimits(2, 100), false)) {
            // A client naming a new address on each call would escape the limit if the header were believed.
            for (String claimed : List.of("192.0.2.1", "192.0.2.2")) {
                assertCognitoError(() -> from(direct, claimed).forgotPassword(b -> b.clientId("nosuchclient")
                        .username("ivy@example.com")), ResourceNotFoundException.class,
                        "User pool client nosuchclient does not exist.");
            }

            assertCognitoError(() -> from(direct, "192.0.2.3").forgotPassword(b -> b.clientId("nosuchclient")
                    .username("ivy@example.com")), TooManyRequestsException.class, TOO_MANY);
        }
    }
}
