package dev.tobira.core;

/**
 * An error that Cognito defines, answered to the client as {@code {"__type": <simple class name>,
 * "message": getMessage()}}. The nested types are named exactly after Cognito's {@code __type}s (and
 * the AWS JSON protocol's own, such as {@code SerializationException}), so that the wire name is the
 * Java name. Messages are AWS's own texts where they are known.
 *
 * <p>Internal failures are not {@code CognitoException}s: anything else thrown from an operation is
 * logged and answered as {@code InternalErrorException}.
 */
public abstract sealed class CognitoException extends RuntimeException {

    private CognitoException(String message) {
        super(message, null, false, false);
    }

    /** The {@code __type} the client sees. */
    public final String type() {
        return getClass().getSimpleName();
    }

    /**
     * An operation of Cognito's API that Tobira does not implement. Answered under
     * {@code UnsupportedOperationException}, never as a fake success.
     */
    public static CognitoException notImplemented(String operation) {
        return new UnsupportedOperationException(
                "Tobira does not implement " + operation + " (yet). See the README for what is supported.");
    }

    public static final class AliasExistsException extends CognitoException {
        public AliasExistsException(String message) {
            super(message);
        }
    }

    public static final class CodeDeliveryFailureException extends CognitoException {
        public CodeDeliveryFailureException(String message) {
            super(message);
        }
    }

    public static final class CodeMismatchException extends CognitoException {
        public CodeMismatchException(String message) {
            super(message);
        }
    }

    public static final class ConcurrentModificationException extends CognitoException {
        public ConcurrentModificationException(String message) {
            super(message);
        }
    }

    public static final class ExpiredCodeException extends CognitoException {
        public ExpiredCodeException(String message) {
            super(message);
        }
    }

    public static final class FeatureUnavailableInTierException extends CognitoException {
        public FeatureUnavailableInTierException(String message) {
            super(message);
        }
    }

    public static final class ForbiddenException extends CognitoException {
        public ForbiddenException(String message) {
            super(message);
        }
    }

    public static final class GroupExistsException extends CognitoException {
        public GroupExistsException(String message) {
            super(message);
        }
    }

    public static final class IncompleteSignatureException extends CognitoException {
        public IncompleteSignatureException(String message) {
            super(message);
        }
    }

    public static final class InvalidEmailRoleAccessPolicyException extends CognitoException {
        public InvalidEmailRoleAccessPolicyException(String message) {
            super(message);
        }
    }

    public static final class InvalidLambdaResponseException extends CognitoException {
        public InvalidLambdaResponseException(String message) {
            super(message);
        }
    }

    public static final class InvalidOAuthFlowException extends CognitoException {
        public InvalidOAuthFlowException(String message) {
            super(message);
        }
    }

    public static final class InvalidParameterException extends CognitoException {
        public InvalidParameterException(String message) {
            super(message);
        }
    }

    public static final class InvalidPasswordException extends CognitoException {
        public InvalidPasswordException(String message) {
            super(message);
        }
    }

    public static final class InvalidSignatureException extends CognitoException {
        public InvalidSignatureException(String message) {
            super(message);
        }
    }

    public static final class InvalidUserPoolConfigurationException extends CognitoException {
        public InvalidUserPoolConfigurationException(String message) {
            super(message);
        }
    }

    public static final class LimitExceededException extends CognitoException {
        public LimitExceededException(String message) {
            super(message);
        }
    }

    public static final class MFAMethodNotFoundException extends CognitoException {
        public MFAMethodNotFoundException(String message) {
            super(message);
        }
    }

    public static final class MissingAuthenticationTokenException extends CognitoException {
        public MissingAuthenticationTokenException(String message) {
            super(message);
        }
    }

    public static final class NotAuthorizedException extends CognitoException {
        public NotAuthorizedException(String message) {
            super(message);
        }
    }

    public static final class PasswordHistoryPolicyViolationException extends CognitoException {
        public PasswordHistoryPolicyViolationException(String message) {
            super(message);
        }
    }

