package dev.tobira.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user of a pool.
 *
 * @param username the internal username (a UUID equal to {@code sub} in pools whose users sign in
 *     with email or phone number), with the case it was created with
 * @param attributes the user's attributes in the order they were set, {@code sub} first
 * @param password the SRP verifier of the current password, if one was set
 * @param temporaryPasswordExpiry when a temporary password set by an administrator stops working
 */
public record User(
        String userPoolId,
        String username,
        List<Attribute> attributes,
        UserStatus status,
        boolean enabled,
        Instant createdAt,
        Instant lastModifiedAt,
        Optional<PasswordVerifier> password,
        Optional<Instant> temporaryPasswordExpiry) {

    public User {
        attributes = List.copyOf(attributes);
    }

    /** The value of attribute {@code name}, if set. */
    public Optional<String> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst();
    }

    public String sub() {
        return attribute("sub").orElseThrow();
    }

    public User withAttributes(List<Attribute> newAttributes, Instant now) {
        return new User(userPoolId, username, newAttributes, status, enabled, createdAt, now, password,
                temporaryPasswordExpiry);
    }

    public User withStatus(UserStatus newStatus, Instant now) {
        return new User(userPoolId, username, attributes, newStatus, enabled, createdAt, now, password,
                temporaryPasswordExpiry);
    }

    public User withEnabled(boolean newEnabled, Instant now) {
        return new User(userPoolId, username, attributes, status, newEnabled, createdAt, now, password,
                temporaryPasswordExpiry);
    }

    public User withPassword(PasswordVerifier verifier, Optional<Instant> temporaryUntil, UserStatus newStatus,
            Instant now) {
        return new User(userPoolId, username, attributes, newStatus, enabled, createdAt, now, Optional.of(verifier),
                temporaryUntil);
    }
}
