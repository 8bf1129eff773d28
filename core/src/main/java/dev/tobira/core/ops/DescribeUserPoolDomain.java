package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.oauth.UserPoolDomain;

/**
 * Describes a domain. As Cognito does, a domain that does not exist is not an error: the answer is an
 * empty {@code DomainDescription} (tools such as Terraform rely on this to test whether a name is free).
 */
public final class DescribeUserPoolDomain
        extends ServiceOperation<DescribeUserPoolDomain.Request, DescribeUserPoolDomain.Response> {

    public record Request(String domain) {}

    /**
     * Cognito's {@code DomainDescriptionType}, without the members that only describe its CloudFront and
     * S3 hosting ({@code S3Bucket}, {@code CloudFrontDistribution}, {@code Version}).
     */
    public record DomainDescription(String userPoolId, String awsAccountId, String domain, String status,
            Integer managedLoginVersion) {}

    public record Response(DomainDescription domainDescription) {}

    public DescribeUserPoolDomain(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        return new Response(services.domains().find(r.domain())
                .map(this::description)
                .orElse(new DomainDescription(null, null, null, null, null)));
    }

    private DomainDescription description(UserPoolDomain d) {
        return new DomainDescription(d.userPoolId(), services.accountId(), d.domain(), "ACTIVE", d.managedLoginVersion());
    }
}
