package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Production mode on a real PostgreSQL, with two Tobira nodes sharing it: what one node writes, the
 * other serves, because all state lives in the database.
 */
class PostgresClusterTest {

    @Test
    void twoNodesWhenSharingPostgresThenEachSeesTheOthersWrites() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (RunningTobira a = RunningTobira.production(url, Optional.of("postgres"));
                    RunningTobira b = RunningTobira.production(url, Optional.of("postgres"));
                    var nodeA = a.client();
                    var nodeB = b.client()) {
                String poolId = nodeA.createUserPool(r -> r.poolName("shared")).userPool().id();
                String clientId = nodeB.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web"))
                        .userPoolClient().clientId();
                nodeA.adminCreateUser(r -> r.userPoolId(poolId).username("hana")
                        .messageAction(MessageActionType.SUPPRESS));

                assertThat(nodeB.describeUserPool(r -> r.userPoolId(poolId)).userPool().estimatedNumberOfUsers())
                        .isEqualTo(1);
                assertThat(nodeA.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId))
                        .userPoolClient().clientName()).isEqualTo("web");
                assertThat(nodeB.adminGetUser(r -> r.userPoolId(poolId).username("HANA")).username())
                        .isEqualTo("hana");
            }
        }
    }
}
