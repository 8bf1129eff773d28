package dev.tobira.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tobira.core.trigger.ChallengeResult;
import dev.tobira.core.trigger.LambdaAuthChallengeTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers;
import tools.jackson.databind.json.JsonMapper;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.pool.UserPool.LambdaVersionConfig;
import dev.tobira.core.token.GroupClaims;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.trigger.SignInTriggers;
import dev.tobira.core.trigger.TokenGenerationTrigger;
import dev.tobira.core.trigger.TriggerInvoker;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The events Tobira sends to every trigger (PreSignUp, PostConfirmation, Define/Create/VerifyAuthChallenge,
 * PreTokenGeneration V1_0/V2_0/V3_0, PreAuthentication, PostAuthentication, CustomMessage, UserMigration), checked member by member against the aws-lambda-java-events
 * classes that Java functions read them into: every member Tobira sends is one the class has, and every
 * member the class has is one Tobira sends (the exceptions named and explained).
 */
class TriggerEventShapesTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AuthChallengeTriggers.Context USER = new AuthChallengeTriggers.Context("us-east-1_Abcdefghi",
            "client", "ada", Map.of("email", "ada@example.com", "sub", "5f0c"), false, Map.of("app", "web"));

    private final List<Map<String, Object>> events = new ArrayList<>();
    private final TriggerInvoker recorder = (arn, trigger, event) -> {
        events.add(event);
        Map<String, Object> out = new LinkedHashMap<>(event);
        out.put("response", Map.of());
        return out;
    };

    private static LambdaConfig config(String preToken, LambdaVersionConfig version, String custom, String migration) {
        return new LambdaConfig(null, custom, null, ARN, ARN, null, null, null, preToken, migration, version, null,
                null, null);
    }

    private static Set<String> fields(Class<?>... classes) {
        Set<String> names = new HashSet<>();
        for (Class<?> c : classes) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        names.add(f.getName());
                    }
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void assertShape(Map<String, Object> event, Class<?> request, Class<?> response,
            Set<String> classOnly) {
        assertThat(event.keySet()).containsExactlyInAnyOrderElementsOf(
                concat(fields(CognitoUserPoolEvent.class), "request", "response"));
        Set<String> requestFields = fields(request);
        Set<String> sent = ((Map<String, Object>) event.get("request")).keySet();
        assertThat(requestFields).as("members the class has").containsAll(sent);
        Set<String> expected = new HashSet<>(requestFields);
        expected.removeAll(classOnly);
        assertThat(sent).as("members Tobira sends").containsAll(expected);
        if (response != null) {
            Set<String> responseSent = ((Map<String, Object>) event.get("response")).keySet();
            Set<String> responseFields = fields(response);
            Set<String> extra = new HashSet<>(responseSent);
            extra.removeAll(responseFields);
            extra.removeAll(classOnly);
            assertThat(extra).as("response members the class lacks").isEmpty();
            Set<String> missing = new HashSet<>(responseFields);
            missing.removeAll(responseSent);
            assertThat(missing).as("response members Tobira does not send").isEmpty();
        }
    }

    private static List<String> concat(Set<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    @DisplayName("PreTokenGeneration V1_0 and V2_0 against CognitoUserPoolPreTokenGenerationEvent(V2)")
    void preTokenGenerationWhenV1OrV2ThenMembersMatchTheEventClasses() {
        GroupClaims groups = new GroupClaims(List.of("staff"), List.of(), Optional.empty());
        new TokenGenerationTrigger(config(ARN, null, null, null), recorder).customize(
                TokenGenerationTrigger.Source.Authentication, USER, groups, List.of("aws.cognito.signin.user.admin"));
        new TokenGenerationTrigger(config(null, new LambdaVersionConfig("V2_0", ARN), null, null), recorder)
                .customize(TokenGenerationTrigger.Source.RefreshTokens, USER, groups,
                        List.of("aws.cognito.signin.user.admin"));

        assertShape(events.get(0), CognitoUserPoolPreTokenGenerationEvent.Request.class,
                CognitoUserPoolPreTokenGenerationEvent.Response.class, Set.of());
        assertShape(events.get(1), CognitoUserPoolPreTokenGenerationEventV2.Request.class,
                CognitoUserPoolPreTokenGenerationEventV2.Response.class, Set.of());
        assertThat(events.get(1)).containsEntry("version", "2")
                .containsEntry("triggerSource", "TokenGeneration_RefreshTokens");
    }

    @Test
    void preAndPostAuthenticationWhenRunThenMembersMatchTheEventClasses() {
        SignInTriggers triggers = new SignInTriggers(config(null, null, null, null), recorder);
        triggers.preAuthentication(USER, Map.of("app", "web"));
        triggers.postAuthentication(USER);

        assertShape(events.get(0), CognitoUserPoolPreAuthenticationEvent.Request.class, null, Set.of());
        assertShape(events.get(1), CognitoUserPoolPostAuthenticationEvent.Request.class, null, Set.of());
    }

    @Test
    void customMessageWhenRunThenMembersMatchTheEventClass() {
        new CustomMessageTrigger(config(null, null, ARN, null), recorder).compose(
                CustomMessageTrigger.Source.SignUp, USER, new Message(Message.Channel.EMAIL, "ada@example.com",
                        "Your code", "Your code is 123456", Instant.EPOCH), "123456", null);

        assertShape(events.get(0), CognitoUserPoolCustomMessageEvent.Request.class,
                CognitoUserPoolCustomMessageEvent.Response.class, Set.of());
    }

    @Test
    @DisplayName("UserMigration against CognitoUserPoolMigrateUserEvent: userName is the event's (top level) and "
            + "the request has no userAttributes (the user has none yet; AWS's documented request is password, "
            + "validationData, clientMetadata); enableSMSMFA is AWS's documented response member the class "
            + "(3.16.1) lacks")
    void userMigrationWhenRunThenMembersMatchTheEventClass() {
        new SignInTriggers(config(null, null, null, ARN), recorder).userMigration(
                SignInTriggers.MigrationSource.Authentication, USER, "Legacy-Passw0rd!", Map.of("app", "web"));

        assertShape(events.get(0), CognitoUserPoolMigrateUserEvent.Request.class,
                CognitoUserPoolMigrateUserEvent.Response.class, Set.of("userName", "userAttributes", "enableSMSMFA"));
    }

    private static final String SDK_ARN = ARN;

    private static LambdaConfig lifecycleAndChallenges() {
        return new LambdaConfig(SDK_ARN, null, SDK_ARN, null, null, SDK_ARN, SDK_ARN, SDK_ARN, null, null,
                new LambdaVersionConfig("V3_0", SDK_ARN), null, null, null);
    }

    /** Every other trigger's events, in this order: PreSignUp, PostConfirmation, Define, Create, Verify, V3_0. */
    private void runTheOtherTriggers() {
        UserLifecycleTriggers lifecycle = new UserLifecycleTriggers(lifecycleAndChallenges(), recorder);
        lifecycle.preSignUp(UserLifecycleTriggers.SignUpSource.SignUp, USER, Map.of("captcha", "ok"));
        lifecycle.postConfirmation(UserLifecycleTriggers.ConfirmationSource.ConfirmSignUp, USER);
        LambdaAuthChallengeTriggers challenges = new LambdaAuthChallengeTriggers(recorder, SDK_ARN, SDK_ARN, SDK_ARN);
        List<ChallengeResult> session = List.of(new ChallengeResult("SRP_A", true, null));
        challenges.define(USER, session);
        challenges.create(USER, "CUSTOM_CHALLENGE", session);
        challenges.verify(USER, Map.of("answer", "123456"), "123456");
        new TokenGenerationTrigger(lifecycleAndChallenges(), recorder).customize(
                TokenGenerationTrigger.Source.Authentication, USER,
                new GroupClaims(List.of("staff"), List.of(), Optional.empty()), List.of("aws.cognito.signin.user.admin"));
    }

    @Test
    @DisplayName("PreSignUp, PostConfirmation, Define/Create/VerifyAuthChallenge and PreTokenGeneration V3_0 against "
            + "their event classes (V3_0 has V2_0's shape, version \"3\")")
    void otherTriggersWhenRunThenMembersMatchTheEventClasses() {
        runTheOtherTriggers();

        assertShape(events.get(0), CognitoUserPoolPreSignUpEvent.Request.class,
                CognitoUserPoolPreSignUpEvent.Response.class, Set.of());
        assertShape(events.get(1), CognitoUserPoolPostConfirmationEvent.Request.class, null, Set.of());
        assertShape(events.get(2), CognitoUserPoolDefineAuthChallengeEvent.Request.class,
                CognitoUserPoolDefineAuthChallengeEvent.Response.class, Set.of());
        assertShape(events.get(3), CognitoUserPoolCreateAuthChallengeEvent.Request.class,
                CognitoUserPoolCreateAuthChallengeEvent.Response.class, Set.of());
        assertShape(events.get(4), CognitoUserPoolVerifyAuthChallengeResponseEvent.Request.class,
                CognitoUserPoolVerifyAuthChallengeResponseEvent.Response.class, Set.of());
        assertShape(events.get(5), CognitoUserPoolPreTokenGenerationEventV2.Request.class,
                CognitoUserPoolPreTokenGenerationEventV2.Response.class, Set.of());
        assertThat(events.get(5)).containsEntry("version", "3");
    }

    private static <T> T deserialized(Map<String, Object> event, Class<T> type) {
        String json = JSON.writeValueAsString(event);
        return LambdaEventSerializers.serializerFor(type, TriggerEventShapesTest.class.getClassLoader()).fromJson(json);
    }

    private static void assertCommon(CognitoUserPoolEvent event, String triggerSource) {
        // The common members of Cognito's documented examples: version, triggerSource, region, userPoolId,
        // userName, callerContext {awsSdkVersion, clientId}.
        assertThat(event.getVersion()).isNotBlank();
        assertThat(event.getTriggerSource()).isEqualTo(triggerSource);
        assertThat(event.getRegion()).isEqualTo("us-east-1");
        assertThat(event.getUserPoolId()).isEqualTo("us-east-1_Abcdefghi");
        assertThat(event.getUserName()).isEqualTo("ada");
        assertThat(event.getCallerContext().getAwsSdkVersion()).isNotBlank();
        assertThat(event.getCallerContext().getClientId()).isEqualTo("client");
    }

    @Test
    @DisplayName("Every trigger's event JSON, read by aws-lambda-java-serialization into its aws-lambda-java-events "
            + "class, has each member of Cognito's documented example populated")
    void everyTriggerWhenDeserializedByLambdaSerializationThenDocumentedMembersPopulated() {
        runTheOtherTriggers();
        SignInTriggers signIn = new SignInTriggers(config(ARN, null, ARN, ARN), recorder);
        signIn.preAuthentication(USER, Map.of("app", "web"));
        signIn.postAuthentication(USER);
        new TokenGenerationTrigger(config(ARN, null, null, null), recorder).customize(
                TokenGenerationTrigger.Source.Authentication, USER,
                new GroupClaims(List.of("staff"), List.of(), Optional.empty()), List.of("aws.cognito.signin.user.admin"));
        new CustomMessageTrigger(config(null, null, ARN, null), recorder).compose(
                CustomMessageTrigger.Source.AdminCreateUser, USER, new Message(Message.Channel.EMAIL,
                        "ada@example.com", "Welcome", "Your password is Temp-1", Instant.EPOCH), "Temp-1", "ada");
        signIn.userMigration(SignInTriggers.MigrationSource.Authentication, USER, "Legacy-Passw0rd!", Map.of("a", "b"));

        CognitoUserPoolPreSignUpEvent preSignUp = deserialized(events.get(0), CognitoUserPoolPreSignUpEvent.class);
        assertCommon(preSignUp, "PreSignUp_SignUp");
        assertThat(preSignUp.getRequest().getUserAttributes()).containsEntry("email", "ada@example.com");
        assertThat(preSignUp.getRequest().getValidationData()).containsEntry("captcha", "ok");
        assertThat(preSignUp.getRequest().getClientMetadata()).containsEntry("app", "web");
        assertThat(preSignUp.getResponse().getAutoConfirmUser()).isFalse();

        CognitoUserPoolPostConfirmationEvent confirmed = deserialized(events.get(1),
                CognitoUserPoolPostConfirmationEvent.class);
        assertCommon(confirmed, "PostConfirmation_ConfirmSignUp");
        assertThat(confirmed.getRequest().getUserAttributes()).containsEntry("sub", "5f0c");

        CognitoUserPoolDefineAuthChallengeEvent define = deserialized(events.get(2),
                CognitoUserPoolDefineAuthChallengeEvent.class);
        assertCommon(define, "DefineAuthChallenge_Authentication");
        assertThat(define.getRequest().getSession()).singleElement().satisfies(r -> {
            assertThat(r.getChallengeName()).isEqualTo("SRP_A");
            assertThat(r.getChallengeResult()).isTrue();
        });
        assertThat(define.getRequest().getUserNotFound()).isFalse();

        CognitoUserPoolCreateAuthChallengeEvent create = deserialized(events.get(3),
                CognitoUserPoolCreateAuthChallengeEvent.class);
        assertCommon(create, "CreateAuthChallenge_Authentication");
        assertThat(create.getRequest().getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(create.getRequest().getSession()).hasSize(1);

        CognitoUserPoolVerifyAuthChallengeResponseEvent verify = deserialized(events.get(4),
                CognitoUserPoolVerifyAuthChallengeResponseEvent.class);
        assertCommon(verify, "VerifyAuthChallengeResponse_Authentication");
        assertThat(verify.getRequest().getPrivateChallengeParameters()).containsEntry("answer", "123456");
        assertThat(verify.getRequest().getChallengeAnswer()).isEqualTo("123456");

        CognitoUserPoolPreTokenGenerationEventV2 v3 = deserialized(events.get(5),
                CognitoUserPoolPreTokenGenerationEventV2.class);
        assertCommon(v3, "TokenGeneration_Authentication");
        assertThat(v3.getVersion()).isEqualTo("3");
        assertThat(v3.getRequest().getGroupConfiguration().getGroupsToOverride()).containsExactly("staff");
        assertThat(v3.getRequest().getScopes()).containsExactly("aws.cognito.signin.user.admin");
        assertThat(v3.getRequest().getUserAttributes()).containsEntry("email", "ada@example.com");

        CognitoUserPoolPreAuthenticationEvent preAuth = deserialized(events.get(6),
                CognitoUserPoolPreAuthenticationEvent.class);
        assertCommon(preAuth, "PreAuthentication_Authentication");
        assertThat(preAuth.getRequest().getValidationData()).containsEntry("app", "web");
        assertThat(preAuth.getRequest().getUserNotFound()).isFalse();

        CognitoUserPoolPostAuthenticationEvent postAuth = deserialized(events.get(7),
                CognitoUserPoolPostAuthenticationEvent.class);
        assertCommon(postAuth, "PostAuthentication_Authentication");
        assertThat(postAuth.getRequest().getNewDeviceUsed()).isFalse();

        CognitoUserPoolPreTokenGenerationEvent v1 = deserialized(events.get(8),
                CognitoUserPoolPreTokenGenerationEvent.class);
        assertCommon(v1, "TokenGeneration_Authentication");
        assertThat(v1.getRequest().getGroupConfiguration().getGroupsToOverride()).containsExactly("staff");

        CognitoUserPoolCustomMessageEvent custom = deserialized(events.get(9), CognitoUserPoolCustomMessageEvent.class);
        assertCommon(custom, "CustomMessage_AdminCreateUser");
        assertThat(custom.getRequest().getCodeParameter()).isEqualTo("{####}");
        assertThat(custom.getRequest().getUsernameParameter()).isEqualTo("{username}");
        assertThat(custom.getRequest().getUserAttributes()).containsEntry("email", "ada@example.com");

        CognitoUserPoolMigrateUserEvent migrate = deserialized(events.get(10), CognitoUserPoolMigrateUserEvent.class);
        assertCommon(migrate, "UserMigration_Authentication");
        assertThat(migrate.getRequest().getPassword()).isEqualTo("Legacy-Passw0rd!");
        assertThat(migrate.getRequest().getValidationData()).containsEntry("a", "b");
    }
}
