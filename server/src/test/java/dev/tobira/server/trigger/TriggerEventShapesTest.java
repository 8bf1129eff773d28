package dev.tobira.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
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
 * The events Tobira sends to PreTokenGeneration (V1_0, V2_0), PreAuthentication, PostAuthentication,
 * CustomMessage and UserMigration functions, checked member by member against the aws-lambda-java-events
 * classes that Java functions read them into: every member Tobira sends is one the class has, and every
 * member the class has is one Tobira sends (the exceptions named and explained).
 */
class TriggerEventShapesTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:f";
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
}
