package dev.tobira.core.ops;

import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.SignInTriggers;
import dev.tobira.core.trigger.TokenGenerationTrigger;
import dev.tobira.core.pool.PasswordPolicyCheck;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sign-in state machine behind InitiateAuth, RespondToAuthChallenge and their Admin forms
 * (spec §2–§5): which flows a client may use, the password flows, the challenges that follow, and
 * the session that carries a sign-in from one call to the next.
 */
final class SignInFlow {

    static final String INVALID_SESSION = "Invalid session for the user.";
    static final String EXPIRED_SESSION = "Invalid session for the user, session is expired.";
    static final String PASSWORD_RESET_REQUIRED = "Password reset required for the user";

    private final Services services;
    private final UserPool pool;
    private final UserPoolClient client;
    private final boolean admin;
    private final Map<String, String> clientMetadata;
    private final Map<String, String> initiateMetadata;

    SignInFlow(Services services, UserPool pool, UserPoolClient client, boolean admin) {
        this(services, pool, client, admin, Map.of());
    }

    /** @param clientMetadata a RespondToAuthChallenge's {@code ClientMetadata}, passed on to the triggers */
    SignInFlow(Services services, UserPool pool, UserPoolClient client, boolean admin,
            Map<String, String> clientMetadata) {
        this(services, pool, client, admin, clientMetadata, Map.of());
    }

    private SignInFlow(Services services, UserPool pool, UserPoolClient client, boolean admin,
            Map<String, String> clientMetadata, Map<String, String> initiateMetadata) {
        this.services = services;
        this.pool = pool;
        this.client = client;
        this.admin = admin;
        this.clientMetadata = clientMetadata == null ? Map.of() : Map.copyOf(clientMetadata);
        this.initiateMetadata = initiateMetadata == null ? Map.of() : Map.copyOf(initiateMetadata);
    }

    /**
     * The flow of an InitiateAuth call. Its {@code ClientMetadata} reaches only the PreAuthentication and
     * UserMigration triggers (and PreSignUp), as AWS documents InitiateAuth's ClientMetadata; the other
     * triggers of the call see none.
     */
    static SignInFlow initiating(Services services, UserPool pool, UserPoolClient client, boolean admin,
            Map<String, String> clientMetadata) {
        return new SignInFlow(services, pool, client, admin, Map.of(), clientMetadata);
    }

    /** The app client the sign-in goes through. */
    String clientId() {
        return client.clientId();
    }

    /** The ClientMetadata the triggers of a RespondToAuthChallenge get; empty in an InitiateAuth. */
    Map<String, String> clientMetadata() {
        return clientMetadata;
    }

    /** The ClientMetadata PreAuthentication and UserMigration get: InitiateAuth's, else RespondToAuthChallenge's. */
    Map<String, String> authenticationMetadata() {
        return initiateMetadata.isEmpty() ? clientMetadata : initiateMetadata;
    }

    AuthResponse initiate(String authFlow, Map<String, String> parameters) {
        return initiate(authFlow, parameters, null);
    }

    /**
     * @param session the request's top-level {@code Session}: only USER_AUTH reads it, for the
     *     sign-in that ConfirmSignUp's session allows (spec §4.5)
     */
    AuthResponse initiate(String authFlow, Map<String, String> parameters, String session) {
        Map<String, String> params = parameters == null ? Map.of() : parameters;
        return switch (authFlow) {
            case "USER_PASSWORD_AUTH" -> {
                requireFlow(!admin, "ALLOW_USER_PASSWORD_AUTH", authFlow);
                yield passwordAuth(params);
            }
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> {
                requireFlow(admin, "ALLOW_ADMIN_USER_PASSWORD_AUTH", authFlow);
                yield passwordAuth(params);
            }
            case "USER_SRP_AUTH" -> {
                requireFlow(true, "ALLOW_USER_SRP_AUTH", authFlow);
                yield SrpSignIn.initiate(services, pool, client, this, params);
            }
            case "CUSTOM_AUTH" -> {
                requireFlow(true, "ALLOW_CUSTOM_AUTH", authFlow);
                yield CustomSignIn.initiate(services, pool, client, this, params);
            }
            case "USER_AUTH" -> {
                requireFlow(true, "ALLOW_USER_AUTH", authFlow);
                yield ChoiceSignIn.initiate(services, pool, client, this, params, session);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                requireFlow(true, "ALLOW_REFRESH_TOKEN_AUTH", authFlow);
                yield SignInTokens.refresh(services, pool, client, PasswordSignIn.required(params, "REFRESH_TOKEN"),
                        params.get("SECRET_HASH"));
            }
            default -> throw new CognitoException.UnsupportedOperationException(
                    "Tobira does not implement the " + authFlow + " flow yet.");
        };
    }

