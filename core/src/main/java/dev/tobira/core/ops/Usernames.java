package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.UsernameExistsException;
import dev.tobira.core.Ids;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * What the name a new user is created with means (spec §5.1): in pools whose users sign in with
 * email or phone number it is that attribute, and the username becomes the {@code sub}; otherwise it
 * is the username itself.
 */
final class Usernames {

    private Usernames() {}

    /** A new user's username, {@code sub} and attributes ({@code sub} first). */
    record NewIdentity(String username, String sub, List<Attribute> attributes) {}

    /**
     * What a new user called {@code typedName} with {@code given} attributes is: in pools with username
     * attributes, the typed name is the email or phone number (added as that attribute unless given,
     * and not already anyone's) and the username is the sub; otherwise the typed name is the username,
     * which may not look like an alias.
     */
    static NewIdentity newIdentity(Services services, UserPool pool, String typedName, List<Attribute> given) {
        String sub = Ids.uuid(services.random());
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("sub", sub));
        attributes.addAll(given);
        if (!pool.usesUsernameAttributes()) {
            checkNotAliasShaped(pool, typedName);
            return new NewIdentity(typedName, sub, attributes);
        }
        String attribute = usernameAttributeFor(pool, typedName);
        if (attributes.stream().noneMatch(a -> a.name().equals(attribute))) {
            attributes.add(new Attribute(attribute, typedName));
        }
        checkUnclaimed(services, pool, attribute, typedName);
        return new NewIdentity(sub, sub, attributes);
    }

    /** Which username attribute {@code name} is, in a pool that has them; Cognito's errors otherwise. */
    private static String usernameAttributeFor(UserPool pool, String name) {
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
    private static void checkUnclaimed(Services services, UserPool pool, String attribute, String value) {
        if (!services.users().findByAttribute(pool.id(), attribute, value, !pool.caseInsensitiveUsernames())
                .isEmpty()) {
            throw new UsernameExistsException(attribute.equals("email")
                    ? "An account with the given email already exists."
                    : "An account with the given phone_number already exists.");
        }
    }

    /** In a pool with email or phone aliases, a username may not look like one (it would shadow the alias). */
    private static void checkNotAliasShaped(UserPool pool, String username) {
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
