package dev.tobira.cdk;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateService;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedTaskImageOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * What both stacks share: a two-zone VPC, and one container image on ECS Fargate behind a public
 * Application Load Balancer that ends TLS with an ACM certificate (port 80 redirects to 443) and
 * checks each task on {@link #HEALTH_PATH}.
 */
final class WebService {

    /** Spring Boot Actuator's health endpoint, served by {@code tobira start} and {@code tobira web} alike. */
    static final String HEALTH_PATH = "/actuator/health";

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>[:<tag>]}: a private ECR image. */
    private static final Pattern ECR_IMAGE =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([a-z0-9._/-]+)(?::([\\w.-]+))?");

    private WebService() {
    }

    /** Two availability zones, public and private subnets, one NAT gateway (the tasks reach AWS's APIs). */
    static IVpc vpc(Construct scope) {
        return Vpc.Builder.create(scope, "Vpc").maxAzs(2).natGateways(1).build();
    }

    /**
     * The service: {@code image} listening on {@code port} with {@code environment} and
     * {@code secrets}, {@code count} tasks of {@code cpu} units and {@code memoryMiB}, logs kept a month.
     */
    static ApplicationLoadBalancedFargateService create(Construct scope, String id, IVpc vpc, String image,
            int port, int cpu, int memoryMiB, int count, String certificateArn, Map<String, String> environment,
            Map<String, Secret> secrets) {
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        ApplicationLoadBalancedFargateService service = ApplicationLoadBalancedFargateService.Builder.create(scope, id)
                .cluster(Cluster.Builder.create(scope, id + "Cluster").vpc(vpc).build())
                .cpu(cpu)
                .memoryLimitMiB(memoryMiB)
                .desiredCount(count)
                .minHealthyPercent(count > 1 ? 50 : 100)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .healthCheckGracePeriod(Duration.seconds(120))
                .taskImageOptions(ApplicationLoadBalancedTaskImageOptions.builder()
                        .image(containerImage(scope, id, image))
                        .containerName(id.toLowerCase(java.util.Locale.ROOT))
                        .containerPort(port)
                        .environment(environment)
                        .secrets(secrets)
                        .logDriver(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs).streamPrefix(id).build()))
                        .build())
                .publicLoadBalancer(true)
                .protocol(ApplicationProtocol.HTTPS)
                .certificate(Certificate.fromCertificateArn(scope, id + "Certificate", certificateArn))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .redirectHttp(true)
                .build();
        service.getTargetGroup().configureHealthCheck(HealthCheck.builder()
                .path(HEALTH_PATH)
                .healthyHttpCodes("200")
                .interval(Duration.seconds(15))
                .healthyThresholdCount(2)
                .unhealthyThresholdCount(3)
                .build());
        service.getTargetGroup().setAttribute("deregistration_delay.timeout_seconds", "30");
        return service;
    }

    /**
     * A private ECR image through the repository (the task's execution role may then pull it: ECR's
     * {@code GetAuthorizationToken}, which has no resource type, is the one statement on {@code *});
     * any other reference (a public registry, ECR Public) as it is, needing no permission.
     */
    static ContainerImage containerImage(Construct scope, String id, String image) {
        Matcher ecr = ECR_IMAGE.matcher(image);
        if (!ecr.matches()) {
            return ContainerImage.fromRegistry(image);
        }
        String name = ecr.group(3);
        var repository = Repository.fromRepositoryAttributes(scope, id + "Repository", RepositoryAttributes.builder()
                .repositoryName(name)
                .repositoryArn("arn:aws:ecr:" + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + name)
                .build());
        return ContainerImage.fromEcrRepository(repository, ecr.group(4) == null ? "latest" : ecr.group(4));
    }
}
