package dev.tobira.core.ops;

import static dev.tobira.core.ops.TriggerPool.ARN;
import static dev.tobira.core.ops.TriggerPool.PASSWORD;
import static dev.tobira.core.ops.TriggerPool.claims;
import static dev.tobira.core.ops.TriggerPool.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.pool.UserPool.LambdaVersionConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PreTokenGeneration trigger on every token issue, in its V1_0 and V2_0 events. */
class PreTokenGenerationTest {

    private static final String FUNCTION = ARN + "pre-token";

    private static TriggerPool pool(String version) {
        LambdaVersionConfig config = version == null ? null : new LambdaVersionConfig(version, FUNCTION);
        TriggerPool p = new TriggerPool(new LambdaConfig(null, null, null, null, null, null, null, null,
                version == null ? FUNCTION : null, null, config, null, null, null));
        p.createUser("lou");
        new CreateGroup(p.t.services).handle(new CreateGroup.Request("staff", p.poolId, null, null, 1));
        new AdminAddUserToGroup(p.t.services).handle(new AdminAddUserToGroup.Request(p.poolId, "lou", "staff"));
        return p;
    }

    @Test
    @DisplayName("V1_0: version 1, TokenGeneration_Authentication, the user's attributes, groupConfiguration, "
            + "clientMetadata (none from InitiateAuth, whose ClientMetadata AWS passes to other triggers only), "
            + "and a null claimsOverrideDetails to fill in")
    @SuppressWarnings("unchecked")
    void signInWhenV1ThenEventIsCognitos() {
        TriggerPool p = pool(null);

        p.adminSignIn("lou", PASSWORD, Map.of("app", "web"));

        Map<String, Object> event = p.events("TokenGeneration_Authentication").getFirst();
        assertThat(event).containsEntry("version", "1").containsEntry("userName", "lou")
                .containsEntry("userPoolId", p.poolId);
        assertThat(request(event)).containsOnlyKeys("userAttributes", "groupConfiguration", "clientMetadata")
                .containsEntry("clientMetadata", Map.of());
        Map<String, Object> groups = new HashMap<>();
        groups.put("groupsToOverride", List.of("staff"));
        groups.put("iamRolesToOverride", List.of());
        groups.put("preferredRole", null);
        assertThat(request(event).get("groupConfiguration")).isEqualTo(groups);
        assertThat((Map<String, Object>) request(event).get("userAttributes")).containsEntry("email", "lou@example.com")
                .containsEntry("cognito:user_status", "CONFIRMED").containsKey("sub");
        Map<String, Object> response = new HashMap<>();
        response.put("claimsOverrideDetails", null);
        assertThat(event.get("response")).isEqualTo(response);
    }

    @Test
    @DisplayName("V1_0: claims added to and suppressed from the ID token, groups overridden in both tokens, "
            + "on sign-in and on refresh")
    void signInAndRefreshWhenV1OverridesThenIdTokenAndGroupsChange() {
        TriggerPool p = pool(null);
        p.functions.put(FUNCTION, event -> Map.of("claimsOverrideDetails", Map.of(
                "claimsToAddOrOverride", Map.of("tenant", "acme", "email", "other@example.com", "sub", "forged"),
                "claimsToSuppress", List.of("email_verified", "iss"),
                "groupOverrideDetails", Map.of("groupsToOverride", List.of("admins", "auditors"),
                        "iamRolesToOverride", List.of("arn:aws:iam::123456789012:role/Admin"),
                        "preferredRole", "arn:aws:iam::123456789012:role/Admin"))));

        AuthResponse.AuthenticationResult signedIn = p.adminSignIn("lou", PASSWORD, null).authenticationResult();
        AuthResponse.AuthenticationResult refreshed = p.refresh(signedIn.refreshToken()).authenticationResult();

        for (AuthResponse.AuthenticationResult tokens : List.of(signedIn, refreshed)) {
            Map<String, Object> id = claims(tokens.idToken());
            assertThat(id).containsEntry("tenant", "acme").containsEntry("email", "other@example.com")
                    .doesNotContainKey("email_verified").containsKey("iss")
                    .containsEntry("cognito:groups", List.of("admins", "auditors"))
                    .containsEntry("cognito:roles", List.of("arn:aws:iam::123456789012:role/Admin"))
                    .containsEntry("cognito:preferred_role", "arn:aws:iam::123456789012:role/Admin");
            assertThat(id.get("sub")).isNotEqualTo("forged");
            Map<String, Object> access = claims(tokens.accessToken());
            assertThat(access).containsEntry("cognito:groups", List.of("admins", "auditors"))
                    .doesNotContainKey("tenant");
        }
        assertThat(p.events("TokenGeneration_RefreshTokens")).hasSize(1);
    }

    @Test
    @DisplayName("V2_0: version 2 with scopes; claims and scopes for the access token, claims for the ID token")
    void signInWhenV2ThenBothTokensAreCustomized() {
        TriggerPool p = pool("V2_0");
        p.functions.put(FUNCTION, event -> Map.of("claimsAndScopeOverrideDetails", Map.of(
                "idTokenGeneration", Map.of("claimsToSuppress", List.of("email")),
                "accessTokenGeneration", Map.of(
                        "claimsToAddOrOverride", Map.of("plan", "gold", "limits", Map.of("seats", 5)),
                        "scopesToAdd", List.of("orders/read")))));

        AuthResponse.AuthenticationResult tokens = p.signIn("lou", PASSWORD).authenticationResult();

        Map<String, Object> event = p.events.getFirst();
        assertThat(event).containsEntry("version", "2");
        assertThat(request(event)).containsEntry("scopes", List.of("aws.cognito.signin.user.admin"));
        Map<String, Object> access = claims(tokens.accessToken());
        assertThat(access).containsEntry("plan", "gold").containsEntry("limits", Map.of("seats", 5L))
                .containsEntry("scope", "aws.cognito.signin.user.admin orders/read")
                .containsEntry("cognito:groups", List.of("staff"));
        assertThat(claims(tokens.idToken())).doesNotContainKey("email").doesNotContainKey("plan");
    }

    @Test
    void signInWhenFunctionAnswersWrongTypeThenInvalidLambdaResponse() {
        TriggerPool p = pool("V2_0");
        p.functions.put(FUNCTION, event -> Map.of("claimsAndScopeOverrideDetails", Map.of(
                "accessTokenGeneration", Map.of("scopesToAdd", "orders/read"))));

        assertThatThrownBy(() -> p.signIn("lou", PASSWORD)).isInstanceOf(InvalidLambdaResponseException.class);
    }

    @Test
    void signInWhenPoolHasNoPreTokenGenerationThenNoEvent() {
        TriggerPool p = new TriggerPool(LambdaConfig.NONE);
        p.createUser("lou");

        p.signIn("lou", PASSWORD);

        assertThat(p.events).isEmpty();
    }
}
