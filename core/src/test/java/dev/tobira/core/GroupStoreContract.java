package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.GroupExistsException;
import dev.tobira.core.group.Group;
import dev.tobira.core.group.GroupStore;
import dev.tobira.core.pool.UserPoolStore;
import dev.tobira.core.user.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GroupStore} must meet, with the pool and user stores it is wired to (a
 * deleted user or pool takes its memberships and groups along). The in-memory, H2 and PostgreSQL
 * implementations all run these same tests.
 */
public abstract class GroupStoreContract {

    /** Empty stores, wired together. */
    public record Stores(UserPoolStore pools, UserStore users, GroupStore groups) {}

    protected abstract Stores emptyStores();

    public static final String POOL = "us-east-1_GGGGGGGGG";
    private static final String OTHER_POOL = "us-east-1_HHHHHHHHH";
    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    private UserPoolStore pools;
    private UserStore users;
    private GroupStore groups;

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        pools = stores.pools();
        users = stores.users();
        groups = stores.groups();
        for (String pool : List.of(POOL, OTHER_POOL)) {
            pools.create(Fixtures.pool(pool, T0));
            users.create(Fixtures.user(pool, "alice", "alice@example.com", T0), false);
            users.create(Fixtures.user(pool, "Bob", "bob@example.com", T0), false);
        }
    }

    private static Group group(String pool, String name) {
        return new Group(pool, name, Optional.empty(), Optional.empty(), Optional.empty(), T0, T0);
    }

    private List<String> names(Page<Group> page) {
        return page.items().stream().map(Group::groupName).toList();
    }

    @Test
    void findWhenGroupCreatedThenEqualGroupWithEveryMember() {
        Group full = new Group(POOL, "admins", Optional.of("Administrators"),
                Optional.of("arn:aws:iam::123456789012:role/Admin"), Optional.of(0), T0, T0.plusMillis(1));
        Group bare = group(POOL, "readers");
        groups.create(full);
        groups.create(bare);
        assertThat(groups.find(POOL, "admins")).contains(full);
        assertThat(groups.find(POOL, "readers")).contains(bare);
        assertThat(groups.find(POOL, "Admins")).as("names are case-sensitive").isEmpty();
        assertThat(groups.find(OTHER_POOL, "admins")).isEmpty();
    }

    @Test
    void createWhenNameTakenInThePoolThenGroupExistsAndNothingChanges() {
        groups.create(new Group(POOL, "admins", Optional.of("first"), Optional.empty(), Optional.empty(), T0, T0));
        assertThatThrownBy(() -> groups.create(group(POOL, "admins")))
                .isInstanceOf(GroupExistsException.class)
                .hasMessage("A group with the name admins already exists.");
        assertThat(groups.find(POOL, "admins").orElseThrow().description()).contains("first");
        groups.create(group(POOL, "Admins"));
        groups.create(group(OTHER_POOL, "admins"));
        assertThat(groups.count(POOL)).isEqualTo(2);
    }

    @Test
    void updateWhenGroupExistsThenReplacedWithMembersKeptAndWhenMissingThenFalse() {
        groups.create(group(POOL, "admins"));
        groups.addMember(POOL, "admins", "alice");
        Group changed = new Group(POOL, "admins", Optional.of("d"), Optional.of("arn:aws:iam::1:role/r"),
                Optional.of(7), T0, T0.plusSeconds(5));
        assertThat(groups.update(changed)).isTrue();
        assertThat(groups.find(POOL, "admins")).contains(changed);
        assertThat(groups.members(POOL, "admins", 60, Optional.empty()).items()).containsExactly("alice");
        assertThat(groups.update(group(POOL, "missing"))).isFalse();
        assertThat(groups.find(POOL, "missing")).isEmpty();
    }

    @Test
    void listWhenManyGroupsThenPagesInNameOrderWithoutGapsOrRepeats() {
        for (String name : List.of("delta", "alpha", "Charlie", "bravo", "echo")) {
            groups.create(group(POOL, name));
        }
        groups.create(group(OTHER_POOL, "zulu"));
        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<Group> page = groups.list(POOL, 2, token);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(names(page));
            token = page.nextToken();
        } while (token.isPresent());
        assertThat(seen).containsExactly("Charlie", "alpha", "bravo", "delta", "echo");
        assertThat(groups.list(POOL, 5, Optional.empty()).nextToken()).isEmpty();
    }

    @Test
    void addMemberWhenRepeatedThenOneMembershipAndWhenGroupOrUserMissingThenFalse() {
        groups.create(group(POOL, "admins"));
        assertThat(groups.addMember(POOL, "admins", "alice")).isTrue();
        assertThat(groups.addMember(POOL, "admins", "alice")).isTrue();
        assertThat(groups.addMember(POOL, "admins", "nobody")).isFalse();
        assertThat(groups.addMember(POOL, "missing", "alice")).isFalse();
        assertThat(groups.addMember(OTHER_POOL, "admins", "alice")).as("the group is another pool's").isFalse();
        assertThat(groups.members(POOL, "admins", 60, Optional.empty()).items()).containsExactly("alice");
        assertThat(groups.find(POOL, "missing")).isEmpty();
    }

    @Test
    void removeMemberWhenMemberThenTrueAndGoneAndWhenNotThenFalse() {
        groups.create(group(POOL, "admins"));
        groups.addMember(POOL, "admins", "alice");
        groups.addMember(POOL, "admins", "Bob");
        assertThat(groups.removeMember(POOL, "admins", "alice")).isTrue();
        assertThat(groups.removeMember(POOL, "admins", "alice")).isFalse();
        assertThat(groups.members(POOL, "admins", 60, Optional.empty()).items()).containsExactly("Bob");
        assertThat(groups.allGroupsOf(POOL, "alice")).isEmpty();
    }

    @Test
    void membersAndGroupsOfWhenPagedThenOrderedAndComplete() {
        for (String name : List.of("c", "a", "b")) {
            groups.create(group(POOL, name));
            groups.addMember(POOL, name, "alice");
        }
        groups.addMember(POOL, "a", "Bob");
        Page<Group> first = groups.groupsOf(POOL, "alice", 2, Optional.empty());
        assertThat(names(first)).containsExactly("a", "b");
        Page<Group> second = groups.groupsOf(POOL, "alice", 2, first.nextToken());
        assertThat(names(second)).containsExactly("c");
        assertThat(second.nextToken()).isEmpty();
        assertThat(groups.allGroupsOf(POOL, "alice")).extracting(Group::groupName).containsExactly("a", "b", "c");
        assertThat(groups.allGroupsOf(OTHER_POOL, "alice")).isEmpty();

        Page<String> members = groups.members(POOL, "a", 1, Optional.empty());
        assertThat(members.items()).containsExactly("Bob");
        assertThat(groups.members(POOL, "a", 1, members.nextToken()).items()).containsExactly("alice");
    }

    @Test
    void deleteWhenGroupHasMembersThenGroupAndMembershipsGoAndNameIsFree() {
        groups.create(group(POOL, "admins"));
        groups.addMember(POOL, "admins", "alice");
        assertThat(groups.delete(POOL, "admins")).isTrue();
        assertThat(groups.delete(POOL, "admins")).isFalse();
        assertThat(groups.allGroupsOf(POOL, "alice")).isEmpty();
        groups.create(group(POOL, "admins"));
        assertThat(groups.members(POOL, "admins", 60, Optional.empty()).items()).isEmpty();
    }

    @Test
    void deleteUserWhenMemberThenMembershipsGoAndARecreatedUserIsInNoGroup() {
        groups.create(group(POOL, "admins"));
        groups.create(group(OTHER_POOL, "admins"));
        groups.addMember(POOL, "admins", "alice");
        groups.addMember(OTHER_POOL, "admins", "alice");
        assertThat(users.delete(POOL, "alice")).isTrue();
        assertThat(groups.members(POOL, "admins", 60, Optional.empty()).items()).isEmpty();
        users.create(Fixtures.user(POOL, "alice", "alice@example.com", T0), false);
        assertThat(groups.allGroupsOf(POOL, "alice")).isEmpty();
        assertThat(groups.allGroupsOf(OTHER_POOL, "alice")).extracting(Group::groupName).containsExactly("admins");
    }

    @Test
    void deletePoolWhenItHasGroupsThenTheyGoAndOtherPoolsKeepTheirs() {
        groups.create(group(POOL, "admins"));
        groups.addMember(POOL, "admins", "alice");
        groups.create(group(OTHER_POOL, "admins"));
        assertThat(pools.delete(POOL)).isTrue();
        assertThat(groups.find(POOL, "admins")).isEmpty();
        assertThat(groups.count(POOL)).isZero();
        assertThat(groups.allGroupsOf(POOL, "alice")).isEmpty();
        assertThat(groups.find(OTHER_POOL, "admins")).isPresent();
    }
}
