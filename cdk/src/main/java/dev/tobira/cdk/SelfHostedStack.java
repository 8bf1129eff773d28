package dev.tobira.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateService;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.secretsmanager.SecretProps;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The self-hosted path for more than one machine: Tobira itself ({@code tobira start}) as two or
 * more ECS Fargate tasks behind an HTTPS load balancer, sharing one RDS PostgreSQL database, with the
 * database password and the admin key in Secrets Manager and email sent through SES.
 */
public final class SelfHostedStack extends Stack {

    /** Tobira's API port in its container. */
    static final int PORT = 9229;

    static final String DATABASE = "tobira";

    /**
     * The stack's settings.
     *
     * @param serverImage Tobira's container image; it runs {@code tobira start}
     * @param certificateArn the ACM certificate of the load balancer's HTTPS listener, for {@code domainName}
     * @param domainName the public name of the server (a CNAME or alias to the load balancer): the
     *     issuer URL is {@code https://<domainName>}
     * @param mailFrom the From address of every email, verified in SES in the stack's region
     * @param sesIdentity the SES identity that covers it: the address itself, or its domain
     * @param tasks how many Tobira tasks run, at least two
     */
    public record Config(String serverImage, String certificateArn, String domainName, String mailFrom,
            String sesIdentity, int tasks) {

        public Config {
            if (tasks < 2) {
                throw new IllegalArgumentException("the self-hosted stack runs at least 2 tasks, not " + tasks);
            }
        }
    }

    public SelfHostedStack(Construct scope, String id, StackProps props, Config config) {
        super(scope, id, props);
        IVpc vpc = WebService.vpc(this);

        DatabaseInstance database = DatabaseInstance.Builder.create(this, "Database")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.VER_18).build()))
                .instanceType(InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MICRO))
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .databaseName(DATABASE)
                .credentials(Credentials.fromGeneratedSecret("tobira"))
                .allocatedStorage(20)
                .storageEncrypted(true)
                .backupRetention(Duration.days(7))
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();
        var databaseSecret = database.getSecret();

        var adminKey = new software.amazon.awscdk.services.secretsmanager.Secret(this, "AdminKey", SecretProps.builder()
                .description("Tobira's admin credentials: admin calls are SigV4-signed with them")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"accessKeyId\":\"TOBIRAADMIN\"}")
                        .generateStringKey("secretAccessKey")
                        .passwordLength(40).excludePunctuation(true).includeSpace(false)
                        .build())
                .build());

        ApplicationLoadBalancedFargateService service = WebService.create(this, "Tobira", vpc, config.serverImage(),
                PORT, 512, 1024, config.tasks(), config.certificateArn(), Map.of(
                        "TOBIRA_DB_URL", "jdbc:postgresql://" + database.getDbInstanceEndpointAddress() + ":"
                                + database.getDbInstanceEndpointPort() + "/" + DATABASE + "?sslmode=require",
                        "TOBIRA_ISSUER_URL", "https://" + config.domainName(),
                        "TOBIRA_REGION", getRegion(),
                        "TOBIRA_HOST", "0.0.0.0",
                        "TOBIRA_PORT", String.valueOf(PORT),
                        "TOBIRA_BEHIND_PROXY", "true",
                        "TOBIRA_MAIL_FROM", config.mailFrom(),
                        "TOBIRA_SES_REGION", getRegion()),
                Map.of(
                        "TOBIRA_DB_USER", Secret.fromSecretsManager(databaseSecret, "username"),
                        "TOBIRA_DB_PASSWORD", Secret.fromSecretsManager(databaseSecret, "password"),
                        "TOBIRA_ADMIN_ACCESS_KEY_ID", Secret.fromSecretsManager(adminKey, "accessKeyId"),
                        "TOBIRA_ADMIN_SECRET_ACCESS_KEY", Secret.fromSecretsManager(adminKey, "secretAccessKey")));
        database.getConnections().allowDefaultPortFrom(service.getService(), "Tobira tasks");
        service.getTaskDefinition().getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail"))
                .resources(List.of(CognitoStack.sesIdentityArn(this, config.sesIdentity())))
                .build());

        CfnOutput.Builder.create(this, "Url").value("https://" + config.domainName())
                .description("Tobira's endpoint and issuer URL").build();
        CfnOutput.Builder.create(this, "AdminKeySecretArn").value(adminKey.getSecretArn())
                .description("Secrets Manager secret with the admin accessKeyId and secretAccessKey").build();
        CfnOutput.Builder.create(this, "DatabaseSecretArn").value(databaseSecret.getSecretArn())
                .description("Secrets Manager secret with the database credentials").build();
    }
}
