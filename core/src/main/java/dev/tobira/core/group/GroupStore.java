package dev.tobira.core.group;

import dev.tobira.core.Page;
import java.util.List;
import java.util.Optional;

/**
 * Durable user pool groups and their members. Each method is atomic and safe for concurrent use
 * from many threads and processes. Group names compare case-sensitively; a member is named by the
 * user's stored username (exactly as {@code User.username()} has it).
 *
 * <p>Memberships follow what they join: deleting a group removes its memberships, deleting a user
 * (from the user store) removes the user's, and deleting a pool removes its groups.
 */
public interface GroupStore {

    /**
     * Stores a new group.
     *
     * @throws dev.tobira.core.CognitoException.GroupExistsException when the pool has a group of that
     *     name (and nothing is written)
     */
    void create(Group group);

    /** The group of this name in the pool, or empty. */
    Optional<Group> find(String userPoolId, String groupName);

    /**
     * Replaces the stored group with the same pool and name, keeping its members.
     *
     * @return false when there is no such group (nothing is written)
     */
    boolean update(Group group);

    /**
     * Deletes a group and its memberships.
     *
     * @return false when there was no such group
     */
    boolean delete(String userPoolId, String groupName);

    /** How many groups the pool has. */
    long count(String userPoolId);

    /** The pool's groups ordered by name, at most {@code limit} per page. */
    Page<Group> list(String userPoolId, int limit, Optional<String> after);

    /**
     * Makes the user a member of the group; adding a member again changes nothing.
     *
     * @return false when the group or the user does not exist (nothing is written)
     */
    boolean addMember(String userPoolId, String groupName, String username);

    /** @return false when the user was not a member of the group */
    boolean removeMember(String userPoolId, String groupName, String username);

    /** The usernames of the group's members ordered by username, at most {@code limit} per page. */
    Page<String> members(String userPoolId, String groupName, int limit, Optional<String> after);

    /** The groups the user is a member of, ordered by name, at most {@code limit} per page. */
    Page<Group> groupsOf(String userPoolId, String username, int limit, Optional<String> after);

    /** Every group the user is a member of, ordered by name. */
    List<Group> allGroupsOf(String userPoolId, String username);
}
