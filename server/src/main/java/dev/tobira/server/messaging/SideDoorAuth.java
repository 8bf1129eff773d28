package dev.tobira.server.messaging;

import dev.tobira.server.api.ApiRequest;
import dev.tobira.server.auth.SigV4Exception;
import dev.tobira.server.auth.SigV4Verifier;
import dev.tobira.server.auth.SignedRequest;

/**
 * Who may use the SES and SNS side doors. Off: every call is refused with {@code OptInRequired} (403),
 * before anything else is looked at. On: a call must carry a SigV4 signature for the service
 * ({@code ses} or {@code sns}) that the server's verifier accepts — in production one made with the
 * admin credentials, in dev mode any well-formed one, as for the Cognito API. Refusals use the
 * service's own error codes: the query protocol's {@code MissingAuthenticationToken},
 * {@code IncompleteSignature}, {@code InvalidClientTokenId}, {@code SignatureDoesNotMatch}, and SES v2's
 * JSON {@code …Exception} types.
 */
public final class SideDoorAuth {

    static final String DISABLED_MESSAGE = "SES and SNS on Tobira's port are off. Start Tobira with --aws-messaging"
            + " (TOBIRA_AWS_MESSAGING=true) to accept calls signed with the admin credentials.";

    private final boolean enabled;
    private final SigV4Verifier verifier;

    public SideDoorAuth(boolean enabled, SigV4Verifier verifier) {
        this.enabled = enabled;
        this.verifier = verifier;
    }

    /** Whether the side doors are open at all. */
    public boolean enabled() {
        return enabled;
    }

    /** @throws SideDoorError {@code OptInRequired} (403) when the side doors are off */
    void requireEnabled() {
        if (!enabled) {
            throw new SideDoorError("OptInRequired", 403, DISABLED_MESSAGE);
        }
    }

    /**
     * @param service the SigV4 service name the signature must be scoped to
     * @param restJson whether to name refusals as SES v2's REST-JSON protocol does, rather than the query protocol
     * @throws SideDoorError when the side doors are off or the call is not acceptably signed
     */
    void authenticate(ApiRequest request, String service, boolean restJson) {
        requireEnabled();
        try {
            verifier.verify(new SignedRequest(request.method(), request.rawPath(), request.rawQuery(),
                    request.headers(), request.body()), service);
        } catch (SigV4Exception e) {
            throw restJson ? restJsonError(e) : queryError(e);
        }
    }

    private static SideDoorError restJsonError(SigV4Exception e) {
        return switch (e.errorType()) {
            case SigV4Exception.INCOMPLETE_SIGNATURE -> new SideDoorError(e.errorType(), 400, e.getMessage());
            default -> new SideDoorError(e.errorType(), 403, e.getMessage());
        };
    }

    /** The query protocol's names for the same failures (IAM, SNS and SES v1 answer with these). */
    private static SideDoorError queryError(SigV4Exception e) {
        return switch (e.errorType()) {
            case SigV4Exception.MISSING_AUTHENTICATION_TOKEN ->
                    new SideDoorError("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            case SigV4Exception.INCOMPLETE_SIGNATURE -> new SideDoorError("IncompleteSignature", 400, e.getMessage());
            case SigV4Exception.UNRECOGNIZED_CLIENT ->
                    new SideDoorError("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
            default -> new SideDoorError("SignatureDoesNotMatch", 403, e.getMessage());
        };
    }
}
