package dev.tobira.core.trigger;

import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.token.GroupClaims;
import dev.tobira.core.token.TokenCustomization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's PreTokenGeneration trigger, run before every token issue (sign-in, new password, refresh)
 * through a {@link TriggerInvoker} with Cognito's event, in the version the pool's
 * {@code PreTokenGenerationConfig.LambdaVersion} names ({@code V1_0} when it names none, as for a pool
 * that only sets {@code PreTokenGeneration}):
 *
 * <ul>
 *   <li>V1_0 ({@code version "1"}): {@code request} {@code userAttributes}, {@code groupConfiguration},
 *       {@code clientMetadata}; the function answers {@code claimsOverrideDetails} with
 *       {@code claimsToAddOrOverride} (strings), {@code claimsToSuppress} and
 *       {@code groupOverrideDetails}, for the ID token (and groups in both tokens).
 *   <li>V2_0 and V3_0 ({@code version "2"} / {@code "3"}): the request adds {@code scopes}; the function
 *       answers {@code claimsAndScopeOverrideDetails} with {@code idTokenGeneration}
 *       ({@code claimsToAddOrOverride}, {@code claimsToSuppress}), {@code accessTokenGeneration} (the
 *       same, and {@code scopesToAdd}, {@code scopesToSuppress}) and {@code groupOverrideDetails}; claim
 *       values may be any JSON.
 * </ul>
 * A {@code groupOverrideDetails} that is absent or null keeps the user's groups; an object replaces them
 * (an empty one leaves none). A member of the wrong type is the function's error
 * ({@code InvalidLambdaResponseException}).
 */
public final class TokenGenerationTrigger {

    /** Where tokens are being issued: the event's {@code triggerSource} is {@code TokenGeneration_<source>}. */
    public enum Source { HostedAuth, Authentication, NewPasswordChallenge, AuthenticateDevice, RefreshTokens }

    private final LambdaConfig config;
    private final TriggerInvoker invoker;

    public TokenGenerationTrigger(LambdaConfig config, TriggerInvoker invoker) {
        this.config = config == null ? LambdaConfig.NONE : config;
        this.invoker = invoker;
    }

    /** The function's ARN: {@code PreTokenGeneration}, else {@code PreTokenGenerationConfig.LambdaArn}. */
    private Optional<String> arn() {
        if (config.preTokenGeneration() != null) {
            return Optional.of(config.preTokenGeneration());
        }
        return Optional.ofNullable(config.preTokenGenerationConfig()).map(c -> c.lambdaArn());
    }

    /** {@code V1_0}, {@code V2_0} or {@code V3_0}: the event version the pool asked for. */
    String lambdaVersion() {
        return Optional.ofNullable(config.preTokenGenerationConfig()).map(c -> c.lambdaVersion())
                .orElse("V1_0");
    }

    /**
     * Runs the trigger for tokens about to be issued to {@code user}; {@link TokenCustomization#NONE}
     * when the pool has none.
     *
     * @param groups the group claims the tokens would carry
     * @param scopes the access token's scopes before the function's changes
     */
    public TokenCustomization customize(Source source, AuthChallengeTriggers.Context user, GroupClaims groups,
            List<String> scopes) {
        Optional<String> arn = arn();
        if (arn.isEmpty()) {
            return TokenCustomization.NONE;
        }
        boolean v1 = "V1_0".equals(lambdaVersion());
        Map<String, Object> groupConfiguration = new LinkedHashMap<>();
        groupConfiguration.put("groupsToOverride", groups.groups());
        groupConfiguration.put("iamRolesToOverride", groups.roles());
        groupConfiguration.put("preferredRole", groups.preferredRole().orElse(null));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", user.userAttributes());
        if (!v1) {
            request.put("scopes", scopes);
        }
        request.put("groupConfiguration", groupConfiguration);
        request.put("clientMetadata", user.clientMetadata());
        String details = v1 ? "claimsOverrideDetails" : "claimsAndScopeOverrideDetails";
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(details, null);
        Map<String, Object> event = LambdaAuthChallengeTriggers.event("TokenGeneration_" + source.name(), user,
                request, response);
        event.put("version", v1 ? "1" : lambdaVersion().substring(1, 2));
        Map<String, Object> answer = LambdaAuthChallengeTriggers.response(
                invoker.invoke(arn.get(), "PreTokenGeneration", event));
        Map<String, Object> overrides = object(answer, details, "");
        if (overrides.isEmpty()) {
            return TokenCustomization.NONE;
        }
        Optional<GroupClaims> groupOverride = groupOverride(overrides, details + ".");
        if (v1) {
            return new TokenCustomization(
                    new LinkedHashMap<String, Object>(LambdaAuthChallengeTriggers.strings(overrides, "claimsToAddOrOverride")),
                    strings(overrides, "claimsToSuppress", details + "."), Map.of(), List.of(), List.of(), List.of(),
                    groupOverride);
        }
        Map<String, Object> id = object(overrides, "idTokenGeneration", details + ".");
        Map<String, Object> access = object(overrides, "accessTokenGeneration", details + ".");
        String idPath = details + ".idTokenGeneration.";
        String accessPath = details + ".accessTokenGeneration.";
        return new TokenCustomization(object(id, "claimsToAddOrOverride", idPath),
                strings(id, "claimsToSuppress", idPath), object(access, "claimsToAddOrOverride", accessPath),
                strings(access, "claimsToSuppress", accessPath), strings(access, "scopesToAdd", accessPath),
                strings(access, "scopesToSuppress", accessPath), groupOverride);
    }

    private static Optional<GroupClaims> groupOverride(Map<String, Object> overrides, String path) {
        if (overrides.get("groupOverrideDetails") == null) {
            return Optional.empty();
        }
        Map<String, Object> group = object(overrides, "groupOverrideDetails", path);
        String groupPath = path + "groupOverrideDetails.";
        Object preferred = group.get("preferredRole");
        if (preferred != null && !(preferred instanceof String)) {
            throw LambdaAuthChallengeTriggers.invalid("response." + groupPath + "preferredRole must be a string");
        }
        return Optional.of(new GroupClaims(strings(group, "groupsToOverride", groupPath),
                strings(group, "iamRolesToOverride", groupPath), Optional.ofNullable((String) preferred)));
    }

    /** A JSON object member; empty when absent or null. */
    private static Map<String, Object> object(Map<String, Object> parent, String member, String path) {
        Object value = parent.get(member);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw LambdaAuthChallengeTriggers.invalid("response." + path + member + " must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A JSON array of strings; empty when absent or null. */
    private static List<String> strings(Map<String, Object> parent, String member, String path) {
        Object value = parent.get(member);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw LambdaAuthChallengeTriggers.invalid("response." + path + member + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add((String) v));
        return out;
    }
}
