package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.AliasExistsException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.List;

/** The rules of the two attributes Cognito verifies with a code: {@code email} and {@code phone_number}. */
final class ContactAttributes {

    /** The attributes that have a {@code *_verified} companion and are verified with a code. */
    static final List<String> VERIFIABLE = List.of("email", "phone_number");

    private ContactAttributes() {}

    /**
     * {@code name} is one of {@link #VERIFIABLE}; Cognito's text otherwise (observed for
     * GetUserAttributeVerificationCode, spec §1.2).
     */
    static void checkVerifiable(String name) {
        if (!VERIFIABLE.contains(name)) {
            throw new InvalidParameterException("Invalid attribute name. Only phone_number and email can be verified.");
        }
    }

    static String verifiedFlag(String name) {
        return name + "_verified";
    }

    /**
     * When {@code name} is an alias or username attribute of the pool, no other user may have
     * {@code value}: Cognito's {@code AliasExistsException} otherwise.
     */
    static void checkAliasFree(Services services, UserPool pool, User user, String name, String value) {
        if (!pool.usernameAttributes().contains(name) && !pool.aliasAttributes().contains(name)) {
            return;
        }
        boolean taken = services.users().findByAttribute(pool.id(), name, value, !pool.caseInsensitiveUsernames())
                .stream().anyMatch(u -> !u.username().equals(user.username()));
        if (taken) {
            throw new AliasExistsException("An account with the given " + name + " already exists.");
        }
    }

    /**
     * Whether the pool keeps the old value of {@code name} until the new one is verified
     * ({@code UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate}).
     */
    static boolean verifiedBeforeUpdate(UserPool pool, String name) {
        return pool.userAttributeUpdateSettings() != null
                && pool.userAttributeUpdateSettings().attributesRequireVerificationBeforeUpdate().contains(name);
    }

    /** No new code within the resend cooldown of the last one, as ResendConfirmationCode and ForgotPassword. */
    static void checkCooldown(Services services, UserPool pool, User user, CodePurpose purpose, Instant now) {
        services.codes().active(pool.id(), user.username(), purpose)
                .filter(code -> now.isBefore(code.issuedAt().plus(services.limits().resendCooldown())))
                .ifPresent(code -> {
                    throw new LimitExceededException(ConfirmationCodes.ATTEMPTS);
                });
    }
}
