package dev.tobira.core.oauth;

import java.time.Instant;

/**
 * A user pool's prefix domain: the name under which Tobira serves the pool's OAuth 2.0 endpoints, at
 * {@code <public base URL>/<domain>/oauth2/…} (see {@code README.md}, "User pool domains").
 *
 * @param domain the prefix, unique across all pools ({@code ^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$}); it
 *     cannot be mistaken for a pool id in a path, because pool ids contain {@code _}
 * @param managedLoginVersion {@code 1} (classic hosted UI) or {@code 2} (managed login), as set
 * @param created when it was created; domains are listed by no operation, so only kept for operators
 */
public record UserPoolDomain(String domain, String userPoolId, int managedLoginVersion, Instant created) {

    public UserPoolDomain withManagedLoginVersion(int version) {
        return new UserPoolDomain(domain, userPoolId, version, created);
    }
}
