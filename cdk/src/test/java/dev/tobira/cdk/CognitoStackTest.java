package dev.tobira.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;

/** TobiraCognito in both variants: with and without passwordless sign-in ({@code tobira:passwordless}). */
class CognitoStackTest {

    private static final String SES_IDENTITY = "arn:${AWS::Partition}:ses:eu-west-1:123456789012:identity/example.com";

    @ParameterizedTest(name = "passwordless={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void poolWhenSynthesizedThenSignsInByEmailWithTheThreeTriggerVersions(boolean passwordless) {
        Synthesized.Stack stack = Synthesized.cognito(passwordless);
        Map<String, Object> pool = stack.only("AWS::Cognito::UserPool");

        assertThat(pool).containsEntry("UsernameAttributes", List.of("email"))
                .containsEntry("AutoVerifiedAttributes", List.of("email"))
                .containsEntry("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false));
        assertThat((Map<String, Object>) ((Map<String, Object>) pool.get("Policies")).get("PasswordPolicy"))
                .containsEntry("MinimumLength", 8).containsEntry("RequireUppercase", true)
                .containsEntry("RequireLowercase", true).containsEntry("RequireNumbers", true)
                .containsEntry("RequireSymbols", true);
        Map<String, Object> email = (Map<String, Object>) pool.get("EmailConfiguration");
        assertThat(email).containsEntry("EmailSendingAccount", "DEVELOPER").containsEntry("From", Synthesized.SENDER);
        assertThat(IamStatements.value(email.get("SourceArn"))).isEqualTo(SES_IDENTITY);

        // Each trigger is a published version (SnapStart) of the function with the right handler.
        Map<String, Object> triggers = (Map<String, Object>) pool.get("LambdaConfig");
        assertThat(triggers).containsOnlyKeys("DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse");
        assertThat(handlerOf(stack, triggers.get("DefineAuthChallenge"))).isEqualTo(CognitoStack.DEFINE_HANDLER);
        assertThat(handlerOf(stack, triggers.get("CreateAuthChallenge"))).isEqualTo(CognitoStack.CREATE_HANDLER);
        assertThat(handlerOf(stack, triggers.get("VerifyAuthChallengeResponse"))).isEqualTo(CognitoStack.VERIFY_HANDLER);

        // Cognito may invoke exactly those versions, for this pool only.
        assertThat(stack.resources("AWS::Lambda::Permission").values())
                .extracting(p -> IamStatements.value(p.get("FunctionName")), p -> p.get("Principal"),
                        p -> IamStatements.value(p.get("SourceArn")), p -> p.get("Action"))
                .containsExactlyInAnyOrder(triggers.values().stream()
                        .map(version -> org.assertj.core.groups.Tuple.tuple(IamStatements.value(version),
                                "cognito-idp.amazonaws.com", "UserPool.Arn", "lambda:InvokeFunction"))
                        .toArray(org.assertj.core.groups.Tuple[]::new));
    }

    @ParameterizedTest(name = "passwordless={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void poolWhenPasswordlessThenEssentialsWithEmailOtpFirstFactorElseLite(boolean passwordless) {
        Map<String, Object> pool = Synthesized.cognito(passwordless).only("AWS::Cognito::UserPool");
        Map<String, Object> policies = (Map<String, Object>) pool.get("Policies");

        if (passwordless) {
            assertThat(pool).containsEntry("UserPoolTier", "ESSENTIALS");
            assertThat(policies).containsEntry("SignInPolicy",
                    Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "EMAIL_OTP")));
        } else {
            assertThat(pool).containsEntry("UserPoolTier", "LITE");
            assertThat(policies).doesNotContainKey("SignInPolicy");
        }
    }

    @ParameterizedTest(name = "passwordless={0}")
    @ValueSource(booleans = {false, true})
    void clientWhenSynthesizedThenCustomAuthSrpRefreshAndUserAuthOnlyWhenPasswordless(boolean passwordless) {
        Map<String, Object> client = Synthesized.cognito(passwordless).only("AWS::Cognito::UserPoolClient");

        List<String> flows = passwordless
                ? List.of("ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                : List.of("ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat((List<Object>) client.get("ExplicitAuthFlows")).containsExactlyInAnyOrderElementsOf(flows);
        assertThat(client).containsEntry("GenerateSecret", false)
                .containsEntry("PreventUserExistenceErrors", "ENABLED")
                .containsEntry("EnableTokenRevocation", true)
                .containsEntry("AllowedOAuthFlowsUserPoolClient", false)
                .doesNotContainKeys("AllowedOAuthFlows", "CallbackURLs");
    }

    @ParameterizedTest(name = "passwordless={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void functionsWhenSynthesizedThenJava25SnapStartFiveSecondsFromTheReactorsJar(boolean passwordless) throws Exception {
        Synthesized.Stack stack = Synthesized.cognito(passwordless);
        Map<String, Map<String, Object>> functions = stack.resources("AWS::Lambda::Function");

        assertThat(functions.values()).extracting(f -> f.get("Handler"))
                .containsExactlyInAnyOrder(CognitoStack.DEFINE_HANDLER, CognitoStack.CREATE_HANDLER,
                        CognitoStack.VERIFY_HANDLER);
        Path jar = LambdaJar.locate(java.util.Optional.empty());
        for (Map<String, Object> function : functions.values()) {
            assertThat(function).containsEntry("Runtime", "java25").containsEntry("Timeout", 5)
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            // The code is the lambda module's jar, staged byte for byte as the asset.
            String key = (String) ((Map<String, Object>) function.get("Code")).get("S3Key");
            assertThat(key).endsWith(".jar");
            Path staged = stack.outdir().resolve("asset." + key);
            assertThat(Files.mismatch(staged, jar)).as("staged %s is %s", staged, jar).isEqualTo(-1L);
        }
        Map<String, Object> create = byHandler(functions, CognitoStack.CREATE_HANDLER);
        Map<String, Object> verify = byHandler(functions, CognitoStack.VERIFY_HANDLER);
        Map<String, Object> define = byHandler(functions, CognitoStack.DEFINE_HANDLER);
        assertThat(create).containsEntry("MemorySize", 1024);
        assertThat(define).containsEntry("MemorySize", 512);
        assertThat(verify).containsEntry("MemorySize", 512);

        Map<String, Object> createEnv = variables(create);
        assertThat(createEnv).containsEntry("TOBIRA_SENDER_EMAIL", Synthesized.SENDER);
        // The code key is a deploy-time reference to the generated secret, the same for Create and Verify.
        String keyReference = IamStatements.value(createEnv.get("TOBIRA_CODE_KEY"));
        assertThat(keyReference).isEqualTo("{{resolve:secretsmanager:CodeKey:SecretString:::}}");
        assertThat(IamStatements.value(variables(verify).get("TOBIRA_CODE_KEY"))).isEqualTo(keyReference);
        assertThat(variables(define)).doesNotContainKeys("TOBIRA_CODE_KEY", "TOBIRA_SENDER_EMAIL");
        assertThat(stack.only("AWS::SecretsManager::Secret")).containsEntry("GenerateSecretString", Map.of(
                "ExcludePunctuation", true, "IncludeSpace", false, "PasswordLength", 64));
    }

    @ParameterizedTest(name = "passwordless={0}")
    @ValueSource(booleans = {false, true})
    void policiesWhenSynthesizedThenEachRoleHasExactlyItsActionsOnItsResources(boolean passwordless) {
        Synthesized.Stack stack = Synthesized.cognito(passwordless);

        assertThat(IamStatements.byPolicy(stack)).isEqualTo(Map.of(
                "DefineAuthChallengeRoleDefaultPolicy", List.of(
                        "Allow logs:CreateLogStream,logs:PutLogEvents -> DefineAuthChallengeLogs.Arn"),
                "CreateAuthChallengeRoleDefaultPolicy", List.of(
                        "Allow logs:CreateLogStream,logs:PutLogEvents -> CreateAuthChallengeLogs.Arn",
                        "Allow ses:SendEmail -> " + SES_IDENTITY),
                "VerifyAuthChallengeResponseRoleDefaultPolicy", List.of(
                        "Allow logs:CreateLogStream,logs:PutLogEvents -> VerifyAuthChallengeResponseLogs.Arn"),
                // The web app calls only Cognito's unauthenticated operations: its task role has no policy.
                "WebTaskDefExecutionRoleDefaultPolicy", List.of(
                        "Allow logs:CreateLogStream,logs:PutLogEvents -> WebLogs.Arn")));
        stack.template().resourcePropertiesCountIs("AWS::IAM::Role",
                Match.objectLike(Map.of("ManagedPolicyArns", Match.anyValue())), 0);
        stack.template().resourcePropertiesCountIs("AWS::IAM::Role",
                Match.objectLike(Map.of("Policies", Match.anyValue())), 0);
    }

    @ParameterizedTest(name = "passwordless={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void webAppWhenSynthesizedThenOneFargateTaskBehindHttpsWithTheHealthCheck(boolean passwordless) {
        Synthesized.Stack stack = Synthesized.cognito(passwordless);

        Map<String, Object> task = stack.only("AWS::ECS::TaskDefinition");
        assertThat(task).containsEntry("Cpu", "256").containsEntry("Memory", "512")
                .containsEntry("RequiresCompatibilities", List.of("FARGATE"));
        Map<String, Object> container = ((List<Map<String, Object>>) task.get("ContainerDefinitions")).getFirst();
        assertThat(container).containsEntry("Image", Synthesized.WEB_IMAGE)
                .containsEntry("PortMappings", List.of(Map.of("ContainerPort", 8080, "Protocol", "tcp")));
        assertThat(environment(container)).containsEntry("TOBIRA_WEB_USER_POOL_ID", "UserPool")
                .containsEntry("TOBIRA_WEB_CLIENT_ID", "UserPoolWebClient")
                .containsEntry("TOBIRA_WEB_REGION", "eu-west-1")
                .containsEntry("TOBIRA_WEB_HOST", "0.0.0.0")
                .containsEntry("TOBIRA_WEB_PORT", "8080")
                .containsEntry("TOBIRA_WEB_BEHIND_PROXY", "true")
                .containsEntry("TOBIRA_WEB_PASSWORD_MIN_LENGTH", "8");

        assertThat(stack.only("AWS::ECS::Service")).containsEntry("DesiredCount", 1).containsEntry("LaunchType", "FARGATE");
        assertHttpsWithHealthCheck(stack, 8080);
    }

    @ParameterizedTest(name = "passwordless={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void outputsWhenSynthesizedThenPoolIdClientIdAndUrl(boolean passwordless) {
        Map<String, Object> outputs = (Map<String, Object>) Synthesized.cognito(passwordless).template().toJSON().get("Outputs");

        assertThat(IamStatements.value(((Map<String, Object>) outputs.get("UserPoolId")).get("Value"))).isEqualTo("UserPool");
        assertThat(IamStatements.value(((Map<String, Object>) outputs.get("UserPoolClientId")).get("Value")))
                .isEqualTo("UserPoolWebClient");
        assertThat(IamStatements.value(((Map<String, Object>) outputs.get("WebUrl")).get("Value")))
                .isEqualTo("https://WebLB.DNSName");
    }

    /** The listener on 443 ends TLS with the context's certificate, 80 redirects, the targets are checked on the health path. */
    @SuppressWarnings("unchecked")
    static void assertHttpsWithHealthCheck(Synthesized.Stack stack, int port) {
        assertThat(stack.resources("AWS::ElasticLoadBalancingV2::Listener").values())
                .extracting(l -> l.get("Port"), l -> l.get("Protocol"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(443, "HTTPS"),
                        org.assertj.core.groups.Tuple.tuple(80, "HTTP"));
        stack.template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443,
                "Certificates", List.of(Map.of("CertificateArn", Synthesized.CERTIFICATE))));
        stack.template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80,
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect",
                        "RedirectConfig", Match.objectLike(Map.of("Protocol", "HTTPS", "Port", "443")))))));
        assertThat(stack.only("AWS::ElasticLoadBalancingV2::TargetGroup"))
                .containsEntry("HealthCheckPath", "/actuator/health")
                .containsEntry("Matcher", Map.of("HttpCode", "200"))
                .containsEntry("TargetType", "ip");
        Map<String, Object> service = stack.only("AWS::ECS::Service");
        assertThat((List<Map<String, Object>>) service.get("LoadBalancers")).singleElement()
                .satisfies(lb -> assertThat(lb).containsEntry("ContainerPort", port));
    }

    /** A container's environment as name → value, intrinsic values written out. */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new java.util.TreeMap<>();
        ((List<Map<String, Object>>) container.get("Environment"))
                .forEach(e -> env.put((String) e.get("Name"), IamStatements.value(e.get("Value"))));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> function) {
        return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
    }

    private static Map<String, Object> byHandler(Map<String, Map<String, Object>> functions, String handler) {
        return functions.values().stream().filter(f -> handler.equals(f.get("Handler"))).findFirst().orElseThrow();
    }

    /** The handler of the function whose version {@code versionRef} ({@code {"Ref": version}}) names. */
    @SuppressWarnings("unchecked")
    private static String handlerOf(Synthesized.Stack stack, Object versionRef) {
        String versionId = (String) ((Map<String, Object>) versionRef).get("Ref");
        Map<String, Object> version = stack.resources("AWS::Lambda::Version").get(versionId);
        assertThat(version).as("a published version, %s", versionId).isNotNull();
        String functionId = (String) ((Map<String, Object>) version.get("FunctionName")).get("Ref");
        return (String) stack.resources("AWS::Lambda::Function").get(functionId).get("Handler");
    }
}
