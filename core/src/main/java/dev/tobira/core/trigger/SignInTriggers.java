package dev.tobira.core.trigger;

import dev.tobira.core.pool.UserPool.LambdaConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sign-in triggers of a pool's {@code LambdaConfig} around a user's authentication, run as Lambda
 * functions through a {@link TriggerInvoker} with Cognito's events: PreAuthentication, which may refuse a
 * sign-in (by failing) before the user's proof is checked, and PostAuthentication, told of each
 * successful sign-in before its tokens are returned (a failure there refuses the sign-in too). A
 * trigger the pool does not name is not run.
 */
public final class SignInTriggers {

    private final LambdaConfig config;
    private final TriggerInvoker invoker;

    public SignInTriggers(LambdaConfig config, TriggerInvoker invoker) {
        this.config = config == null ? LambdaConfig.NONE : config;
        this.invoker = invoker;
    }

    /**
     * Runs PreAuthentication ({@code PreAuthentication_Authentication}) for a user about to sign in:
     * {@code request} {@code userAttributes}, {@code validationData} (InitiateAuth's
     * {@code ClientMetadata}, as AWS documents it) and {@code userNotFound}; an empty {@code response}.
     *
     * @throws dev.tobira.core.CognitoException.UserLambdaValidationException when the function refuses:
     *     {@code "PreAuthentication failed with error <its message>."}
     */
    public void preAuthentication(AuthChallengeTriggers.Context user, Map<String, String> validationData) {
        if (config.preAuthentication() == null) {
            return;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", user.userAttributes());
        request.put("validationData", validationData == null ? Map.of() : validationData);
        request.put("userNotFound", user.userNotFound());
        invoker.invoke(config.preAuthentication(), "PreAuthentication",
                LambdaAuthChallengeTriggers.event("PreAuthentication_Authentication", user, request, Map.of()));
    }

    /**
     * Runs PostAuthentication ({@code PostAuthentication_Authentication}) for a user who has just
     * signed in: {@code request} {@code userAttributes}, {@code newDeviceUsed} (always false: Tobira
     * remembers no devices) and {@code clientMetadata}; an empty {@code response}.
     *
     * @throws dev.tobira.core.CognitoException.UserLambdaValidationException when the function fails
     */
    public void postAuthentication(AuthChallengeTriggers.Context user) {
        if (config.postAuthentication() == null) {
            return;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", user.userAttributes());
        request.put("newDeviceUsed", false);
        request.put("clientMetadata", user.clientMetadata());
        invoker.invoke(config.postAuthentication(), "PostAuthentication",
                LambdaAuthChallengeTriggers.event("PostAuthentication_Authentication", user, request, Map.of()));
    }
}
