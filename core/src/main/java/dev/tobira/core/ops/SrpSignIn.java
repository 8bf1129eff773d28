package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.Sessions;
import dev.tobira.core.srp.SrpGroup;
import dev.tobira.core.srp.SrpServer;
import dev.tobira.core.srp.SrpTimestamp;
import dev.tobira.core.user.PasswordVerifier;
import dev.tobira.core.user.User;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * USER_SRP_AUTH → PASSWORD_VERIFIER (spec §2). The pending exchange (b, B, A, the user) is an auth
 * session; its session string is also what {@code SECRET_BLOCK} carries, so that clients which send
 * no {@code Session} with PASSWORD_VERIFIER (pycognito, warrant) still find it. With
 * {@code PreventUserExistenceErrors} an unknown user gets a simulated challenge, the same for the same
 * name, which no proof can pass (spec §2.5.7).
 */
final class SrpSignIn {

    static final String TIMESTAMP_FORMAT = "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.";
    /** How far a client's TIMESTAMP may be from the server's clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private SrpSignIn() {}

    static AuthResponse initiate(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            Map<String, String> params) {
        String username = PasswordSignIn.required(params, "USERNAME");
        AppClients.checkSecretHash(client, username, params.get("SECRET_HASH"));
        BigInteger a = srpA(PasswordSignIn.required(params, "SRP_A"));
        Optional<User> user = Users.lookUp(services, pool, username);
        boolean simulate = user.isEmpty() || user.get().password().isEmpty();
        if (user.isEmpty() && !"ENABLED".equals(client.preventUserExistenceErrors())) {
            throw new dev.tobira.core.CognitoException.UserNotFoundException("User does not exist.");
        }
        if (user.isPresent()) {
            flow.preAuthentication(PasswordSignIn.signableUser(services, pool, client, username));
        }
        String userId = simulate ? simulatedUserId(services, pool, username) : user.get().username();
        PasswordVerifier verifier = simulate ? simulatedVerifier(services, pool, username)
                : user.get().password().orElseThrow();
        return challenge(services, flow, userId, verifier, simulate, a, Map.of());
    }

    /**
     * The PASSWORD_VERIFIER challenge for {@code userId}: a fresh B, and a pending session that holds
     * b, B and A (plus {@code extra}, e.g. a custom-auth history), found again by Session or SECRET_BLOCK.
     */
    static AuthResponse challenge(Services services, SignInFlow flow, String userId, PasswordVerifier verifier,
            boolean simulated, BigInteger a, Map<String, String> extra) {
        SrpServer.Challenge challenge = SrpServer.challenge(verifier, services.random());
        Map<String, String> state = new LinkedHashMap<>(extra);
        state.put("A", SrpGroup.hex(a));
        state.put("b", SrpGroup.hex(challenge.b()));
        state.put("B", SrpGroup.hex(challenge.B()));
        state.put("simulated", String.valueOf(simulated));
        String session = flow.openSession(AuthSession.Kind.PASSWORD_VERIFIER, userId, state);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("SALT", verifier.saltHex());
        parameters.put("SECRET_BLOCK", Base64.getEncoder().encodeToString(session.getBytes(StandardCharsets.UTF_8)));
        parameters.put("SRP_B", challenge.srpB());
        parameters.put("USERNAME", userId);
        parameters.put("USER_ID_FOR_SRP", userId);
        return AuthResponse.challenge("PASSWORD_VERIFIER", session, parameters);
    }