    AuthResponse respond(String challengeName, Map<String, String> responses, String session) {
        Map<String, String> r = responses == null ? Map.of() : responses;
        return switch (challengeName) {
            case "NEW_PASSWORD_REQUIRED" -> newPassword(r, session);
            case "PASSWORD_VERIFIER" -> SrpSignIn.verify(services, pool, client, this, r, session);
            case "CUSTOM_CHALLENGE" -> CustomSignIn.answer(services, pool, client, this, r, session);
            case "SELECT_CHALLENGE", "PASSWORD", "PASSWORD_SRP" ->
                    ChoiceSignIn.select(services, pool, client, this, challengeName, r, session);
            case "EMAIL_OTP", "SMS_OTP" -> SignInCodes.answer(services, pool, client, this, challengeName, r, session);
            case "WEB_AUTHN" -> PasskeySignIn.answer(services, pool, client, this, r, session);
            default -> throw new CognitoException.UnsupportedOperationException(
                    "Tobira does not implement the " + challengeName + " challenge yet.");
        };
    }

    /**
     * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the password in clear, checked against the verifier.
     * A name the pool does not know goes to the UserMigration trigger first, if the pool has one.
     */
    private AuthResponse passwordAuth(Map<String, String> params) {
        String username = PasswordSignIn.required(params, "USERNAME");
        String password = PasswordSignIn.required(params, "PASSWORD");
        AppClients.checkSecretHash(client, username, params.get("SECRET_HASH"));
        // One look-up on the hot path; a second only after a UserMigration trigger made the user.
        Optional<User> found = Users.lookUp(services, pool, username);
        if (found.isEmpty()) {
            // UserMigration_Authentication: these flows carry the password itself, which becomes the user's.
            UserMigrations.migrate(services, pool, client, username, SignInTriggers.MigrationSource.Authentication,
                    password, authenticationMetadata())
                    .filter(migrated -> migrated.status() == UserStatus.RESET_REQUIRED)
                    .ifPresent(migrated -> {
                        throw new CognitoException.PasswordResetRequiredException(PASSWORD_RESET_REQUIRED);
                    });
            found = Users.lookUp(services, pool, username);
        }
        User user = PasswordSignIn.signableUser(client, found);
        preAuthentication(user);
        PasswordSignIn.prove(services, pool, user, PasswordSignIn.matches(pool, user, password));
        return afterPassword(user);
    }

    /** Runs the pool's PreAuthentication trigger for {@code user}, who is about to prove who they are. */
    void preAuthentication(User user) {
        new SignInTriggers(pool.lambdaConfig(), services.triggers()).preAuthentication(
                AuthChallengeTriggers.Context.of(client.clientId(), user, clientMetadata), authenticationMetadata());
    }