    public static final class PasswordResetRequiredException extends CognitoException {
        public PasswordResetRequiredException(String message) {
            super(message);
        }
    }

    public static final class PreconditionNotMetException extends CognitoException {
        public PreconditionNotMetException(String message) {
            super(message);
        }
    }

    public static final class RefreshTokenReuseException extends CognitoException {
        public RefreshTokenReuseException(String message) {
            super(message);
        }
    }

    public static final class RequestEntityTooLargeException extends CognitoException {
        public RequestEntityTooLargeException(String message) {
            super(message);
        }
    }

    public static final class ResourceNotFoundException extends CognitoException {
        public ResourceNotFoundException(String message) {
            super(message);
        }
    }

    public static final class ScopeDoesNotExistException extends CognitoException {
        public ScopeDoesNotExistException(String message) {
            super(message);
        }
    }

    public static final class SerializationException extends CognitoException {
        public SerializationException(String message) {
            super(message);
        }
    }

    public static final class TooManyFailedAttemptsException extends CognitoException {
        public TooManyFailedAttemptsException(String message) {
            super(message);
        }
    }

    public static final class TooManyRequestsException extends CognitoException {
        public TooManyRequestsException(String message) {
            super(message);
        }
    }

    public static final class UnauthorizedException extends CognitoException {
        public UnauthorizedException(String message) {
            super(message);
        }
    }

    public static final class UnexpectedLambdaException extends CognitoException {
        public UnexpectedLambdaException(String message) {
            super(message);
        }
    }

    public static final class UnknownOperationException extends CognitoException {
        public UnknownOperationException(String message) {
            super(message);
        }
    }

    public static final class UnrecognizedClientException extends CognitoException {
        public UnrecognizedClientException(String message) {
            super(message);
        }
    }

    public static final class UnsupportedOperationException extends CognitoException {
        public UnsupportedOperationException(String message) {
            super(message);
        }
    }

    public static final class UnsupportedTokenTypeException extends CognitoException {
        public UnsupportedTokenTypeException(String message) {
            super(message);
        }
    }

    public static final class UnsupportedUserStateException extends CognitoException {
        public UnsupportedUserStateException(String message) {
            super(message);
        }
    }

    public static final class UserLambdaValidationException extends CognitoException {
        public UserLambdaValidationException(String message) {
            super(message);
        }
    }

    public static final class UserNotConfirmedException extends CognitoException {
        public UserNotConfirmedException(String message) {
            super(message);
        }
    }

    public static final class UserNotFoundException extends CognitoException {
        public UserNotFoundException(String message) {
            super(message);
        }
    }

    public static final class UserPoolTaggingException extends CognitoException {
        public UserPoolTaggingException(String message) {
            super(message);
        }
    }

    public static final class UsernameExistsException extends CognitoException {
        public UsernameExistsException(String message) {
            super(message);
        }
    }

    public static final class WebAuthnChallengeNotFoundException extends CognitoException {
        public WebAuthnChallengeNotFoundException(String message) {
            super(message);
        }
    }

    public static final class WebAuthnClientMismatchException extends CognitoException {
        public WebAuthnClientMismatchException(String message) {
            super(message);
        }
    }

    public static final class WebAuthnConfigurationMissingException extends CognitoException {
        public WebAuthnConfigurationMissingException(String message) {
            super(message);
        }
    }

    public static final class WebAuthnCredentialNotSupportedException extends CognitoException {
        public WebAuthnCredentialNotSupportedException(String message) {
            super(message);
        }
    }

    public static final class WebAuthnNotEnabledException extends CognitoException {
        public WebAuthnNotEnabledException(String message) {
            super(message);
        }
    }

    public static final class WebAuthnOriginNotAllowedException extends CognitoException {
        public WebAuthnOriginNotAllowedException(String message) {
            super(message);
        }
    }

    public static final class WebAuthnRelyingPartyMismatchException extends CognitoException {
        public WebAuthnRelyingPartyMismatchException(String message) {
            super(message);
        }
    }
}
