package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import java.util.Map;

/**
 * What the tagging operations share. Tags belong to user pools only, named by the ARN that
 * DescribeUserPool returns ({@code arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID}); they are
 * the pool's {@code UserPoolTags}, so CreateUserPool, UpdateUserPool and the tagging calls see one set.
 */
final class Tags {

    /** "A user pool can have as many as 50 tags" (TagResource's documentation). */
    static final int MAX_TAGS = 50;

    /** AWS keeps tag keys with this prefix for itself. */
    private static final String RESERVED_PREFIX = "aws:";

    private static final String POOL_RESOURCE = ":userpool/";

    private Tags() {}

    /**
     * The pool an ARN names.
     *
     * @throws InvalidParameterException when the ARN names no user pool at all
     * @throws ResourceNotFoundException when it names a user pool that this server does not have
     */
    static UserPool pool(Services services, String resourceArn) {
        int at = resourceArn.indexOf(POOL_RESOURCE);
        if (!resourceArn.startsWith("arn:") || at < 0) {
            throw new InvalidParameterException("Invalid resource ARN " + resourceArn
                    + ": only user pools (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID) have tags.");
        }
        String id = resourceArn.substring(at + POOL_RESOURCE.length());
        return services.pools().find(id)
                .filter(p -> p.arn().equals(resourceArn))
                .orElseThrow(() -> new ResourceNotFoundException("User pool " + id + " does not exist."));
    }

    /**
     * Checks a pool's whole set of tags against Cognito's limits (the lengths of keys and values are
     * the service model's, checked before an operation runs).
     *
     * @throws InvalidParameterException for more than {@value #MAX_TAGS} tags or a key in AWS's reserved prefix
     */
    static Map<String, String> checked(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InvalidParameterException("A user pool can have at most " + MAX_TAGS + " tags; this request "
                    + "would give it " + tags.size() + ".");
        }
        for (String key : tags.keySet()) {
            if (key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
                throw new InvalidParameterException("Tag keys starting with \"aws:\" are reserved for AWS use: " + key);
            }
        }
        return tags;
    }
}
