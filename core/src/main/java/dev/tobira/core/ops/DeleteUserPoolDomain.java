package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** Deletes a pool's domain; its OAuth 2.0 endpoints stop answering and the name is free again. */
public final class DeleteUserPoolDomain extends ServiceOperation<DeleteUserPoolDomain.Request, Operation.Empty> {

    public record Request(String domain, String userPoolId) {}

    public DeleteUserPoolDomain(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        if (!services.domains().delete(r.userPoolId(), r.domain())) {
            throw new InvalidParameterException(UserPoolDomains.NO_SUCH_DOMAIN);
        }
        return new Empty();
    }
}
