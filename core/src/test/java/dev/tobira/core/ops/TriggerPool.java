package dev.tobira.core.ops;

import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.Limits;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.core.user.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A pool whose Lambda triggers are fakes: each ARN answers with the {@code response} a test sets (or
 * throws what the test makes it throw), and every event is recorded. Its client allows the password
 * flows and refresh; the pool auto-verifies email, so that SignUp sends a code.
 */
final class TriggerPool {

    static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    static final String PASSWORD = "Right-Passw0rd!";

    final List<Map<String, Object>> events = new ArrayList<>();
    /** By ARN: the function, from the event to its {@code response}; an ARN with none answers {}. */
    final Map<String, UnaryOperator<Map<String, Object>>> functions = new HashMap<>();
    final TestServices t;
    final String poolId;
    final String clientId;

    TriggerPool(LambdaConfig config) {
        TriggerInvoker invoker = (arn, trigger, event) -> {
            events.add(event);
            Map<String, Object> out = new LinkedHashMap<>(event);
            out.put("response", functions.getOrDefault(arn, e -> Map.of()).apply(event));
            return out;
        };
        t = new TestServices(Limits.DEFAULT, invoker);
        poolId = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, config,
                List.of("email"), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null)).userPool().id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null,
                null, null, null, null, null, null, null,
                List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH",
                        "ALLOW_REFRESH_TOKEN_AUTH"),
                null, null, null, null, null, null, null, null, null, null, null, null, null)).userPoolClient()
                .clientId();
    }

    /** A pool's LambdaConfig with only the named triggers set, each to {@link #ARN} + its name. */
    static LambdaConfig lambdaConfig(String... triggers) {
        List<String> names = List.of(triggers);
        return new LambdaConfig(arn(names, "preSignUp"), arn(names, "customMessage"), arn(names, "postConfirmation"),
                arn(names, "preAuthentication"), arn(names, "postAuthentication"), null, null, null,
                arn(names, "preTokenGeneration"), arn(names, "userMigration"), null, null, null, null);
    }

    private static String arn(List<String> names, String trigger) {
        return names.contains(trigger) ? ARN + trigger : null;
    }

    /** A confirmed user with {@link #PASSWORD} and a verified email, created without any message. */
    void createUser(String username) {
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, username,
                List.of(new Attribute("email", username + "@example.com"), new Attribute("email_verified", "true")),
                null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, username, PASSWORD,
                true));
        events.clear();
    }

    AuthResponse adminSignIn(String username, String password, Map<String, String> clientMetadata) {
        return new AdminInitiateAuth(t.services).handle(new AdminInitiateAuth.Request(poolId, clientId,
                "ADMIN_USER_PASSWORD_AUTH", Map.of("USERNAME", username, "PASSWORD", password), clientMetadata, null,
                null, null));
    }

    AuthResponse signIn(String username, String password) {
        return new InitiateAuth(t.services).handle(new InitiateAuth.Request("USER_PASSWORD_AUTH",
                Map.of("USERNAME", username, "PASSWORD", password), null, clientId, null, null, null));
    }

    AuthResponse refresh(String refreshToken) {
        return new InitiateAuth(t.services).handle(new InitiateAuth.Request("REFRESH_TOKEN_AUTH",
                Map.of("REFRESH_TOKEN", refreshToken), null, clientId, null, null, null));
    }

    /** The recorded events of one trigger source. */
    List<Map<String, Object>> events(String triggerSource) {
        return events.stream().filter(e -> triggerSource.equals(e.get("triggerSource"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> request(Map<String, Object> event) {
        return (Map<String, Object>) event.get("request");
    }

    static Map<String, Object> claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
