package dev.tobira.core.group;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A user pool group, as Cognito's {@code GroupType} describes it.
 *
 * @param groupName unique in its pool, compared case-sensitively
 * @param precedence a non-negative number; lower comes first, a group without one comes after every
 *     group with one
 * @param roleArn the IAM role that members' ID tokens name in {@code cognito:roles}
 */
public record Group(
        String userPoolId,
        String groupName,
        Optional<String> description,
        Optional<String> roleArn,
        Optional<Integer> precedence,
        Instant creationDate,
        Instant lastModifiedDate) {

    /**
     * The order of a user's groups in {@code cognito:groups}: by precedence, groups without one last;
     * Cognito documents no order among equal precedences, so the name decides, which keeps tokens stable.
     */
    public static final Comparator<Group> BY_PRECEDENCE = Comparator
            .comparing((Group g) -> g.precedence().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Group::groupName);

    public Group {
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(lastModifiedDate, "lastModifiedDate");
    }
}
