package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Services;
import dev.tobira.core.webauthn.Passkey;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in user's passkeys, oldest first, {@code MaxResults} (0–20, default 20) at a time;
 * {@code NextToken} is the id of the next passkey.
 */
public final class ListWebAuthnCredentials
        extends ServiceOperation<ListWebAuthnCredentials.Request, ListWebAuthnCredentials.Response> {

    public record Request(String accessToken, String nextToken, Integer maxResults) {}

    public record Response(List<Description> credentials, String nextToken) {
        public Response {
            credentials = List.copyOf(credentials);
        }
    }

    /** Cognito's {@code WebAuthnCredentialDescription}. */
    public record Description(String credentialId, String friendlyCredentialName, String relyingPartyId,
            String authenticatorAttachment, List<String> authenticatorTransports, Instant createdAt) {}

    public ListWebAuthnCredentials(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        int max = r.maxResults() == null ? Passkeys.MAX_PER_USER : r.maxResults();
        if (max < 0 || max > Passkeys.MAX_PER_USER) {
            throw new InvalidParameterException("1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 20");
        }
        List<Passkey> all = Passkeys.owned(services, caller.user());
        int from = 0;
        if (r.nextToken() != null) {
            from = all.stream().map(Passkey::credentialId).toList().indexOf(r.nextToken());
            if (from < 0) {
                throw new InvalidParameterException("Invalid NextToken (UNCONFIRMED text).");
            }
        }
        int to = Math.min(all.size(), from + max);
        List<Description> page = all.subList(from, to).stream()
                .map(p -> new Description(p.credentialId(), p.friendlyName(), p.relyingPartyId(), p.attachment(),
                        p.transports(), p.createdAt()))
                .toList();
        return new Response(page, to < all.size() ? all.get(to).credentialId() : null);
    }
}
