package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.UsernameExistsException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import java.util.List;

/**
 * What the name a new user is created with means (spec §5.1): in pools whose users sign in with
 * email or phone number it is that attribute, and the username becomes the {@code sub}; otherwise it
 * is the username itself.
 */
final class Usernames {

    private Usernames() {}

    /** Which username attribute {@code name} is, in a pool that has them; Cognito's errors otherwise. */
    static String usernameAttributeFor(UserPool pool, String name) {
        boolean looksLikeEmail = name.contains("@");
        boolean looksLikePhone = name.matches("\\+[0-9]{4,15}");
        List<String> allowed = pool.usernameAttributes();
        if (allowed.contains("email") && looksLikeEmail) {
            return "email";
        }
        if (allowed.contains("phone_number") && looksLikePhone) {
            return "phone_number";
        }
        if (allowed.size() == 2) {
            throw new InvalidParameterException("Username should be either an email or a phone number.");
        }
        throw new InvalidParameterException(allowed.contains("email")
                ? "Username should be an email." : "Username should be a phone number.");
    }

    /** In a pool with username attributes: another user already has this email or phone number. */
    static void checkUnclaimed(Services services, UserPool pool, String attribute, String value) {
        if (!services.users().findByAttribute(pool.id(), attribute, value, !pool.caseInsensitiveUsernames())
                .isEmpty()) {
            throw new UsernameExistsException(attribute.equals("email")
                    ? "An account with the given email already exists."
                    : "An account with the given phone_number already exists.");
        }
    }

    /** In a pool with email or phone aliases, a username may not look like one (it would shadow the alias). */
    static void checkNotAliasShaped(UserPool pool, String username) {
        if (pool.aliasAttributes().contains("email") && username.contains("@")) {
            throw new InvalidParameterException(
                    "Username cannot be of email format, since user pool is configured for email alias.");
        }
        if (pool.aliasAttributes().contains("phone_number") && username.matches("\\+[0-9]{4,15}")) {
            throw new InvalidParameterException(
                    "Username cannot be of phone format, since user pool is configured for phone alias.");
        }
    }
}
