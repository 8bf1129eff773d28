package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.Services;
import dev.tobira.core.group.Group;
import java.time.Instant;
import java.util.Optional;

/** Creates a group in a pool; a name the pool already has is {@code GroupExistsException}. */
public final class CreateGroup extends ServiceOperation<CreateGroup.Request, CreateGroup.Response> {

    /** Cognito's quota of groups per user pool. */
    static final int MAX_GROUPS = 10_000;

    public record Request(String groupName, String userPoolId, String description, String roleArn,
            Integer precedence) {}

    public record Response(Groups.GroupType group) {}

    public CreateGroup(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        // Counted before the insert: two racing creates may pass the quota by one, which harms nothing.
        if (services.groups().count(r.userPoolId()) >= MAX_GROUPS) {
            throw new LimitExceededException("The user pool has reached its limit of " + MAX_GROUPS + " groups.");
        }
        Instant now = services.clock().instant();
        Group group = new Group(r.userPoolId(), r.groupName(), Optional.ofNullable(r.description()),
                Optional.ofNullable(r.roleArn()), Optional.ofNullable(r.precedence()), now, now);
        services.groups().create(group);
        return new Response(Groups.GroupType.of(group));
    }
}
