package dev.tobira.core.trigger;

import dev.tobira.core.pool.UserPool.LambdaConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sign-up triggers of a pool's {@code LambdaConfig}, run as Lambda functions through a
 * {@link TriggerInvoker} with Cognito's events: PreSignUp, which may refuse a sign-up (by failing)
 * or confirm and verify it at once, and PostConfirmation, told of each confirmed user. A trigger
 * the pool does not name is not run.
 */
public final class UserLifecycleTriggers {

    /** Where a PreSignUp runs: {@code PreSignUp_SignUp} or {@code PreSignUp_AdminCreateUser}. */
    public enum SignUpSource { SignUp, AdminCreateUser }

    /** Where a PostConfirmation runs: {@code PostConfirmation_ConfirmSignUp} or {@code _ConfirmForgotPassword}. */
    public enum ConfirmationSource { ConfirmSignUp, ConfirmForgotPassword }

    /** PreSignUp's answer; {@link #NONE} when the pool has no PreSignUp trigger. */
    public record PreSignUpResponse(boolean autoConfirmUser, boolean autoVerifyEmail, boolean autoVerifyPhone) {
        public static final PreSignUpResponse NONE = new PreSignUpResponse(false, false, false);
    }

    private final LambdaConfig config;
    private final TriggerInvoker invoker;

    public UserLifecycleTriggers(LambdaConfig config, TriggerInvoker invoker) {
        this.config = config == null ? LambdaConfig.NONE : config;
        this.invoker = invoker;
    }

    /**
     * Runs PreSignUp for the user about to be created.
     *
     * @param validationData the request's {@code ValidationData} (SignUp) or {@code ValidationData}
     *     (AdminCreateUser), as names to values
     * @throws dev.tobira.core.CognitoException.UserLambdaValidationException when the function refuses
     */
    public PreSignUpResponse preSignUp(SignUpSource source, AuthChallengeTriggers.Context user,
            Map<String, String> validationData) {
        if (config.preSignUp() == null) {
            return PreSignUpResponse.NONE;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", user.userAttributes());
        request.put("validationData", validationData);
        request.put("clientMetadata", user.clientMetadata());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("autoConfirmUser", false);
        response.put("autoVerifyEmail", false);
        response.put("autoVerifyPhone", false);
        Map<String, Object> answer = LambdaAuthChallengeTriggers.response(invoker.invoke(config.preSignUp(),
                "PreSignUp", LambdaAuthChallengeTriggers.event("PreSignUp_" + source.name(), user, request, response)));
        return new PreSignUpResponse(LambdaAuthChallengeTriggers.bool(answer, "autoConfirmUser"),
                LambdaAuthChallengeTriggers.bool(answer, "autoVerifyEmail"),
                LambdaAuthChallengeTriggers.bool(answer, "autoVerifyPhone"));
    }

    /**
     * Runs PostConfirmation for a user just confirmed (whose attributes are as stored now).
     *
     * @throws dev.tobira.core.CognitoException.UserLambdaValidationException when the function fails
     */
    public void postConfirmation(ConfirmationSource source, AuthChallengeTriggers.Context user) {
        if (config.postConfirmation() == null) {
            return;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", user.userAttributes());
        request.put("clientMetadata", user.clientMetadata());
        invoker.invoke(config.postConfirmation(), "PostConfirmation",
                LambdaAuthChallengeTriggers.event("PostConfirmation_" + source.name(), user, request, Map.of()));
    }
}
