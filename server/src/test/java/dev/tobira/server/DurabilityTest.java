package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** State survives restarts, including a {@code kill -9} in the middle of writes. */
class DurabilityTest {

    @Test
    void restartWhenSameDataDirThenPoolsClientsAndUsersAreAllThere(@TempDir Path dataDir) {
        String poolId;
        String clientId;
        try (RunningTobira first = RunningTobira.dev(dataDir); var cognito = first.client()) {
            poolId = cognito.createUserPool(b -> b.poolName("durable")).userPool().id();
            clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("c").generateSecret(true))
                    .userPoolClient().clientId();
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username("frank").messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(attr("email", "frank@example.com")));
        }
        try (RunningTobira second = RunningTobira.dev(dataDir); var cognito = second.client()) {
            assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().name()).isEqualTo("durable");
            assertThat(cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient()
                    .clientSecret()).hasSize(51);
            assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("frank")).userAttributes())
                    .contains(attr("email", "frank@example.com"));
            // The dev pool is created once, not again on the second start.
            assertThat(cognito.listUserPools(b -> b.maxResults(60)).userPools())
                    .filteredOn(p -> p.id().equals("us-east-1_TobiraDev")).hasSize(1);
        }
    }

    @Test
    void killNineWhenWritingThenEveryAcknowledgedUserIsWholeAfterRestart(@TempDir Path dataDir) throws Exception {
        int port = RunningTobira.freePort();
        Process server = startChild(dataDir, port);
        String poolId;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (CognitoIdentityProviderClient cognito = client(port)) {
            poolId = cognito.createUserPool(b -> b.poolName("crash")).userPool().id();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String name = "w" + writer + "-" + i;
                        try {
                            cognito.adminCreateUser(b -> b.userPoolId(poolId).username(name)
                                    .messageAction(MessageActionType.SUPPRESS)
                                    .userAttributes(attr("email", name + "@example.com"), attr("name", name),
                                            attr("given_name", "G" + name), attr("family_name", "F" + name)));
                            acknowledged.add(name);
                        } catch (RuntimeException e) {
                            return; // the server is gone
                        }
                    }
                });
            }
            Instant until = Instant.now().plusSeconds(20);
            while (acknowledged.size() < 50 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            server.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
            server.waitFor(30, TimeUnit.SECONDS);
            stop.set(true);
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(50);

        Process restarted = startChild(dataDir, port);
        try (CognitoIdentityProviderClient cognito = client(port)) {
            List<UserType> all = new ArrayList<>();
            cognito.listUsersPaginator(b -> b.userPoolId(poolId).limit(60)).users().forEach(all::add);
            assertThat(all).extracting(UserType::username).containsAll(acknowledged);
            for (UserType user : all) {
                // Written together or not at all: never a user without its attributes.
                assertThat(user.attributes()).extracting(AttributeType::name)
                        .containsExactly("sub", "email", "name", "given_name", "family_name");
            }
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startChild(Path dataDir, int port) throws IOException, InterruptedException {
        return ChildTobira.start(port, dataDir, "dev", "--port", String.valueOf(port), "--data-dir",
                dataDir.toString());
    }

    private static CognitoIdentityProviderClient client(int port) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(
                        software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
