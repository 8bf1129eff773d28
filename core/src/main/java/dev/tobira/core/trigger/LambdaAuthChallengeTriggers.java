package dev.tobira.core.trigger;

import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auth-challenge triggers as Lambda functions: each call becomes the event Cognito sends
 * (spec §3.2–§3.4), goes through a {@link TriggerInvoker}, and the {@code response} of the event the
 * function returns is read back strictly — a value of the wrong type is the function's error
 * ({@code InvalidLambdaResponseException}), never guessed at.
 */
public final class LambdaAuthChallengeTriggers implements AuthChallengeTriggers {

    /** What Cognito puts in {@code callerContext.awsSdkVersion} when it cannot tell the client's SDK. */
    static final String UNKNOWN_SDK = "aws-sdk-unknown-unknown";

    private final TriggerInvoker invoker;
    private final String defineArn;
    private final String createArn;
    private final String verifyArn;

    /** @param defineArn, createArn, verifyArn the pool's {@code LambdaConfig} ARNs; unused ones may be null */
    public LambdaAuthChallengeTriggers(TriggerInvoker invoker, String defineArn, String createArn, String verifyArn) {
        this.invoker = invoker;
        this.defineArn = defineArn;
        this.createArn = createArn;
        this.verifyArn = verifyArn;
    }

    @Override
    public DefineResponse define(Context context, List<ChallengeResult> session) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", context.userAttributes());
        request.put("session", session(session));
        request.put("clientMetadata", context.clientMetadata());
        request.put("userNotFound", context.userNotFound());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("challengeName", null);
        response.put("issueTokens", null);
        response.put("failAuthentication", null);
        Map<String, Object> answer = call(defineArn, "DefineAuthChallenge", context, request, response);
        return new DefineResponse(string(answer, "challengeName"), bool(answer, "issueTokens"),
                bool(answer, "failAuthentication"));
    }

    @Override
    public CreateResponse create(Context context, String challengeName, List<ChallengeResult> session) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", context.userAttributes());
        request.put("challengeName", challengeName);
        request.put("session", session(session));
        request.put("clientMetadata", context.clientMetadata());
        request.put("userNotFound", context.userNotFound());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("publicChallengeParameters", null);
        response.put("privateChallengeParameters", null);
        response.put("challengeMetadata", null);
        Map<String, Object> answer = call(createArn, "CreateAuthChallenge", context, request, response);
        return new CreateResponse(strings(answer, "publicChallengeParameters"),
                strings(answer, "privateChallengeParameters"), string(answer, "challengeMetadata"));
    }

    @Override
    public boolean verify(Context context, Map<String, String> privateChallengeParameters, String challengeAnswer) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", context.userAttributes());
        request.put("privateChallengeParameters", privateChallengeParameters);
        request.put("challengeAnswer", challengeAnswer);
        request.put("clientMetadata", context.clientMetadata());
        request.put("userNotFound", context.userNotFound());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("answerCorrect", null);
        Map<String, Object> answer = call(verifyArn, "VerifyAuthChallengeResponse", context, request, response);
        return bool(answer, "answerCorrect");
    }

    /** The whole event, in the order and shape of a real one (spec §3.2). */
    static Map<String, Object> event(String triggerSource, Context context, Map<String, Object> request,
            Map<String, Object> response) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "1");
        event.put("triggerSource", triggerSource);
        event.put("region", region(context.userPoolId()));
        event.put("userPoolId", context.userPoolId());
        event.put("userName", context.username());
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("awsSdkVersion", UNKNOWN_SDK);
        caller.put("clientId", context.clientId());
        event.put("callerContext", caller);
        event.put("request", request);
        event.put("response", response);
        return event;
    }

    private Map<String, Object> call(String arn, String triggerName, Context context, Map<String, Object> request,
            Map<String, Object> response) {
        return response(invoker.invoke(arn, triggerName, event(triggerName + "_Authentication", context, request,
                response)));
    }

    /** The {@code response} object of the event a function returned. */
    static Map<String, Object> response(Map<String, Object> returned) {
        if (!(returned.get("response") instanceof Map<?, ?> answer)) {
            throw invalid("the returned event has no response object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) answer;
        return typed;
    }

    private static List<Map<String, Object>> session(List<ChallengeResult> session) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChallengeResult c : session) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("challengeName", c.challengeName());
            entry.put("challengeResult", c.challengeResult());
            entry.put("challengeMetadata", c.challengeMetadata());
            out.add(entry);
        }
        return out;
    }

    private static String region(String userPoolId) {
        int underscore = userPoolId.indexOf('_');
        return underscore > 0 ? userPoolId.substring(0, underscore) : userPoolId;
    }

    static String string(Map<String, Object> response, String member) {
        Object value = response.get(member);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid("response." + member + " must be a string");
    }

    static boolean bool(Map<String, Object> response, String member) {
        Object value = response.get(member);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw invalid("response." + member + " must be a boolean");
    }

    /** A string map; numbers and booleans become their JSON text, as they reach a client as strings anyway. */
    static Map<String, String> strings(Map<String, Object> response, String member) {
        Object value = response.get(member);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("response." + member + " must be an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(String.valueOf(k), String.valueOf(v));
            } else if (v != null) {
                throw invalid("response." + member + "." + k + " must be a string");
            }
        });
        return out;
    }

    // The text after the colon is ours; Cognito's is only known for unparseable output ("Invalid JSON").
    static InvalidLambdaResponseException invalid(String why) {
        return new InvalidLambdaResponseException("Invalid lambda function output : " + why);
    }
}
