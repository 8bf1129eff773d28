package dev.tobira.core.trigger;

import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Masking;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in {@code tobira-email-otp} triggers: the password-then-emailed-code design of the
 * original demo, done right. Define: SRP_A → PASSWORD_VERIFIER → CUSTOM_CHALLENGE → tokens, at most
 * {@link #MAX_CODE_ATTEMPTS} answers, anything else fails. Create: a 6-digit code from the injected
 * random source, emailed through the outbox with a message that states its real validity; the masked
 * address is the public parameter {@code email}; only the code's keyed hash and expiry are kept, and
 * a second round re-asks for the same code rather than sending another. Verify: constant-time
 * comparison, expiry enforced.
 */
public final class EmailOtpTriggers implements AuthChallengeTriggers {

    /** The function name that selects these triggers in any Lambda ARN. */
    public static final String FUNCTION_NAME = "tobira-email-otp";
    public static final int MAX_CODE_ATTEMPTS = 3;
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(3);
    private static final int CODE_DIGITS = 6;

    private final Services services;
    private final UserPool pool;

    public EmailOtpTriggers(Services services, UserPool pool) {
        this.services = services;
        this.pool = pool;
    }

    /** Whether {@code arn} names the built-in function (any region and account). */
    public static boolean isBuiltIn(String arn) {
        return arn != null && arn.matches("arn:aws[\\w-]*:lambda:[\\w-]*:\\d*:function:" + FUNCTION_NAME
                + "(:[\\w$-]+)?");
    }

    @Override
    public DefineResponse define(Context context, List<ChallengeResult> session) {
        if (context.userNotFound()) {
            return fail();
        }
        if (session.size() == 1 && is(session.getFirst(), "SRP_A", true)) {
            return challenge("PASSWORD_VERIFIER");
        }
        if (session.size() == 2 && is(session.get(0), "SRP_A", true) && is(session.get(1), "PASSWORD_VERIFIER", true)) {
            return challenge("CUSTOM_CHALLENGE");
        }
        if (session.size() >= 3 && session.getLast().challengeName().equals("CUSTOM_CHALLENGE")) {
            if (session.getLast().challengeResult()) {
                return new DefineResponse(null, true, false);
            }
            long answers = session.stream().filter(c -> c.challengeName().equals("CUSTOM_CHALLENGE")).count();
            return answers < MAX_CODE_ATTEMPTS ? challenge("CUSTOM_CHALLENGE") : fail();
        }
        return fail();
    }

    @Override
    public CreateResponse create(Context context, String challengeName, List<ChallengeResult> session) {
        String email = Optional.ofNullable(context.userAttributes().get("email")).orElseThrow(() ->
                new UserLambdaValidationException("CreateAuthChallenge failed with error the user has no email."));
        Optional<String> earlier = session.stream()
                .filter(c -> c.challengeName().equals("CUSTOM_CHALLENGE") && c.challengeMetadata() != null)
                .map(ChallengeResult::challengeMetadata)
                .reduce((first, second) -> second);
        String metadata = earlier.orElseGet(() -> sendCode(context, email));
        String[] parts = metadata.split(":");
        return new CreateResponse(Map.of("email", Masking.email(email)),
                Map.of("codeHash", parts[1], "expiresAt", parts[2]), metadata);
    }

    @Override
    public boolean verify(Context context, Map<String, String> privateChallengeParameters, String challengeAnswer) {
        Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(privateChallengeParameters.get("expiresAt")));
        if (!services.clock().instant().isBefore(expiresAt) || challengeAnswer == null) {
            return false;
        }
        String hash = services.codeHasher().hash(pool.id(), context.username(), CodePurpose.SIGN_IN_CHALLENGE,
                challengeAnswer.strip());
        return CodeHasher.same(hash, privateChallengeParameters.get("codeHash"));
    }

    /** Emails a new code; returns the metadata that carries its hash and expiry to later rounds. */
    private String sendCode(Context context, String email) {
        String code = CodeHasher.newCode(CODE_DIGITS, services.random());
        Instant now = services.clock().instant();
        Instant expiresAt = now.plus(CODE_VALIDITY);
        services.messages().send(MessageTemplates.emailOtp(pool,
                MessageTemplates.language(pool, Optional.ofNullable(context.userAttributes().get("locale"))), email,
                code, CODE_VALIDITY, now));
        return "EMAIL_OTP:" + services.codeHasher().hash(pool.id(), context.username(), CodePurpose.SIGN_IN_CHALLENGE,
                code) + ":" + expiresAt.toEpochMilli();
    }

    private static boolean is(ChallengeResult c, String name, boolean result) {
        return c.challengeName().equals(name) && c.challengeResult() == result;
    }

    private static DefineResponse challenge(String name) {
        return new DefineResponse(name, false, false);
    }

    private static DefineResponse fail() {
        return new DefineResponse(null, false, true);
    }
}
