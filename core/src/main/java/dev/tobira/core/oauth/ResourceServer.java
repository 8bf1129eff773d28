package dev.tobira.core.oauth;

import java.util.List;

/**
 * A resource server of a user pool, shaped as Cognito's {@code ResourceServerType}: an API whose custom
 * scopes app clients may be allowed, each named {@code identifier/scopeName} in clients and tokens.
 *
 * @param identifier unique within the pool, such as {@code https://api.example.com} or {@code orders}
 * @param scopes never null, in the order given
 */
public record ResourceServer(String userPoolId, String identifier, String name, List<Scope> scopes) {

    public ResourceServer {
        scopes = List.copyOf(scopes);
    }

    /** The full names of this server's scopes, {@code identifier/scopeName}, as clients and tokens carry them. */
    public List<String> scopeNames() {
        return scopes.stream().map(s -> identifier + "/" + s.scopeName()).toList();
    }

    /** Cognito's {@code ResourceServerScopeType}. */
    public record Scope(String scopeName, String scopeDescription) {}
}
