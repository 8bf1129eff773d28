package dev.tobira.core.user;

import dev.tobira.core.Page;
import java.util.List;
import java.util.Optional;

/**
 * Durable users. Each method is atomic: a user and all its attributes are written together or not
 * at all. Safe for concurrent use from many threads and processes.
 *
 * <p>Username matching ignores case unless {@code caseSensitive} is set; a pool's case sensitivity
 * never changes, so callers pass the same flag for a pool every time.
 */
public interface UserStore {

    /**
     * Stores a new user.
     *
     * @throws dev.tobira.core.CognitoException.UsernameExistsException when the pool has a user
     *     whose username matches (and nothing is written)
     */
    void create(User user, boolean caseSensitive);

    /** The user whose username matches, or empty. */
    Optional<User> find(String userPoolId, String username, boolean caseSensitive);

    /** Users of the pool whose attribute {@code name} equals {@code value} (ignoring case unless caseSensitive). */
    List<User> findByAttribute(String userPoolId, String name, String value, boolean caseSensitive);

    /**
     * Replaces the stored user with the same pool and username.
     *
     * @return false when there is no such user (nothing is written)
     */
    boolean update(User user);

    /** @return false when there was no such user */
    boolean delete(String userPoolId, String username);

    /** How many users the pool has. */
    long count(String userPoolId);

    /**
     * The pool's users matching {@code filter}, ordered by username, at most {@code limit} per page.
     */
    Page<User> list(String userPoolId, Optional<UserFilter> filter, int limit, Optional<String> after);
}
