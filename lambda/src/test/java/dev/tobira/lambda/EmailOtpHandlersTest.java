package dev.tobira.lambda;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.ChallengeResult;
import dev.tobira.core.trigger.EmailOtpTriggers;
import dev.tobira.core.trigger.EmailOtpTriggers.CodeEmail;
import dev.tobira.core.trigger.EmailOtpTriggersContract;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The contract of the built-in triggers, run through the three Lambda handlers the way Cognito and
 * the Lambda runtime run them: each call becomes the trigger's event, goes to JSON and back with the
 * Lambda runtime's own serializer, is handled, and the returned event goes through JSON again before
 * its {@code response} is read.
 */
class EmailOtpHandlersTest extends EmailOtpTriggersContract {

    @Override
    protected AuthChallengeTriggers triggers(Fixture f) {
        EmailOtpTriggers core = new EmailOtpTriggers(f.settings(), f.hasher(), f.sender(),
                CodeEmail.inDefaultWords("en"), f.clock(), f.random());
        return new ThroughHandlers(new DefineAuthChallengeHandler(core), new CreateAuthChallengeHandler(core),
                new VerifyAuthChallengeResponseHandler(core));
    }

    /** {@link AuthChallengeTriggers} over the handlers: core's records in, Lambda events through. */
    private record ThroughHandlers(DefineAuthChallengeHandler define, CreateAuthChallengeHandler create,
            VerifyAuthChallengeResponseHandler verify) implements AuthChallengeTriggers {

        @Override
        public DefineResponse define(Context context, List<ChallengeResult> session) {
            var event = envelope(new CognitoUserPoolDefineAuthChallengeEvent(), "DefineAuthChallenge", context);
            event.setRequest(new CognitoUserPoolDefineAuthChallengeEvent.Request(mutable(context.userAttributes()),
                    mutable(context.clientMetadata()), session.stream()
                            .map(c -> new CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult(c.challengeName(),
                                    c.challengeResult(), c.challengeMetadata()))
                            .toArray(CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult[]::new),
                    context.userNotFound()));
            event.setResponse(new CognitoUserPoolDefineAuthChallengeEvent.Response());
            var response = throughJson(event, e -> define.handleRequest(e, null)).getResponse();
            return new DefineResponse(response.getChallengeName(), response.getIssueTokens(),
                    response.getFailAuthentication());
        }

        @Override
        public CreateResponse create(Context context, String challengeName, List<ChallengeResult> session) {
            var event = envelope(new CognitoUserPoolCreateAuthChallengeEvent(), "CreateAuthChallenge", context);
            event.setRequest(new CognitoUserPoolCreateAuthChallengeEvent.Request(mutable(context.userAttributes()),
                    mutable(context.clientMetadata()), challengeName, session.stream()
                            .map(c -> new CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult(c.challengeName(),
                                    c.challengeResult(), c.challengeMetadata()))
                            .toArray(CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult[]::new),
                    context.userNotFound()));
            event.setResponse(new CognitoUserPoolCreateAuthChallengeEvent.Response());
            var response = throughJson(event, e -> create.handleRequest(e, null)).getResponse();
            return new CreateResponse(response.getPublicChallengeParameters(),
                    response.getPrivateChallengeParameters(), response.getChallengeMetadata());
        }

        @Override
        public boolean verify(Context context, Map<String, String> privateChallengeParameters,
                String challengeAnswer) {
            var event = envelope(new CognitoUserPoolVerifyAuthChallengeResponseEvent(),
                    "VerifyAuthChallengeResponse", context);
            event.setRequest(new CognitoUserPoolVerifyAuthChallengeResponseEvent.Request(
                    mutable(context.userAttributes()), mutable(context.clientMetadata()), challengeAnswer,
                    mutable(privateChallengeParameters), context.userNotFound()));
            event.setResponse(new CognitoUserPoolVerifyAuthChallengeResponseEvent.Response());
            return throughJson(event, e -> verify.handleRequest(e, null)).getResponse().getAnswerCorrect();
        }

        /** The common members (spec §3.2), as Cognito fills them in. */
        private static <E extends CognitoUserPoolEvent> E envelope(E event, String trigger, Context context) {
            event.setVersion("1");
            event.setTriggerSource(trigger + "_Authentication");
            event.setRegion("us-west-2");
            event.setUserPoolId(context.userPoolId());
            event.setUserName(context.username());
            event.setCallerContext(new CognitoUserPoolEvent.CallerContext("aws-sdk-unknown-unknown",
                    context.clientId()));
            return event;
        }

        private static Map<String, String> mutable(Map<String, String> map) {
            return new HashMap<>(map);
        }

        /** The event as the handler receives it from the Lambda runtime, and its result as Cognito reads it. */
        @SuppressWarnings("unchecked")
        private static <E> E throughJson(E event, UnaryOperator<E> handler) {
            PojoSerializer<E> json = LambdaEventSerializers.serializerFor((Class<E>) event.getClass(),
                    EmailOtpHandlersTest.class.getClassLoader());
            return json.fromJson(toJson(json, handler.apply(json.fromJson(toJson(json, event)))));
        }

        private static <E> String toJson(PojoSerializer<E> json, E event) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            json.toJson(event, out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
