package dev.tobira.core.trigger;

import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.message.Masking;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The built-in {@code tobira-email-otp} triggers: the password-then-emailed-code design of the
 * original demo, done right. The same code runs inside Tobira and in the {@code lambda} module's
 * AWS Lambda handlers.
 *
 * <ul>
 *   <li>Define: SRP_A → PASSWORD_VERIFIER → CUSTOM_CHALLENGE → tokens; at most
 *       {@link EmailOtpSettings#maxCodeAttempts()} answers; anything else fails.
 *   <li>Create: a code from the injected random source, emailed with a message that states its
 *       real validity; the masked address is the public parameter {@code email}; only the code's
 *       keyed hash and expiry are kept (in the private parameters and the challenge metadata), and a
 *       later round re-asks for the same code rather than sending another.
 *   <li>Verify: expiry enforced, constant-time comparison of keyed hashes.
 * </ul>
 */
public final class EmailOtpTriggers implements AuthChallengeTriggers {

    /** The function name that selects these triggers in any Lambda ARN. */
    public static final String FUNCTION_NAME = "tobira-email-otp";

    /** Makes the email that carries a code to a user with these attributes. */
    @FunctionalInterface
    public interface CodeEmail {
        Message compose(Map<String, String> userAttributes, String to, String code, Duration validity, Instant now);
    }

    private static final String METADATA_PREFIX = "EMAIL_OTP:";

    private final EmailOtpSettings settings;
    private final CodeHasher hasher;
    private final MessageSender sender;
    private final CodeEmail email;
    private final Clock clock;
    private final RandomGenerator random;

    public EmailOtpTriggers(EmailOtpSettings settings, CodeHasher hasher, MessageSender sender, CodeEmail email,
            Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.hasher = hasher;
        this.sender = sender;
        this.email = email;
        this.clock = clock;
        this.random = random;
    }

    /** The triggers as Tobira runs them for {@code pool}: its templates, the server's outbox and code key. */
    public static EmailOtpTriggers of(Services services, UserPool pool) {
        return new EmailOtpTriggers(services.limits().emailOtpTrigger(), services.codeHasher(), services.messages(),
                (attributes, to, code, validity, now) -> MessageTemplates.emailOtp(pool,
                        MessageTemplates.language(pool, Optional.ofNullable(attributes.get("locale"))), to, code,
                        validity, now),
                services.clock(), services.random());
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
            return answers < settings.maxCodeAttempts() ? challenge("CUSTOM_CHALLENGE") : fail();
        }
        return fail();
    }

    @Override
    public CreateResponse create(Context context, String challengeName, List<ChallengeResult> session) {
        String address = Optional.ofNullable(context.userAttributes().get("email")).orElseThrow(() ->
                new UserLambdaValidationException("CreateAuthChallenge failed with error the user has no email."));
        Optional<String> earlier = session.stream()
                .filter(c -> c.challengeName().equals("CUSTOM_CHALLENGE") && c.challengeMetadata() != null
                        && c.challengeMetadata().startsWith(METADATA_PREFIX))
                .map(ChallengeResult::challengeMetadata)
                .reduce((first, second) -> second);
        String metadata = earlier.orElseGet(() -> sendCode(context, address));
        String[] parts = metadata.split(":");
        return new CreateResponse(Map.of("email", Masking.email(address)),
                Map.of("codeHash", parts[1], "expiresAt", parts[2]), metadata);
    }

    @Override
    public boolean verify(Context context, Map<String, String> privateChallengeParameters, String challengeAnswer) {
        String codeHash = privateChallengeParameters.get("codeHash");
        String expiresAt = privateChallengeParameters.get("expiresAt");
        if (codeHash == null || expiresAt == null || challengeAnswer == null || !expiresAt.matches("\\d{1,18}")
                || !clock.instant().isBefore(Instant.ofEpochMilli(Long.parseLong(expiresAt)))) {
            return false;
        }
        String hash = hasher.hash(context.userPoolId(), context.username(), CodePurpose.SIGN_IN_CHALLENGE,
                challengeAnswer.strip());
        return CodeHasher.same(hash, codeHash);
    }

    /** Emails a new code; returns the metadata that carries its hash and expiry to later rounds. */
    private String sendCode(Context context, String address) {
        String code = CodeHasher.newCode(settings.codeLength(), random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.codeValidity());
        sender.send(email.compose(context.userAttributes(), address, code, settings.codeValidity(), now));
        return METADATA_PREFIX + hasher.hash(context.userPoolId(), context.username(), CodePurpose.SIGN_IN_CHALLENGE,
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
