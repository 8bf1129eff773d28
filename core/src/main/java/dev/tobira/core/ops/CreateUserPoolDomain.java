package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.UserPoolDomain;

/**
 * Gives a pool its prefix domain, under which Tobira serves the pool's OAuth 2.0 endpoints
 * ({@code <base URL>/<domain>/oauth2/token}). A domain names one pool and a pool has one domain.
 */
public final class CreateUserPoolDomain
        extends ServiceOperation<CreateUserPoolDomain.Request, CreateUserPoolDomain.Response> {

    public record Request(String domain, String userPoolId, Integer managedLoginVersion,
            UserPoolDomains.CustomDomainConfig customDomainConfig) {}

    /** {@code CloudFrontDomain} is only Cognito's for custom domains, which Tobira refuses: always absent. */
    public record Response(Integer managedLoginVersion, String cloudFrontDomain) {}

    public CreateUserPoolDomain(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPoolDomains.refuseCustomDomain(r.customDomainConfig());
        int version = UserPoolDomains.managedLoginVersion(r.managedLoginVersion());
        Pools.pool(services, r.userPoolId());
        UserPoolDomain domain = new UserPoolDomain(r.domain(), r.userPoolId(), version, services.clock().instant());
        switch (services.domains().create(domain)) {
            case DOMAIN_TAKEN -> throw new InvalidParameterException("Domain already associated with another user pool.");
            case POOL_HAS_DOMAIN -> throw new InvalidParameterException("User pool already has a domain configured.");
            case CREATED -> { }
        }
        return new Response(version, null);
    }
}
