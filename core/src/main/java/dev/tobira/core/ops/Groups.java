package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.group.Group;
import java.time.Instant;

/** What the group operations share: Cognito's view of a group, its not-found error, page sizes. */
public final class Groups {

    /** Cognito's answer to a group name the pool does not have. */
    static final String NOT_FOUND = "Group not found.";

    /** A page when Limit is absent or 0, and the most one page holds (the model's QueryLimitType). */
    static final int PAGE = 60;

    private Groups() {}

    /** Cognito's {@code GroupType}: members it never set are left out. */
    public record GroupType(String groupName, String userPoolId, String description, String roleArn,
            Integer precedence, Instant lastModifiedDate, Instant creationDate) {

        static GroupType of(Group g) {
            return new GroupType(g.groupName(), g.userPoolId(), g.description().orElse(null), g.roleArn().orElse(null),
                    g.precedence().orElse(null), g.lastModifiedDate(), g.creationDate());
        }
    }

    /** The pool's group of this name. */
    static Group group(Services services, String userPoolId, String groupName) {
        return services.groups().find(userPoolId, groupName)
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
    }

    static int limit(Integer limit) {
        return limit == null || limit == 0 ? PAGE : limit;
    }
}
