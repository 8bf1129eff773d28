package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Removes tags from a user pool by key; keys it does not have are ignored. */
public final class UntagResource extends ServiceOperation<UntagResource.Request, UntagResource.Response> {

    public record Request(String resourceArn, List<String> tagKeys) {}

    /** Cognito's UntagResourceResponse is an empty structure. */
    public record Response() {}

    public UntagResource(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Tags.pool(services, r.resourceArn());
        Map<String, String> tags = new HashMap<>(pool.userPoolTags());
        if (r.tagKeys() != null) {
            r.tagKeys().forEach(tags::remove);
        }
        if (!services.pools().update(pool.withTags(tags))) {
            throw new ResourceNotFoundException("User pool " + pool.id() + " does not exist.");
        }
        return new Response();
    }
}