    /** What follows a proven password: a new one if the current is temporary, else the tokens. */
    AuthResponse afterPassword(User user) {
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            Map<String, String> attributes = user.attributes().stream()
                    .filter(a -> !a.name().equals("sub"))
                    .collect(Collectors.toMap(Attribute::name, Attribute::value, (a, b) -> a, LinkedHashMap::new));
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("USER_ID_FOR_SRP", user.username());
            // Clients JSON.parse both, so both are always present, as JSON strings (spec §5.4).
            parameters.put("requiredAttributes", "[]");
            parameters.put("userAttributes", json(attributes));
            return AuthResponse.challenge("NEW_PASSWORD_REQUIRED",
                    openSession(AuthSession.Kind.NEW_PASSWORD_REQUIRED, user.username(), Map.of()), parameters);
        }
        return AuthResponse.tokens(SignInTokens.signIn(services, pool, client, user,
                TokenGenerationTrigger.Source.Authentication, clientMetadata));
    }

    /** NEW_PASSWORD_REQUIRED: the new password (checked against the policy) replaces the temporary one. */
    private AuthResponse newPassword(Map<String, String> r, String session) {
        String username = PasswordSignIn.required(r, "USERNAME");
        AppClients.checkSecretHash(client, username, r.get("SECRET_HASH"));
        AuthSession pending = session(session, AuthSession.Kind.NEW_PASSWORD_REQUIRED);
        User user = Users.lookUp(services, pool, username)
                .filter(u -> u.username().equals(pending.username()))
                .orElseThrow(() -> new NotAuthorizedException(INVALID_SESSION));
        String newPassword = PasswordSignIn.required(r, "NEW_PASSWORD");
        PasswordPolicyCheck.check(pool.policies().passwordPolicy(), newPassword);
        Instant now = services.clock().instant();
        User changed = user.withPassword(Verifiers.create(pool.srpPoolName(), user.username(), newPassword,
                services.random()), Optional.empty(), UserStatus.CONFIRMED, now);
        services.transactions().inTransaction(() -> {
            if (new Sessions(services.sessions(), services.random()).consume(session).isEmpty()) {
                throw new NotAuthorizedException(INVALID_SESSION);
            }
            Pools.save(services, changed);
            return changed;
        });
        return AuthResponse.tokens(SignInTokens.signIn(services, pool, client, changed,
                TokenGenerationTrigger.Source.NewPasswordChallenge, clientMetadata));
    }

    /** The pending sign-in step {@code value} names, if it is this client's, of this kind and unexpired. */
    AuthSession session(String value, AuthSession.Kind kind) {
        if (value == null) {
            throw new NotAuthorizedException(INVALID_SESSION);
        }
        AuthSession found = new Sessions(services.sessions(), services.random()).find(value)
                .filter(s -> s.kind() == kind && s.clientId().equals(client.clientId())
                        && s.userPoolId().equals(pool.id()))
                .orElseThrow(() -> new NotAuthorizedException(INVALID_SESSION));
        if (found.expired(services.clock().instant())) {
            throw new NotAuthorizedException(EXPIRED_SESSION);
        }
        return found;
    }

    /** Opens a pending step that lasts the client's AuthSessionValidity (3 minutes unless set). */
    String openSession(AuthSession.Kind kind, String username, Map<String, String> data) {
        Instant now = services.clock().instant();
        Duration validity = sessionValidity();
        return new Sessions(services.sessions(), services.random()).open(new AuthSession(pool.id(),
                client.clientId(), username, kind, now, now.plus(validity), data));
    }

    /** How long each step of a sign-in may wait for its answer: the client's AuthSessionValidity (spec §3.5). */
    Duration sessionValidity() {
        return client.authSessionDuration();
    }

    private void requireFlow(boolean allowedHere, String allowFlag, String authFlow) {
        if (!allowedHere) {
            throw new InvalidParameterException("Initiate Auth method not supported.");
        }
        boolean legacy = allowFlag.equals("ALLOW_ADMIN_USER_PASSWORD_AUTH") && client.allows("ADMIN_NO_SRP_AUTH")
                || allowFlag.equals("ALLOW_USER_PASSWORD_AUTH") && client.allows("USER_PASSWORD_AUTH");
        if (!client.allows(allowFlag) && !legacy) {
            throw new InvalidParameterException(authFlow + " flow not enabled for this client");
        }
    }

    /** A flat string map as a JSON object: what Cognito puts in string-typed challenge parameters. */
    private static String json(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
