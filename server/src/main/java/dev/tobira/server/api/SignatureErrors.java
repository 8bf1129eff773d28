package dev.tobira.server.api;

import dev.tobira.core.CognitoException;
import dev.tobira.server.auth.SigV4Exception;

/** Turns a signature failure into the AWS error of the same name. */
final class SignatureErrors {

    private SignatureErrors() {}

    static CognitoException toCognito(SigV4Exception e) {
        return switch (e.errorType()) {
            case "MissingAuthenticationTokenException" ->
                    new CognitoException.MissingAuthenticationTokenException(e.getMessage());
            case "IncompleteSignatureException" -> new CognitoException.IncompleteSignatureException(e.getMessage());
            case "UnrecognizedClientException" -> new CognitoException.UnrecognizedClientException(e.getMessage());
            default -> new CognitoException.InvalidSignatureException(e.getMessage());
        };
    }
}
