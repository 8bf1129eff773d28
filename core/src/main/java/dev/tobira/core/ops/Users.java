package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import java.util.List;
import java.util.Optional;

/**
 * How a name that a caller gives finds a user: the internal username; in pools whose users sign in
 * with email or phone number, that attribute; in pools with alias attributes, a verified alias.
 */
final class Users {

    private Users() {}

    static Optional<User> lookUp(Services services, UserPool pool, String name) {
        boolean caseSensitive = !pool.caseInsensitiveUsernames();
        Optional<User> byUsername = services.users().find(pool.id(), name, caseSensitive);
        if (byUsername.isPresent()) {
            return byUsername;
        }
        for (String attribute : pool.usernameAttributes()) {
            Optional<User> match = single(services.users().findByAttribute(pool.id(), attribute, name, caseSensitive));
            if (match.isPresent()) {
                return match;
            }
        }
        for (String alias : pool.aliasAttributes()) {
            List<User> matches = services.users().findByAttribute(pool.id(), alias, name, caseSensitive).stream()
                    .filter(u -> isVerifiedAlias(u, alias))
                    .toList();
            Optional<User> match = single(matches);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** The user whose {@code sub} is exactly {@code sub} (subs are unique and never change case). */
    static Optional<User> bySub(Services services, UserPool pool, String sub) {
        return single(services.users().findByAttribute(pool.id(), "sub", sub, true));
    }

    /** preferred_username needs no verification; email and phone_number only count once verified. */
    private static boolean isVerifiedAlias(User user, String alias) {
        return switch (alias) {
            case "email" -> user.attribute("email_verified").filter("true"::equals).isPresent();
            case "phone_number" -> user.attribute("phone_number_verified").filter("true"::equals).isPresent();
            default -> true;
        };
    }

    private static Optional<User> single(List<User> users) {
        return users.size() == 1 ? Optional.of(users.getFirst()) : Optional.empty();
    }
}
