package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.UserPoolDomain;

/** Changes a prefix domain's {@code ManagedLoginVersion}, the one setting a prefix domain has. */
public final class UpdateUserPoolDomain
        extends ServiceOperation<UpdateUserPoolDomain.Request, CreateUserPoolDomain.Response> {

    public record Request(String domain, String userPoolId, Integer managedLoginVersion,
            UserPoolDomains.CustomDomainConfig customDomainConfig) {}

    public UpdateUserPoolDomain(Services services) {
        super(services, Request.class);
    }

    @Override
    public CreateUserPoolDomain.Response handle(Request r) {
        UserPoolDomains.refuseCustomDomain(r.customDomainConfig());
        Pools.pool(services, r.userPoolId());
        UserPoolDomain existing = services.domains().find(r.domain())
                .filter(d -> d.userPoolId().equals(r.userPoolId()))
                .orElseThrow(() -> new InvalidParameterException(UserPoolDomains.NO_SUCH_DOMAIN));
        int version = r.managedLoginVersion() == null ? existing.managedLoginVersion()
                : UserPoolDomains.managedLoginVersion(r.managedLoginVersion());
        if (!services.domains().update(existing.withManagedLoginVersion(version))) {
            throw new InvalidParameterException(UserPoolDomains.NO_SUCH_DOMAIN);
        }
        return new CreateUserPoolDomain.Response(version, null);
    }
}
