package dev.tobira.lambda;

import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.message.MessageSender;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.core.trigger.EmailOtpTriggers;
import dev.tobira.core.trigger.EmailOtpTriggers.CodeEmail;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The Lambda handlers' settings, read once per cold start from the function's environment variables:
 *
 * <ul>
 *   <li>{@value #SENDER_EMAIL}: the From address of the code emails, an identity verified in SES;
 *       required by CreateAuthChallenge.
 *   <li>{@value #CODE_KEY}: base64 of at least 32 random bytes, the HMAC key of the codes; the same
 *       value for CreateAuthChallenge and VerifyAuthChallengeResponse, which both require it.
 *   <li>{@value #CODE_LENGTH} (6), {@value #VALIDITY_MINUTES} (3), {@value #MAX_ATTEMPTS} (3): see
 *       {@link EmailOtpSettings}.
 *   <li>{@value #LANGUAGE}: {@code en} (default) or {@code ja}, the language of the email for users
 *       whose {@code locale} attribute is neither.
 *   <li>{@value #SES_ENDPOINT}: replaces the SES endpoint (tests, an SES-compatible service).
 *   <li>{@value #REGION}, and the credentials, as the Lambda runtime sets them.
 * </ul>
 *
 * <p>Every failure is an {@link IllegalStateException} that names the variables at fault and never
 * quotes the code key.
 */
final class HandlerConfig {

    static final String SENDER_EMAIL = "TOBIRA_SENDER_EMAIL";
    static final String CODE_KEY = "TOBIRA_CODE_KEY";
    static final String CODE_LENGTH = "TOBIRA_EMAIL_OTP_CODE_LENGTH";
    static final String VALIDITY_MINUTES = "TOBIRA_EMAIL_OTP_VALIDITY_MINUTES";
    static final String MAX_ATTEMPTS = "TOBIRA_EMAIL_OTP_MAX_ATTEMPTS";
    static final String LANGUAGE = "TOBIRA_LANGUAGE";
    static final String SES_ENDPOINT = "TOBIRA_SES_ENDPOINT";
    static final String REGION = "AWS_REGION";

    /** Stands in for the sender of handlers that never send: a call would be a bug, not a delivery. */
    private static final MessageSender NO_EMAIL = message -> {
        throw new IllegalStateException("This trigger sends no email");
    };

    private final Map<String, String> environment;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    HandlerConfig(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * DefineAuthChallenge decides from the session list alone: it neither hashes nor sends, so it
     * gets a throwaway key rather than the function needing {@value #CODE_KEY}.
     */
    EmailOtpTriggers defineTriggers() {
        byte[] throwaway = new byte[32];
        random.nextBytes(throwaway);
        return new EmailOtpTriggers(settings(), new CodeHasher(throwaway), NO_EMAIL, codeEmail(), clock, random);
    }

    /** CreateAuthChallenge: needs the sender address, the code key and the region for SES. */
    EmailOtpTriggers createTriggers() {
        require("CreateAuthChallengeHandler", SENDER_EMAIL, CODE_KEY, REGION);
        EmailOtpSettings settings = settings();
        CodeEmail email = codeEmail();
        CodeHasher hasher = codeHasher();
        SesEmailSender ses = SesEmailSender.create(value(SENDER_EMAIL).orElseThrow(),
                Region.of(value(REGION).orElseThrow()), sesEndpoint(), credentials());
        return new EmailOtpTriggers(settings, hasher, ses, email, clock, random);
    }

    /** VerifyAuthChallengeResponse: needs the code key; the expiry travels in the private parameters. */
    EmailOtpTriggers verifyTriggers() {
        require("VerifyAuthChallengeResponseHandler", CODE_KEY);
        return new EmailOtpTriggers(settings(), codeHasher(), NO_EMAIL, codeEmail(), clock, random);
    }

    private void require(String handler, String... names) {
        List<String> missing = Stream.of(names).filter(name -> value(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(handler + " cannot start: set the environment variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (see lambda/README.md)");
        }
    }

    /** The variable's value without surrounding white space; empty when unset or blank. */
    private Optional<String> value(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private EmailOtpSettings settings() {
        EmailOtpSettings d = EmailOtpSettings.DEFAULT;
        int length = number(CODE_LENGTH, d.codeLength());
        int minutes = number(VALIDITY_MINUTES, (int) d.codeValidity().toMinutes());
        int attempts = number(MAX_ATTEMPTS, d.maxCodeAttempts());
        try {
            return new EmailOtpSettings(length, Duration.ofMinutes(minutes), attempts);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(CODE_LENGTH + "=" + length + ", " + VALIDITY_MINUTES + "=" + minutes
                    + ", " + MAX_ATTEMPTS + "=" + attempts + ": " + e.getMessage(), e);
        }
    }

    private int number(String name, int fallback) {
        Optional<String> v = value(name);
        try {
            return v.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number, not '" + v.orElseThrow() + "'");
        }
    }

    /** The user's {@code locale} first, then {@value #LANGUAGE}, in Tobira's default words. */
    private CodeEmail codeEmail() {
        String language = value(LANGUAGE).map(l -> l.toLowerCase(Locale.ROOT)).orElse(MessageTemplates.EN);
        if (!language.equals(MessageTemplates.EN) && !language.equals(MessageTemplates.JA)) {
            throw new IllegalStateException(LANGUAGE + " must be en or ja, not '" + language + "'");
        }
        return CodeEmail.inDefaultWords(language);
    }

    private CodeHasher codeHasher() {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value(CODE_KEY).orElseThrow());
        } catch (IllegalArgumentException e) {
            // The message of the decoder's exception may quote the key: it is not kept.
            throw new IllegalStateException(CODE_KEY + " must be base64 (e.g. the output of openssl rand -base64 32)");
        }
        if (key.length < 32) {
            throw new IllegalStateException(CODE_KEY + " must decode to at least 32 bytes, not " + key.length);
        }
        return new CodeHasher(key);
    }

    private Optional<URI> sesEndpoint() {
        return value(SES_ENDPOINT).map(v -> {
            try {
                URI uri = new URI(v);
                if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                return uri;
            } catch (Exception e) {
                throw new IllegalStateException(SES_ENDPOINT + " must be an http(s) URL, not '" + v + "'");
            }
        });
    }

    /**
     * The function role's credentials, which the Lambda runtime puts in the environment; read from the
     * same map as everything else, so a test can give its own. Without them, the SDK's default chain
     * (container credentials with SnapStart, a profile when embedded elsewhere).
     */
    private AwsCredentialsProvider credentials() {
        Optional<String> id = value("AWS_ACCESS_KEY_ID");
        Optional<String> secret = value("AWS_SECRET_ACCESS_KEY");
        if (id.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        Optional<String> token = value("AWS_SESSION_TOKEN");
        AwsCredentials credentials = token.isPresent()
                ? AwsSessionCredentials.create(id.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(id.get(), secret.get());
        return StaticCredentialsProvider.create(credentials);
    }
}
