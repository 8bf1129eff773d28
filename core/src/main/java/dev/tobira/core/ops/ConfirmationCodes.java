package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.CodeMismatchException;
import dev.tobira.core.CognitoException.ExpiredCodeException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.message.Masking;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import dev.tobira.core.trigger.CustomMessageTrigger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Confirmation codes for sign-up (spec §5.2–5.3) and forgotten passwords: 6 digits from the injected
 * random source, stored only as a keyed hash, valid 24 hours, single use; a new code supersedes the
 * old; a bounded number of wrong guesses.
 */
final class ConfirmationCodes {

    static final String MISMATCH = "Invalid verification code provided, please try again.";
    static final String EXPIRED = "Invalid code provided, please request a code again.";
    static final String ATTEMPTS = "Attempt limit exceeded, please try after some time.";

    private ConfirmationCodes() {}

    /** Where sign-up codes for {@code user} go: SMS when the phone is auto-verified, else email, if either is. */
    static Optional<Message.Channel> channel(UserPool pool, User user) {
        if (pool.autoVerifiedAttributes().contains("phone_number") && user.attribute("phone_number").isPresent()) {
            return Optional.of(Message.Channel.SMS);
        }
        if (pool.autoVerifiedAttributes().contains("email") && user.attribute("email").isPresent()) {
            return Optional.of(Message.Channel.EMAIL);
        }
        return Optional.empty();
    }

    /** A code and the message that carries it, composed before the transaction that issues it. */
    record Prepared(String code, Message message, CodeDeliveryDetails details) {}

    /**
     * A new code for {@code user} and its message by {@code channel} to the user's address, passed
     * through the pool's CustomMessage trigger as {@code source} for a request of {@code clientId} with
     * {@code clientMetadata}. Call outside any transaction (a function may take seconds, or refuse);
     * then {@link #issue} it.
     */
    static Prepared prepare(Services services, UserPool pool, User user, Message.Channel channel, Instant now,
            CustomMessageTrigger.Source source, String clientId, Map<String, String> clientMetadata) {
        return prepare(services, pool, user, channel, user.attribute(attribute(channel)).orElseThrow(), now, source,
                clientId, clientMetadata);
    }

    /** As {@link #prepare(Services, UserPool, User, Message.Channel, Instant, CustomMessageTrigger.Source, String, Map)}, to the address {@code to}. */
    static Prepared prepare(Services services, UserPool pool, User user, Message.Channel channel, String to,
            Instant now, CustomMessageTrigger.Source source, String clientId, Map<String, String> clientMetadata) {
        String code = CodeHasher.newCode(services.limits().confirmationCodeLength(), services.random());
        String attribute = attribute(channel);
        Message standard = MessageTemplates.verificationCode(pool,
                MessageTemplates.language(pool, user.attribute("locale")), channel, to, code,
                services.limits().confirmationCodeValidity(), now);
        return new Prepared(code, CustomMessages.compose(services, pool, source, clientId, user, clientMetadata,
                standard, code, null), new CodeDeliveryDetails(Masking.destination(channel, to), channel.name(),
                attribute));
    }

    /**
     * Issues a prepared code for {@code user} (superseding any earlier one) and sends its message; call
     * inside the transaction that makes the change the code is for, so both commit together.
     */
    static CodeDeliveryDetails issue(Services services, UserPool pool, User user, CodePurpose purpose, Instant now,
            Prepared prepared) {
        return issue(services, pool, user, purpose, now, Optional.empty(), prepared);
    }

    /** As {@link #issue(Services, UserPool, User, CodePurpose, Instant, Prepared)}, the code carrying {@code pendingValue}. */
    static CodeDeliveryDetails issue(Services services, UserPool pool, User user, CodePurpose purpose, Instant now,
            Optional<String> pendingValue, Prepared prepared) {
        services.codes().issue(new OneTimeCode(pool.id(), user.username(), purpose,
                services.codeHasher().hash(pool.id(), user.username(), purpose, prepared.code()), now,
                now.plus(services.limits().confirmationCodeValidity()), 0, OneTimeCode.State.ACTIVE, pendingValue));
        services.messages().send(prepared.message());
        return prepared.details();
    }

    /** The attribute a channel delivers to: {@code phone_number} for SMS, else {@code email}. */
    static String attribute(Message.Channel channel) {
        return channel == Message.Channel.SMS ? "phone_number" : "email";
    }

    /** The channel that delivers to attribute {@code name} ({@code email} or {@code phone_number}). */
    static Message.Channel channelOf(String name) {
        return name.equals("phone_number") ? Message.Channel.SMS : Message.Channel.EMAIL;
    }

    /**
     * Uses {@code code} if it is the user's active, unexpired code, and in the same transaction runs
     * {@code change} (e.g. confirming the user), so that a code is never spent without its effect.
     * Otherwise fails with the error Cognito gives: a used, superseded or expired code is
     * {@code ExpiredCodeException}, a wrong one {@code CodeMismatchException}, and past the attempt
     * limit even the right code is refused with {@code LimitExceededException}. Wrong guesses are
     * counted outside any transaction, so that failing never rolls the count back.
     */
    static <T> T use(Services services, UserPool pool, User user, CodePurpose purpose, String code, Instant now,
            Supplier<T> change) {
        Optional<OneTimeCode> active = services.codes().active(pool.id(), user.username(), purpose);
        if (active.isPresent() && active.get().failedAttempts() >= services.limits().maxFailedCodeAttempts()) {
            throw new LimitExceededException(ATTEMPTS);
        }
        String hash = services.codeHasher().hash(pool.id(), user.username(), purpose, code);
        Optional<T> changed = services.transactions().inTransaction(() ->
                services.codes().consume(pool.id(), user.username(), purpose, hash, now)
                        ? Optional.of(change.get()) : Optional.<T>empty());
        if (changed.isPresent()) {
            return changed.get();
        }
        if (services.codes().find(pool.id(), user.username(), purpose, hash).isPresent()) {
            throw new ExpiredCodeException(EXPIRED);
        }
        int failures = services.codes().recordFailure(pool.id(), user.username(), purpose);
        if (failures >= services.limits().maxFailedCodeAttempts()) {
            throw new LimitExceededException(ATTEMPTS);
        }
        throw new CodeMismatchException(MISMATCH);
    }
}