    static AuthResponse verify(Services services, UserPool pool, UserPoolClient client, SignInFlow flow,
            Map<String, String> r, String sessionParameter) {
        String username = PasswordSignIn.required(r, "USERNAME");
        AppClients.checkSecretHash(client, username, r.get("SECRET_HASH"));
        byte[] secretBlock = decode(PasswordSignIn.required(r, "PASSWORD_CLAIM_SECRET_BLOCK"));
        String fromBlock = new String(secretBlock, StandardCharsets.UTF_8);
        if (sessionParameter != null && !sessionParameter.equals(fromBlock)) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
        Instant timestamp = SrpTimestamp.parse(PasswordSignIn.required(r, "TIMESTAMP"))
                .orElseThrow(() -> new InvalidParameterException(TIMESTAMP_FORMAT));
        String signature = PasswordSignIn.required(r, "PASSWORD_CLAIM_SIGNATURE");
        AuthSession pending = flow.session(fromBlock, AuthSession.Kind.PASSWORD_VERIFIER);
        // Single use: a replayed proof finds no session.
        new Sessions(services.sessions(), services.random()).consume(fromBlock)
                .orElseThrow(() -> new NotAuthorizedException(SignInFlow.INVALID_SESSION));
        if (Boolean.parseBoolean(pending.data().get("simulated"))) {
            throw new NotAuthorizedException(PasswordSignIn.INCORRECT);
        }
        User user = PasswordSignIn.signableUser(services, pool, client, pending.username());
        Instant now = services.clock().instant();
        boolean fresh = Duration.between(timestamp, now).abs().compareTo(MAX_SKEW) <= 0;
        boolean proven = fresh && username.equals(user.username()) && user.password().map(v -> {
            byte[] key = SrpServer.key(new BigInteger(pending.data().get("A"), 16),
                    new BigInteger(pending.data().get("b"), 16), new BigInteger(pending.data().get("B"), 16), v);
            return SrpServer.verify(key, pool.srpPoolName(), user.username(), secretBlock,
                    SrpTimestamp.format(timestamp), signature);
        }).orElse(false);
        PasswordSignIn.prove(services, pool, user, proven);
        if (pending.data().containsKey(CustomSignIn.HISTORY)) {
            return CustomSignIn.next(services, pool, client, flow, user,
                    CustomSignIn.append(pending.data().get(CustomSignIn.HISTORY), "PASSWORD_VERIFIER", true, null),
                    Optional.empty());
        }
        return flow.afterPassword(user);
    }

    static BigInteger srpA(String hex) {
        BigInteger a;
        try {
            a = SrpServer.parseSrpA(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("SRP_A is not a valid hexadecimal number.");
        }
        // SRP-6a: such an A fixes S = 0 whatever the password. Refused here, where it is bad input;
        // left to the proof, it reached SrpServer.key's guard and came back as an internal error.
        if (a.mod(SrpGroup.N).signum() == 0) {
            throw new InvalidParameterException("SRP_A mod N cannot be 0.");
        }
        return a;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new NotAuthorizedException(SignInFlow.INVALID_SESSION);
        }
    }

    /** The same made-up internal username for the same unknown name, so the answer reveals nothing. */
    static String simulatedUserId(Services services, UserPool pool, String username) {
        String h = services.codeHasher().hash(pool.id(), username.toLowerCase(java.util.Locale.ROOT),
                CodePurpose.SIGN_UP, "simulated-user-id");
        return new UUID(Long.parseUnsignedLong(h.substring(0, 16), 16) & 0xffffffffffff0fffL | 0x4000L,
                Long.parseUnsignedLong(h.substring(16, 32), 16) & 0x3fffffffffffffffL | 0x8000000000000000L)
                .toString();
    }

    /** A verifier for an unknown user: a stable salt per name, and a password nobody knows. */
    static PasswordVerifier simulatedVerifier(Services services, UserPool pool, String username) {
        String h = services.codeHasher().hash(pool.id(), username.toLowerCase(java.util.Locale.ROOT),
                CodePurpose.SIGN_UP, "simulated-salt");
        String salt = (h.startsWith("00") ? "7f" + h.substring(2) : h).substring(0, 32);
        byte[] unknowable = new byte[32];
        services.random().nextBytes(unknowable);
        BigInteger v = SrpGroup.G.modPow(new BigInteger(1, unknowable),
                SrpGroup.N);
        return new PasswordVerifier(salt, SrpGroup.hex(v));
    }
}
