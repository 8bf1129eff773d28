package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.UnsupportedOperationException;

/** What the domain operations share: the custom-domain refusal and the managed-login version check. */
final class UserPoolDomains {

    /** Cognito's answer to a Delete or Update naming a domain that the pool does not have. */
    static final String NO_SUCH_DOMAIN = "No such domain or user pool exists.";

    private UserPoolDomains() {}

    /** {@code CustomDomainConfig} of a request, {@code CertificateArn} only. */
    record CustomDomainConfig(String certificateArn) {}

    /**
     * Custom domains are refused rather than stored: Cognito serves them with an ACM certificate through
     * CloudFront, and Tobira would hold an ARN it cannot use. A reverse proxy in front of Tobira can give a
     * prefix domain's endpoints any host name.
     */
    static void refuseCustomDomain(CustomDomainConfig config) {
        if (config != null) {
            throw new UnsupportedOperationException("Tobira does not support custom domains (CustomDomainConfig): "
                    + "create a prefix domain, whose endpoints Tobira serves under /<domain>/oauth2/, and put "
                    + "your own host name and certificate on a reverse proxy in front of it.");
        }
    }

    /** {@code ManagedLoginVersion}: 1 (classic hosted UI) unless given; 2 is managed login. */
    static int managedLoginVersion(Integer given) {
        int version = given == null ? 1 : given;
        if (version != 1 && version != 2) {
            throw new InvalidParameterException("ManagedLoginVersion must be 1 or 2.");
        }
        return version;
    }
}
