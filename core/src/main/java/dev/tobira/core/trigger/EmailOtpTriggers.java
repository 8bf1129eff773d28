package dev.tobira.core.trigger;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in {@code tobira-email-otp} triggers: the password-then-emailed-code design of the
 * original demo, done right. The same code runs inside Tobira and in the {@code lambda} module's
 * AWS Lambda handlers.
 *
 * <ul>
 *   <li>Define: PASSWORD_VERIFIER → CUSTOM_CHALLENGE → tokens, in both shapes a client may begin
 *       with: an empty session (SRP_A without CHALLENGE_NAME: pycognito, the original demo's app),
 *       then [PASSWORD_VERIFIER ✓]; or [SRP_A ✓] (amazon-cognito-identity-js), then
 *       [SRP_A ✓, PASSWORD_VERIFIER ✓]. At most {@link EmailOtpSettings#maxCodeAttempts()} answers;
 *       anything else fails, including a session that does not start with a proven password. A user
 *       that does not exist ({@code userNotFound}, only with {@code PreventUserExistenceErrors}) is
 *       answered as a known one up to the password proof, whose simulated challenge no proof passes,
 *       so that the client sees "Incorrect username or password." as for a wrong password; past
 *       that, it fails, and it never reaches a code.
 *   <li>Create: a code from the injected random source, emailed with a message that states its
 *       real validity; the masked address is the public parameter {@code email}; only the code's
 *       keyed hash and expiry are kept (in the private parameters and the challenge metadata). A
 *       later round re-asks for the same code rather than sending another while that code works;
 *       once it has expired, the round emails a new one. Nothing is ever sent for a user that does
 *       not exist.
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

        /**
         * The pool's sign-in code message (its {@code EmailMfaConfiguration} where set, else the
         * default words) in the user's language: their {@code locale} attribute, else the pool's
         * language tag, else English. This is how Tobira itself runs the triggers.
         */
        static CodeEmail forPool(UserPool pool) {
            return (attributes, to, code, validity, now) -> MessageTemplates.emailOtp(pool,
                    MessageTemplates.language(pool, Optional.ofNullable(attributes.get("locale"))), to, code,
                    validity, now);
        }

        /**
         * Tobira's default words where no pool is at hand (the AWS Lambda handlers), in the language
         * of the user's {@code locale} attribute when it is English or Japanese, else in
         * {@code fallbackLanguage} ({@code "en"} or {@code "ja"}).
         */
        static CodeEmail inDefaultWords(String fallbackLanguage) {
            return (attributes, to, code, validity, now) -> MessageTemplates.emailOtp(
                    MessageTemplates.language(Optional.ofNullable(attributes.get("locale")), fallbackLanguage), to,
                    code, validity, now);
        }
    }

    private static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
    /** What Create attaches to a round: the code's keyed hash and its expiry (epoch milliseconds). */
    private static final Pattern METADATA = Pattern.compile("EMAIL_OTP:([0-9a-f]{64}):(\\d{1,18})");

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
                CodeEmail.forPool(pool), services.clock(), services.random());
    }

    /** Whether {@code arn} names the built-in function (any region and account). */
    public static boolean isBuiltIn(String arn) {
        return arn != null && arn.matches("arn:aws[\\w-]*:lambda:[\\w-]*:\\d*:function:" + FUNCTION_NAME
                + "(:[\\w$-]+)?");
    }

    @Override
    public DefineResponse define(Context context, List<ChallengeResult> session) {
        // The password proof is asked for at the start of either shape: an empty session (SRP_A sent
        // without CHALLENGE_NAME, as pycognito does) or [SRP_A ✓] (amazon-cognito-identity-js). Up to
        // here an unknown name must look like a known one (spec §2.5.7): the simulated
        // PASSWORD_VERIFIER that follows fails as a wrong password does.
        if (session.isEmpty() || session.size() == 1 && is(session.getFirst(), "SRP_A", true)) {
            return challenge("PASSWORD_VERIFIER");
        }
        if (context.userNotFound()) {
            return fail();
        }
        // Tokens only ever follow a proven password: the code is the second factor, never the only one.
        int proven = provenPassword(session);
        if (proven == 0) {
            return fail();
        }
        List<ChallengeResult> answers = session.subList(proven, session.size());
        if (!answers.stream().allMatch(c -> CUSTOM_CHALLENGE.equals(c.challengeName()))) {
            return fail();
        }
        if (answers.isEmpty()) {
            return challenge(CUSTOM_CHALLENGE);
        }
        if (answers.getLast().challengeResult()) {
            return new DefineResponse(null, true, false);
        }
        return answers.size() < settings.maxCodeAttempts() ? challenge(CUSTOM_CHALLENGE) : fail();
    }

    /**
     * How many entries of {@code session} the password proof takes: 2 for [SRP_A ✓, PASSWORD_VERIFIER ✓],
     * 1 for [PASSWORD_VERIFIER ✓], 0 when the session does not start with a proven password.
     */
    private static int provenPassword(List<ChallengeResult> session) {
        if (is(session.getFirst(), "PASSWORD_VERIFIER", true)) {
            return 1;
        }
        return session.size() >= 2 && is(session.get(0), "SRP_A", true)
                && is(session.get(1), "PASSWORD_VERIFIER", true) ? 2 : 0;
    }

    @Override
    public CreateResponse create(Context context, String challengeName, List<ChallengeResult> session) {
        String address = Optional.ofNullable(context.userAttributes().get("email"))
                .filter(a -> !a.isBlank() && !context.userNotFound())
                // A function's own failure: Tobira and Cognito both report it as the trigger's error. An
                // unknown user fails with the same words as a known one without an address.
                .orElseThrow(() -> new IllegalStateException("The user has no email address."));
        // A later round re-asks for the code already sent while it works: a wrong answer must not mail
        // a new one. Once it has expired no answer can pass, so the round sends a new code.
        Instant now = clock.instant();
        Optional<Matcher> earlier = session.stream()
                .filter(c -> CUSTOM_CHALLENGE.equals(c.challengeName()) && c.challengeMetadata() != null)
                .map(c -> METADATA.matcher(c.challengeMetadata()))
                .filter(Matcher::matches)
                .reduce((first, second) -> second)
                .filter(m -> now.isBefore(Instant.ofEpochMilli(Long.parseLong(m.group(2)))));
        String metadata = earlier.map(Matcher::group).orElseGet(() -> sendCode(context, address, now));
        Matcher parts = METADATA.matcher(metadata);
        parts.matches();
        return new CreateResponse(Map.of("email", Masking.email(address)),
                Map.of("codeHash", parts.group(1), "expiresAt", parts.group(2)), metadata);
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
    private String sendCode(Context context, String address, Instant now) {
        String code = CodeHasher.newCode(settings.codeLength(), random);
        Instant expiresAt = now.plus(settings.codeValidity());
        sender.send(email.compose(context.userAttributes(), address, code, settings.codeValidity(), now));
        return "EMAIL_OTP:" + hasher.hash(context.userPoolId(), context.username(), CodePurpose.SIGN_IN_CHALLENGE,
                code) + ":" + expiresAt.toEpochMilli();
    }

    private static boolean is(ChallengeResult c, String name, boolean result) {
        return name.equals(c.challengeName()) && c.challengeResult() == result;
    }

    private static DefineResponse challenge(String name) {
        return new DefineResponse(name, false, false);
    }

    private static DefineResponse fail() {
        return new DefineResponse(null, false, true);
    }
}
