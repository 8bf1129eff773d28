package dev.tobira.core.token;

import dev.tobira.core.group.Group;
import java.util.List;
import java.util.Optional;

/**
 * The group claims of a user's tokens, as Cognito documents them (GroupType.Precedence, CreateGroup's
 * RoleArn): {@code cognito:groups} in ID and access tokens; {@code cognito:roles} and
 * {@code cognito:preferred_role} in the ID token only.
 *
 * @param groups the group names in {@link Group#BY_PRECEDENCE} order
 * @param roles the groups' distinct role ARNs, in the same order
 * @param preferredRole the role of the group with the lowest precedence among those with a role; empty
 *     when groups tied at that precedence have different roles ("If the two groups have different role
 *     ARNs, the cognito:preferred_role claim isn't set"); groups without a precedence count as one
 *     precedence below every number
 */
public record GroupClaims(List<String> groups, List<String> roles, Optional<String> preferredRole) {

    public GroupClaims {
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
    }

    public static GroupClaims of(List<Group> memberOf) {
        List<Group> ordered = memberOf.stream().sorted(Group.BY_PRECEDENCE).toList();
        List<Group> withRole = ordered.stream().filter(g -> g.roleArn().isPresent()).toList();
        Optional<String> preferred = Optional.empty();
        if (!withRole.isEmpty()) {
            Optional<Integer> best = withRole.getFirst().precedence();
            List<String> tied = withRole.stream()
                    .filter(g -> g.precedence().equals(best))
                    .map(g -> g.roleArn().orElseThrow())
                    .distinct()
                    .toList();
            preferred = tied.size() == 1 ? Optional.of(tied.getFirst()) : Optional.empty();
        }
        return new GroupClaims(ordered.stream().map(Group::groupName).toList(),
                withRole.stream().map(g -> g.roleArn().orElseThrow()).distinct().toList(), preferred);
    }
}
