package dev.tobira.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TobiraSelfHosted: Tobira on Fargate with RDS PostgreSQL, from a private ECR image. */
class SelfHostedStackTest {

    @Test
    @SuppressWarnings("unchecked")
    void serviceWhenSynthesizedThenTwoTobiraTasksInProductionModeBehindHttps() {
        Synthesized.Stack stack = Synthesized.selfHosted();

        Map<String, Object> task = stack.only("AWS::ECS::TaskDefinition");
        assertThat(task).containsEntry("Cpu", "512").containsEntry("Memory", "1024")
                .containsEntry("RequiresCompatibilities", List.of("FARGATE"));
        Map<String, Object> container = ((List<Map<String, Object>>) task.get("ContainerDefinitions")).getFirst();
        assertThat(IamStatements.value(container.get("Image")))
                .isEqualTo("123456789012.dkr.ecr.eu-west-1.${AWS::URLSuffix}/tobira:0.1.0");
        assertThat(CognitoStackTest.environment(container)).isEqualTo(Map.of(
                "TOBIRA_DB_URL", "jdbc:postgresql://Database.Endpoint.Address:Database.Endpoint.Port/tobira?sslmode=require",
                "TOBIRA_ISSUER_URL", "https://" + Synthesized.DOMAIN,
                "TOBIRA_REGION", "eu-west-1",
                "TOBIRA_HOST", "0.0.0.0",
                "TOBIRA_PORT", "9229",
                "TOBIRA_BEHIND_PROXY", "true",
                "TOBIRA_MAIL_FROM", Synthesized.SENDER,
                "TOBIRA_SES_REGION", "eu-west-1"));
        // Secrets reach the container from Secrets Manager, never as plain environment.
        Map<String, String> secrets = new java.util.TreeMap<>();
        ((List<Map<String, Object>>) container.get("Secrets"))
                .forEach(s -> secrets.put((String) s.get("Name"), IamStatements.value(s.get("ValueFrom"))));
        assertThat(secrets).isEqualTo(Map.of(
                "TOBIRA_DB_USER", "DatabaseSecretAttachment:username::",
                "TOBIRA_DB_PASSWORD", "DatabaseSecretAttachment:password::",
                "TOBIRA_ADMIN_ACCESS_KEY_ID", "AdminKey:accessKeyId::",
                "TOBIRA_ADMIN_SECRET_ACCESS_KEY", "AdminKey:secretAccessKey::"));

        assertThat(stack.only("AWS::ECS::Service")).containsEntry("DesiredCount", 2)
                .containsEntry("LaunchType", "FARGATE");
        CognitoStackTest.assertHttpsWithHealthCheck(stack, 9229);
    }

    @Test
    void databaseWhenSynthesizedThenPrivateEncryptedPostgresReachableFromTheTasksOnly() {
        Synthesized.Stack stack = Synthesized.selfHosted();

        Map<String, Object> db = stack.only("AWS::RDS::DBInstance");
        assertThat(db).containsEntry("Engine", "postgres").containsEntry("EngineVersion", "18")
                .containsEntry("DBName", "tobira").containsEntry("StorageEncrypted", true)
                .containsEntry("PubliclyAccessible", false).containsEntry("DeletionProtection", true);
        assertThat(IamStatements.value(db.get("MasterUserPassword")))
                .startsWith("{{resolve:secretsmanager:").endsWith(":SecretString:password::}}");
        assertThat(stack.resources("AWS::EC2::SecurityGroupIngress").values())
                .filteredOn(i -> IamStatements.value(i.get("GroupId")).equals("DatabaseSecurityGroup.GroupId"))
                .extracting(i -> IamStatements.value(i.get("SourceSecurityGroupId")), i -> IamStatements.value(i.get("FromPort")))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TobiraServiceSecurityGroup.GroupId",
                        "Database.Endpoint.Port"));
    }

    @Test
    void policiesWhenSynthesizedThenEachRoleHasExactlyItsActionsOnItsResources() {
        Synthesized.Stack stack = Synthesized.selfHosted();

        assertThat(IamStatements.byPolicy(stack)).isEqualTo(Map.of(
                "TobiraTaskDefTaskRoleDefaultPolicy", List.of(
                        "Allow ses:SendEmail -> arn:${AWS::Partition}:ses:eu-west-1:123456789012:identity/"
                                + Synthesized.SENDER),
                "TobiraTaskDefExecutionRoleDefaultPolicy", List.of(
                        "Allow ecr:BatchCheckLayerAvailability,ecr:GetDownloadUrlForLayer,ecr:BatchGetImage"
                                + " -> arn:aws:ecr:eu-west-1:123456789012:repository/tobira",
                        "Allow ecr:GetAuthorizationToken -> *",
                        "Allow logs:CreateLogStream,logs:PutLogEvents -> TobiraLogs.Arn",
                        "Allow secretsmanager:GetSecretValue,secretsmanager:DescribeSecret -> AdminKey",
                        "Allow secretsmanager:GetSecretValue,secretsmanager:DescribeSecret -> DatabaseSecretAttachment")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void outputsWhenSynthesizedThenUrlAndSecretArns() {
        Map<String, Object> outputs = (Map<String, Object>) Synthesized.selfHosted().template().toJSON().get("Outputs");

        assertThat(IamStatements.value(((Map<String, Object>) outputs.get("Url")).get("Value")))
                .isEqualTo("https://" + Synthesized.DOMAIN);
        assertThat(IamStatements.value(((Map<String, Object>) outputs.get("AdminKeySecretArn")).get("Value")))
                .isEqualTo("AdminKey");
        assertThat(IamStatements.value(((Map<String, Object>) outputs.get("DatabaseSecretArn")).get("Value")))
                .isEqualTo("DatabaseSecretAttachment");
    }

    @Test
    void configWhenFewerThanTwoTasksThenRefused() {
        assertThatThrownBy(() -> new SelfHostedStack.Config("img", "arn", "d", "a@b", "a@b", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 tasks");
    }
}
