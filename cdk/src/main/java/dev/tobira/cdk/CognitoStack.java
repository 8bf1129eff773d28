package dev.tobira.cdk;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AllowedFirstAuthFactors;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.SignInPolicy;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolEmail;
import software.amazon.awscdk.services.cognito.UserPoolSESOptions;
import software.amazon.awscdk.services.cognito.UserPoolTriggers;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateService;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The managed path: a Cognito user pool whose custom-auth triggers are the {@code lambda} module's
 * handlers (password by SRP, then a code emailed through SES), an app client for it, and Tobira's web
 * sign-in app ({@code tobira web}) on ECS Fargate behind an HTTPS load balancer.
 *
 * <p>With {@link Config#passwordless()} the pool also offers Cognito's own passwordless sign-in
 * ({@code USER_AUTH} with {@code EMAIL_OTP} as a first factor, which needs the Essentials tier).
 */
public final class CognitoStack extends Stack {

    /** The trigger handlers in the lambda jar. */
    static final String DEFINE_HANDLER = "dev.tobira.lambda.DefineAuthChallengeHandler::handleRequest";
    static final String CREATE_HANDLER = "dev.tobira.lambda.CreateAuthChallengeHandler::handleRequest";
    static final String VERIFY_HANDLER = "dev.tobira.lambda.VerifyAuthChallengeResponseHandler::handleRequest";

    /** Cognito waits at most 5 seconds for a trigger: a longer timeout would never be used. */
    static final Duration TRIGGER_TIMEOUT = Duration.seconds(5);

    /** The web app's port in its container. */
    static final int WEB_PORT = 8080;

    /** The password policy of the pool, which the web app's sign-up page states. */
    private static final int PASSWORD_MIN_LENGTH = 8;

    /**
     * The stack's settings.
     *
     * @param senderEmail the From address of every email (Cognito's own and the code emails), never a
     *     recipient's; verified in SES in the stack's region
     * @param sesIdentity the SES identity that covers it: the address itself, or its domain
     * @param passwordless add passwordless sign-in (Essentials tier)
     * @param lambdaJar the lambda module's {@code -aws.jar}
     * @param webImage the web app's container image; it runs {@code tobira web}
     * @param certificateArn the ACM certificate of the load balancer's HTTPS listener
     * @param domainName the name users reach the web app at (a CNAME or alias to the load balancer),
     *     when there is one; the URL output is then {@code https://<domainName>}
     * @param language {@code en} or {@code ja}: the code email's language when the user's locale is neither
     */
    public record Config(String senderEmail, String sesIdentity, boolean passwordless, Path lambdaJar,
            String webImage, String certificateArn, Optional<String> domainName, String language) {
    }

    private final UserPool userPool;
    private final UserPoolClient client;

    public CognitoStack(Construct scope, String id, StackProps props, Config config) {
        super(scope, id, props);
        Code code = Code.fromAsset(config.lambdaJar().toString());
        var codeKey = new software.amazon.awscdk.services.secretsmanager.Secret(this, "CodeKey",
                software.amazon.awscdk.services.secretsmanager.SecretProps.builder()
                        .description("HMAC key of the sign-in codes (TOBIRA_CODE_KEY of CreateAuthChallenge and"
                                + " VerifyAuthChallengeResponse)")
                        // 64 letters and digits are valid base64 of 48 bytes, as the handlers require.
                        .generateSecretString(SecretStringGenerator.builder()
                                .passwordLength(64).excludePunctuation(true).includeSpace(false).build())
                        .build());
        // The handlers read the key from their environment only: CloudFormation resolves this dynamic
        // reference at deploy time, so the key is in no template, only in the functions' configuration.
        String codeKeyReference = codeKey.getSecretValue().unsafeUnwrap();

        String sesIdentityArn = sesIdentityArn(this, config.sesIdentity());

        IFunction define = trigger("DefineAuthChallenge", code, DEFINE_HANDLER, 512,
                Map.of("TOBIRA_LANGUAGE", config.language()));
        Function createFunction = function("CreateAuthChallenge", code, CREATE_HANDLER, 1024, Map.of(
                "TOBIRA_SENDER_EMAIL", config.senderEmail(),
                "TOBIRA_CODE_KEY", codeKeyReference,
                "TOBIRA_LANGUAGE", config.language()));
        // Only Create sends, and only from the sender's identity; none of the three calls Cognito.
        createFunction.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail"))
                .resources(List.of(sesIdentityArn))
                .build());
        IFunction create = createFunction.getCurrentVersion();
        IFunction verify = trigger("VerifyAuthChallengeResponse", code, VERIFY_HANDLER, 512, Map.of(
                "TOBIRA_CODE_KEY", codeKeyReference,
                "TOBIRA_LANGUAGE", config.language()));

        UserPool.Builder pool = UserPool.Builder.create(this, "UserPool")
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(PASSWORD_MIN_LENGTH)
                        .requireUppercase(true).requireLowercase(true).requireDigits(true).requireSymbols(true)
                        .tempPasswordValidity(Duration.days(7))
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .email(UserPoolEmail.withSES(sesOptions(config)))
                .lambdaTriggers(UserPoolTriggers.builder()
                        .defineAuthChallenge(define)
                        .createAuthChallenge(create)
                        .verifyAuthChallengeResponse(verify)
                        .build())
                // The users' accounts outlive the stack: `cdk destroy` leaves the pool (docs/deploy.md).
                .removalPolicy(RemovalPolicy.RETAIN);
        if (config.passwordless()) {
            pool.featurePlan(FeaturePlan.ESSENTIALS)
                    .signInPolicy(SignInPolicy.builder()
                            .allowedFirstAuthFactors(AllowedFirstAuthFactors.builder()
                                    .password(true).emailOtp(true).build())
                            .build());
        } else {
            pool.featurePlan(FeaturePlan.LITE);
        }
        userPool = pool.build();

        client = userPool.addClient("WebClient", UserPoolClientOptions.builder()
                .generateSecret(false)
                // The web app signs in through the API alone: no hosted UI, no OAuth flows.
                .disableOAuth(true)
                .authFlows(AuthFlow.builder()
                        .custom(true).userSrp(true).user(config.passwordless()).build())
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .authSessionValidity(Duration.minutes(3))
                .build());

        ApplicationLoadBalancedFargateService web = WebService.create(this, "Web", WebService.vpc(this),
                config.webImage(), WEB_PORT, 256, 512, 1, config.certificateArn(), Map.of(
                        "TOBIRA_WEB_USER_POOL_ID", userPool.getUserPoolId(),
                        "TOBIRA_WEB_CLIENT_ID", client.getUserPoolClientId(),
                        "TOBIRA_WEB_REGION", getRegion(),
                        "TOBIRA_WEB_HOST", "0.0.0.0",
                        "TOBIRA_WEB_PORT", String.valueOf(WEB_PORT),
                        "TOBIRA_WEB_BEHIND_PROXY", "true",
                        "TOBIRA_WEB_PASSWORD_MIN_LENGTH", String.valueOf(PASSWORD_MIN_LENGTH),
                        "TOBIRA_WEB_PASSWORD_REQUIRES", "uppercase,lowercase,numbers,symbols"),
                Map.of());

        String url = "https://" + config.domainName().orElse(web.getLoadBalancer().getLoadBalancerDnsName());
        CfnOutput.Builder.create(this, "UserPoolId").value(userPool.getUserPoolId())
                .description("Cognito user pool id").build();
        CfnOutput.Builder.create(this, "UserPoolClientId").value(client.getUserPoolClientId())
                .description("App client id (no secret)").build();
        CfnOutput.Builder.create(this, "WebUrl").value(url)
                .description("The web sign-in app").build();
    }

    public UserPool userPool() {
        return userPool;
    }

    public UserPoolClient client() {
        return client;
    }

    /** The ARN of SES identity {@code identity} (an address or a domain) in {@code stack}'s account and region. */
    static String sesIdentityArn(Stack stack, String identity) {
        return stack.formatArn(ArnComponents.builder().service("ses").resource("identity")
                .resourceName(identity).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    }

    private UserPoolSESOptions sesOptions(Config config) {
        UserPoolSESOptions.Builder ses = UserPoolSESOptions.builder().fromEmail(config.senderEmail());
        if (!config.sesIdentity().contains("@")) {
            ses.sesVerifiedDomain(config.sesIdentity());
        }
        return ses.build();
    }

    /** A trigger function as Cognito calls it: its published version, restored from a SnapStart snapshot. */
    private IFunction trigger(String name, Code code, String handler, int memoryMiB, Map<String, String> env) {
        return function(name, code, handler, memoryMiB, env).getCurrentVersion();
    }

    /**
     * A java25 function from the jar, with its own role and log group: the role may write to that
     * group and nothing else (no managed policy, whose statements are on {@code *}).
     */
    private Function function(String name, Code code, String handler, int memoryMiB, Map<String, String> env) {
        LogGroup logs = LogGroup.Builder.create(this, name + "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, name + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        logs.grantWrite(role);
        return Function.Builder.create(this, name)
                .runtime(Runtime.JAVA_25)
                .code(code)
                .handler(handler)
                .memorySize(memoryMiB)
                .timeout(TRIGGER_TIMEOUT)
                .environment(env)
                .role(role)
                .logGroup(logs)
                // A cold start of the JVM and the SES client would eat much of Cognito's 5 seconds.
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
    }
}
