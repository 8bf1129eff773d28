package dev.tobira.core.memory;

import dev.tobira.core.CognitoException.GroupExistsException;
import dev.tobira.core.Page;
import dev.tobira.core.group.Group;
import dev.tobira.core.group.GroupStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Groups in memory, for tests and {@code --in-memory}. It sees the user store so that only existing
 * users become members; {@link InMemoryStores} tells it of deleted users and pools.
 */
public final class InMemoryGroupStore implements GroupStore {

    /** Keyed by pool id, then group name. */
    private final Map<String, TreeMap<String, Group>> groups = new TreeMap<>();
    /** Keyed by pool id, then group name: the members' usernames. */
    private final Map<String, Map<String, TreeSet<String>>> members = new TreeMap<>();
    private final InMemoryUserStore users;

    public InMemoryGroupStore(InMemoryUserStore users) {
        this.users = users;
    }

    @Override
    public synchronized void create(Group group) {
        if (pool(group.userPoolId()).putIfAbsent(group.groupName(), group) != null) {
            throw new GroupExistsException("A group with the name " + group.groupName() + " already exists.");
        }
    }

    @Override
    public synchronized Optional<Group> find(String userPoolId, String groupName) {
        return Optional.ofNullable(pool(userPoolId).get(groupName));
    }

    @Override
    public synchronized boolean update(Group group) {
        return pool(group.userPoolId()).replace(group.groupName(), group) != null;
    }

    @Override
    public synchronized boolean delete(String userPoolId, String groupName) {
        memberships(userPoolId).remove(groupName);
        return pool(userPoolId).remove(groupName) != null;
    }

    @Override
    public synchronized long count(String userPoolId) {
        return pool(userPoolId).size();
    }

    @Override
    public synchronized Page<Group> list(String userPoolId, int limit, Optional<String> after) {
        return Paging.page(List.copyOf(pool(userPoolId).values()), Group::groupName, limit, after);
    }

    @Override
    public synchronized boolean addMember(String userPoolId, String groupName, String username) {
        if (!pool(userPoolId).containsKey(groupName) || !users.exists(userPoolId, username)) {
            return false;
        }
        memberships(userPoolId).computeIfAbsent(groupName, k -> new TreeSet<>()).add(username);
        return true;
    }

    @Override
    public synchronized boolean removeMember(String userPoolId, String groupName, String username) {
        Set<String> names = memberships(userPoolId).get(groupName);
        return names != null && names.remove(username);
    }

    @Override
    public synchronized Page<String> members(String userPoolId, String groupName, int limit, Optional<String> after) {
        List<String> names = List.copyOf(memberships(userPoolId).getOrDefault(groupName, new TreeSet<>()));
        return Paging.page(names, Function.identity(), limit, after);
    }

    @Override
    public synchronized Page<Group> groupsOf(String userPoolId, String username, int limit, Optional<String> after) {
        return Paging.page(allGroupsOf(userPoolId, username), Group::groupName, limit, after);
    }

    @Override
    public synchronized List<Group> allGroupsOf(String userPoolId, String username) {
        List<Group> found = new ArrayList<>();
        memberships(userPoolId).forEach((groupName, names) -> {
            if (names.contains(username)) {
                found.add(pool(userPoolId).get(groupName));
            }
        });
        found.sort(Comparator.comparing(Group::groupName));
        return List.copyOf(found);
    }

    /** A deleted user leaves every group. */
    synchronized void userDeleted(String userPoolId, String username) {
        memberships(userPoolId).values().forEach(names -> names.remove(username));
    }

    /** A deleted pool takes its groups with it. */
    synchronized void deleteAll(String userPoolId) {
        groups.remove(userPoolId);
        members.remove(userPoolId);
    }

    private TreeMap<String, Group> pool(String userPoolId) {
        return groups.computeIfAbsent(userPoolId, k -> new TreeMap<>());
    }

    private Map<String, TreeSet<String>> memberships(String userPoolId) {
        return members.computeIfAbsent(userPoolId, k -> new TreeMap<>());
    }
}
