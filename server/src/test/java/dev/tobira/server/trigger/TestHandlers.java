package dev.tobira.server.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trigger functions as Java classes, in each of the shapes the Lambda Java runtime accepts; public,
 * so that server tests elsewhere can name them in a pool's {@code LambdaConfig}.
 */
public final class TestHandlers {

    private TestHandlers() {}

    /** A {@code Map} in, a {@code Map} out: answers "correct" when the answer is "blue". */
    public static final class MapVerify implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Map<String, Object> request = (Map<String, Object>) event.get("request");
            Map<String, Object> out = new LinkedHashMap<>(event);
            out.put("response", Map.of("answerCorrect", "blue".equals(request.get("challengeAnswer"))));
            return out;
        }
    }

    /** The aws-lambda-java-events class: custom challenge after SRP, tokens after a right answer. */
    public static final class EventsDefine implements
            RequestHandler<CognitoUserPoolDefineAuthChallengeEvent, CognitoUserPoolDefineAuthChallengeEvent> {
        @Override
        public CognitoUserPoolDefineAuthChallengeEvent handleRequest(CognitoUserPoolDefineAuthChallengeEvent event,
                Context context) {
            var session = event.getRequest().getSession();
            var response = new CognitoUserPoolDefineAuthChallengeEvent.Response();
            if (event.getRequest().getUserNotFound()) {
                response.setFailAuthentication(true);
            } else if (session.length > 0 && "CUSTOM_CHALLENGE".equals(session[session.length - 1].getChallengeName())
                    && session[session.length - 1].getChallengeResult()) {
                response.setIssueTokens(true);
            } else {
                response.setChallengeName("CUSTOM_CHALLENGE");
                response.setIssueTokens(false);
                response.setFailAuthentication(false);
            }
            event.setResponse(response);
            return event;
        }
    }

    /**
     * DefineAuthChallenge written as the original demo's {@code lambda/define_auth/index.py} is (seed
     * 000): by the session's length alone — empty → PASSWORD_VERIFIER; [PASSWORD_VERIFIER ✓] →
     * CUSTOM_CHALLENGE; [PASSWORD_VERIFIER ✓, CUSTOM_CHALLENGE ✓] → tokens; anything else fails. It is
     * made for CUSTOM_AUTH begun with SRP_A alone (pycognito), and, like the seed's, never looks at
     * {@code userNotFound}.
     */
    public static final class SeedDefine implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            List<Map<String, Object>> session = (List<Map<String, Object>>) ((Map<String, Object>) event
                    .get("request")).get("session");
            Map<String, Object> last = session.isEmpty() ? Map.of() : session.getLast();
            boolean passed = Boolean.TRUE.equals(last.get("challengeResult"));
            Map<String, Object> response = new LinkedHashMap<>();
            if (session.isEmpty()) {
                response.put("challengeName", "PASSWORD_VERIFIER");
                response.put("issueTokens", false);
                response.put("failAuthentication", false);
            } else if (session.size() == 1 && "PASSWORD_VERIFIER".equals(last.get("challengeName")) && passed) {
                response.put("challengeName", "CUSTOM_CHALLENGE");
                response.put("issueTokens", false);
                response.put("failAuthentication", false);
            } else if (session.size() == 2 && "CUSTOM_CHALLENGE".equals(last.get("challengeName")) && passed) {
                response.put("issueTokens", true);
                response.put("failAuthentication", false);
            } else {
                response.put("issueTokens", false);
                response.put("failAuthentication", true);
            }
            Map<String, Object> out = new LinkedHashMap<>(event);
            out.put("response", response);
            return out;
        }
    }

    /** CreateAuthChallenge of a question-and-answer design: "What colour is the sky?", answer "blue" ({@link MapVerify}). */
    public static final class SkyCreate implements
            RequestHandler<CognitoUserPoolCreateAuthChallengeEvent, CognitoUserPoolCreateAuthChallengeEvent> {
        @Override
        public CognitoUserPoolCreateAuthChallengeEvent handleRequest(CognitoUserPoolCreateAuthChallengeEvent event,
                Context context) {
            event.setResponse(new CognitoUserPoolCreateAuthChallengeEvent.Response(
                    Map.of("question", "What colour is the sky?"), Map.of("answer", "blue"), "SKY"));
            return event;
        }
    }

    /** Bytes in, the same bytes out. */
    public static final class Echo implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            input.transferTo(output);
        }
    }

    /** Writes something that is not JSON. */
    public static final class NotJson implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write("<html>oops</html>".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Fails as a Node.js trigger that throws would. */
    public static final class Throwing implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalStateException("Registration from this domain is not allowed.");
        }
    }

    /** Never answers in time; counts its calls. */
    public static final class Slow implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        static final AtomicInteger calls = new AtomicInteger();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            calls.incrementAndGet();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return event;
        }
    }

    /**
     * PreTokenGeneration V2_0 written against aws-lambda-java-events: adds {@code tenant} and the scope
     * {@code orders/read} to the access token, and suppresses {@code email} in the ID token.
     */
    public static final class PreTokenV2 implements RequestHandler<
            CognitoUserPoolPreTokenGenerationEventV2,
            CognitoUserPoolPreTokenGenerationEventV2> {
        @Override
        public CognitoUserPoolPreTokenGenerationEventV2 handleRequest(
                CognitoUserPoolPreTokenGenerationEventV2 event,
                Context context) {
            event.setResponse(new CognitoUserPoolPreTokenGenerationEventV2
                    .Response(new CognitoUserPoolPreTokenGenerationEventV2
                    .ClaimsAndScopeOverrideDetails(
                    new CognitoUserPoolPreTokenGenerationEventV2
                            .IdTokenGeneration(null, new String[] {"email"}),
                    new CognitoUserPoolPreTokenGenerationEventV2
                            .AccessTokenGeneration(Map.of("tenant", "acme"), null, new String[] {"orders/read"},
                            null),
                    null)));
            return event;
        }
    }

    /** PreTokenGeneration V1_0 written against aws-lambda-java-events: the user's groups become [editors]. */
    public static final class PreTokenV1GroupOverride implements RequestHandler<
            CognitoUserPoolPreTokenGenerationEvent,
            CognitoUserPoolPreTokenGenerationEvent> {
        @Override
        public CognitoUserPoolPreTokenGenerationEvent handleRequest(
                CognitoUserPoolPreTokenGenerationEvent event,
                Context context) {
            var groups = new CognitoUserPoolPreTokenGenerationEvent
                    .GroupConfiguration(new String[] {"editors"}, new String[0], null);
            event.setResponse(new CognitoUserPoolPreTokenGenerationEvent
                    .Response(new CognitoUserPoolPreTokenGenerationEvent
                    .ClaimsOverrideDetails(Map.of("tenant", "acme"), null, groups)));
            return event;
        }
    }

    /** PreAuthentication written against aws-lambda-java-events: refuses everyone but {@code lou}. */
    public static final class PausedPreAuthentication implements RequestHandler<
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent,
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent> {
        @Override
        public com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent handleRequest(
                com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent event,
                Context context) {
            if (!"lou".equals(event.getUserName())) {
                throw new IllegalStateException("Sign-in is paused");
            }
            return event;
        }
    }

    /** CustomMessage written against aws-lambda-java-events: Acme's own sign-up email; other messages unchanged. */
    public static final class AcmeSignUpMessage implements RequestHandler<
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent,
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent> {
        @Override
        public com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent handleRequest(
                com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent event,
                Context context) {
            if ("CustomMessage_SignUp".equals(event.getTriggerSource())) {
                event.getResponse().setEmailSubject("Welcome to Acme");
                event.getResponse().setEmailMessage("<p>Welcome to Acme, "
                        + event.getRequest().getUserAttributes().get("email") + "!</p><p>Your code is <b>"
                        + event.getRequest().getCodeParameter() + "</b>.</p>");
            }
            return event;
        }
    }

    /**
     * UserMigration written against aws-lambda-java-events, as AWS's example is: a legacy directory that
     * knows {@code ada} with the password {@code Legacy-Passw0rd!}; anything else fails ("Bad password").
     */
    public static final class LegacyDirectoryMigration implements RequestHandler<
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent,
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent> {
        @Override
        public com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent handleRequest(
                com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent event, Context context) {
            boolean forgot = "UserMigration_ForgotPassword".equals(event.getTriggerSource());
            if (!"ada".equals(event.getUserName())
                    || !forgot && !"Legacy-Passw0rd!".equals(event.getRequest().getPassword())) {
                throw new IllegalStateException("Bad password");
            }
            event.setResponse(com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent.Response
                    .builder().withUserAttributes(Map.of("email", "ada@example.com", "email_verified", "true"))
                    .withFinalUserStatus("CONFIRMED").withMessageAction("SUPPRESS").build());
            return event;
        }
    }

    /**
     * UserMigration that migrates anyone as CONFIRMED with the email {@code <username>@example.com},
     * verified, and asks for the welcome message by email; the sign-in's {@code ClientMetadata}
     * {@code messageAction} (as {@code validationData}) becomes its {@code messageAction}.
     */
    public static final class WelcomingMigration implements RequestHandler<
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent,
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent> {
        @Override
        public com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent handleRequest(
                com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent event, Context context) {
            Map<String, String> validation = event.getRequest().getValidationData();
            event.setResponse(com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent.Response
                    .builder().withUserAttributes(Map.of("email", event.getUserName() + "@example.com",
                            "email_verified", "true"))
                    .withFinalUserStatus("CONFIRMED")
                    .withMessageAction(validation == null ? null : validation.get("messageAction"))
                    .withDesiredDeliveryMediums(new String[] {"EMAIL"}).build());
            return event;
        }
    }

    /** Not a handler at all. */
    public static final class NotAHandler {}
}
