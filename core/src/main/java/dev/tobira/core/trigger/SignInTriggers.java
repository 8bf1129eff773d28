package dev.tobira.core.trigger;

import dev.tobira.core.pool.UserPool.LambdaConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in triggers of a pool's {@code LambdaConfig} around a user's authentication, run as Lambda
 * functions through a {@link TriggerInvoker} with Cognito's events: PreAuthentication, which may refuse a
 * sign-in (by failing) before the user's proof is checked, and PostAuthentication, told of each
 * successful sign-in before its tokens are returned (a failure there refuses the sign-in too); and
 * UserMigration, asked about a user the pool does not know. A trigger the pool does not name is not run.
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

    /** Where UserMigration runs: {@code UserMigration_Authentication} or {@code UserMigration_ForgotPassword}. */
    public enum MigrationSource { Authentication, ForgotPassword }

    /**
     * What UserMigration answered for a user it knows.
     *
     * @param userAttributes the user's attributes, as names to values (never empty)
     * @param finalUserStatus {@code CONFIRMED} or {@code RESET_REQUIRED}; null when the function left it out
     * @param messageAction {@code SUPPRESS} or {@code RESEND}; null when left out
     * @param desiredDeliveryMediums {@code EMAIL} and/or {@code SMS}
     */
    public record Migration(Map<String, String> userAttributes, String finalUserStatus, String messageAction,
            List<String> desiredDeliveryMediums, boolean forceAliasCreation) {

        public Migration {
            userAttributes = Map.copyOf(userAttributes);
            desiredDeliveryMediums = List.copyOf(desiredDeliveryMediums);
        }
    }

    /** Whether the pool names a UserMigration function. */
    public boolean migrates() {
        return config.userMigration() != null;
    }

    /**
     * Runs UserMigration for {@code username}, whom the pool does not know: {@code request}
     * {@code password} (the sign-in's; absent for ForgotPassword), {@code validationData} and
     * {@code clientMetadata}; {@code response} {@code userAttributes}, {@code finalUserStatus},
     * {@code messageAction}, {@code desiredDeliveryMediums}, {@code forceAliasCreation} and
     * {@code enableSMSMFA}, all null. Empty when the pool has no such function, or the function returned
     * no attributes (it does not know the user either).
     *
     * @param unknown the event's subject: the name as typed, no attributes, the request's ClientMetadata
     * @throws dev.tobira.core.CognitoException.UserLambdaValidationException when the function fails
     * @throws dev.tobira.core.CognitoException.InvalidLambdaResponseException for members of the wrong type
     *     or value
     */
    public Optional<Migration> userMigration(MigrationSource source, AuthChallengeTriggers.Context unknown,
            String password, Map<String, String> validationData) {
        if (!migrates()) {
            return Optional.empty();
        }
        Map<String, Object> request = new LinkedHashMap<>();
        if (password != null) {
            request.put("password", password);
        }
        request.put("validationData", validationData == null ? Map.of() : validationData);
        request.put("clientMetadata", unknown.clientMetadata());
        Map<String, Object> response = new LinkedHashMap<>();
        for (String member : List.of("userAttributes", "finalUserStatus", "messageAction", "desiredDeliveryMediums",
                "forceAliasCreation", "enableSMSMFA")) {
            response.put(member, null);
        }
        Map<String, Object> answer = LambdaAuthChallengeTriggers.response(invoker.invoke(config.userMigration(),
                "UserMigration", LambdaAuthChallengeTriggers.event("UserMigration_" + source.name(), unknown, request,
                        response)));
        Map<String, String> attributes = LambdaAuthChallengeTriggers.strings(answer, "userAttributes");
        if (attributes.isEmpty()) {
            return Optional.empty();
        }
        String status = LambdaAuthChallengeTriggers.string(answer, "finalUserStatus");
        if (status != null && !List.of("CONFIRMED", "RESET_REQUIRED").contains(status)) {
            throw LambdaAuthChallengeTriggers.invalid("response.finalUserStatus must be CONFIRMED or RESET_REQUIRED");
        }
        String action = LambdaAuthChallengeTriggers.string(answer, "messageAction");
        if (action != null && !List.of("SUPPRESS", "RESEND").contains(action)) {
            throw LambdaAuthChallengeTriggers.invalid("response.messageAction must be SUPPRESS or RESEND");
        }
        Object media = answer.get("desiredDeliveryMediums");
        if (media != null && !(media instanceof List<?> list
                && list.stream().allMatch(m -> "EMAIL".equals(m) || "SMS".equals(m)))) {
            throw LambdaAuthChallengeTriggers.invalid("response.desiredDeliveryMediums must list EMAIL and/or SMS");
        }
        List<String> mediums = media == null ? List.of() : ((List<?>) media).stream().map(String::valueOf).toList();
        return Optional.of(new Migration(attributes, status, action, mediums,
                LambdaAuthChallengeTriggers.bool(answer, "forceAliasCreation")));
    }
}
