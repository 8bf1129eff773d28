package dev.tobira.server.store;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The derived values the JDBC stores index and compare on, computed here so both databases agree. */
final class Keys {

    /** How many code points of an attribute value {@link #valueKey} keeps. */
    static final int VALUE_KEY_CODE_POINTS = 128;

    private Keys() {}

    /** What {@code users.username_key} holds: the username lower-cased unless the pool is case-sensitive. */
    static String usernameKey(String username, boolean caseSensitive) {
        return caseSensitive ? username : username.toLowerCase(Locale.ROOT);
    }

    /**
     * What {@code user_attributes.val_key} holds: the value folded code point by code point as
     * {@link String#equalsIgnoreCase} folds it (upper-case, then lower-case), cut to
     * {@value #VALUE_KEY_CODE_POINTS} code points. Values that are equal, or equal ignoring case, have
     * equal keys; a match on the key is a candidate that the full value then confirms.
     */
    static String valueKey(String value) {
        StringBuilder key = new StringBuilder(Math.min(value.length(), 2 * VALUE_KEY_CODE_POINTS));
        value.codePoints().limit(VALUE_KEY_CODE_POINTS)
                .map(cp -> Character.toLowerCase(Character.toUpperCase(cp)))
                .forEach(key::appendCodePoint);
        return key.toString();
    }

    /** A LIKE pattern (with {@code ESCAPE '\'}) that matches strings starting with {@code prefix}, wildcards and all. */
    static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 1);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /**
     * A page of at most {@code max} items out of {@code fetched}, which a query limited to {@code max + 1}
     * rows returned: one row more than the page means there is a next page, which starts after the
     * cursor of the page's last item.
     */
    static <T> Page<T> page(List<T> fetched, int max, Function<T, String> cursor) {
        List<T> items = fetched.subList(0, Math.min(fetched.size(), Math.max(max, 0)));
        Optional<String> next = fetched.size() > items.size() && !items.isEmpty()
                ? Optional.of(PageTokens.encode(cursor.apply(items.getLast())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    /** The row limit for a page of {@code max}: one more, to learn whether another page follows. */
    static int fetchSize(int max) {
        return Math.max(max, 0) + 1;
    }

    /** A listing position: creation time in epoch milliseconds and the id that breaks ties. */
    record Position(long createdMillis, String id) {

        String encode() {
            return createdMillis + "/" + id;
        }

        /** @throws InvalidParameterException when {@code cursor} is not one {@link #encode} made */
        static Position decode(String cursor) {
            int slash = cursor.indexOf('/');
            try {
                if (slash > 0) {
                    return new Position(Long.parseLong(cursor.substring(0, slash)), cursor.substring(slash + 1));
                }
            } catch (NumberFormatException e) {
                // answered below like any other token that no store made
            }
            throw new InvalidParameterException("Invalid pagination token.");
        }
    }
}
