package dev.tobira.core.ops;

import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.List;

/** The shapes in which Cognito shows a user to administrators. */
public final class UserViews {

    private UserViews() {}

    /** Cognito's {@code UserType}, as in AdminCreateUser and ListUsers. */
    public record UserType(String username, List<Attribute> attributes, Instant userCreateDate,
            Instant userLastModifiedDate, Boolean enabled, String userStatus) {}

    static UserType of(User user) {
        return of(user, user.attributes());
    }

    static UserType of(User user, List<Attribute> attributes) {
        return new UserType(user.username(), attributes, user.createdAt(), user.lastModifiedAt(), user.enabled(),
                user.status().name());
    }
}
