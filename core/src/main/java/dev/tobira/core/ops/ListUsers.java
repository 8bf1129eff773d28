package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Page;
import dev.tobira.core.Services;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists a pool's users, optionally filtered by one searchable attribute ({@code name = "value"} or
 * {@code name ^= "value"}), a page at a time (60 at most).
 */
public final class ListUsers extends ServiceOperation<ListUsers.Request, ListUsers.Response> {

    public record Request(String userPoolId, List<String> attributesToGet, Integer limit, String paginationToken,
            String filter) {}

    public record Response(List<UserViews.UserType> users, String paginationToken) {}

    /** The attributes Cognito lets ListUsers filter on. */
    static final Set<String> SEARCHABLE = Set.of("username", "email", "phone_number", "name", "given_name",
            "family_name", "preferred_username", "cognito:user_status", "status", "sub");

    private static final Pattern FILTER =
            Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    public ListUsers(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        Optional<UserFilter> filter = parse(r.filter());
        int limit = r.limit() == null || r.limit() == 0 ? 60 : r.limit();
        Page<User> page = services.users().list(r.userPoolId(), filter, limit, Optional.ofNullable(r.paginationToken()));
        List<UserViews.UserType> users = page.items().stream()
                .map(u -> r.attributesToGet() == null ? UserViews.of(u)
                        : UserViews.of(u, u.attributes().stream()
                                .filter(a -> r.attributesToGet().contains(a.name())).toList()))
                .toList();
        return new Response(users, page.nextToken().orElse(null));
    }

    static Optional<UserFilter> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return Optional.empty();
        }
        Matcher m = FILTER.matcher(filter);
        if (!m.matches()) {
            throw new InvalidParameterException("Error while parsing filter.");
        }
        String attribute = m.group(1);
        if (!SEARCHABLE.contains(attribute)) {
            throw new InvalidParameterException("Invalid search attribute: " + attribute);
        }
        String value = m.group(3).replaceAll("\\\\(.)", "$1");
        return Optional.of(new UserFilter(attribute, m.group(2).equals("^="), value));
    }
}
