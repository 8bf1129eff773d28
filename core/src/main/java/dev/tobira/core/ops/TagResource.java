package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import java.util.HashMap;
import java.util.Map;

/** Adds tags to a user pool, replacing the values of keys it already has; 50 tags at most in all. */
public final class TagResource extends ServiceOperation<TagResource.Request, TagResource.Response> {

    public record Request(String resourceArn, Map<String, String> tags) {}

    /** Cognito's TagResourceResponse is an empty structure. */
    public record Response() {}

    public TagResource(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Tags.pool(services, r.resourceArn());
        Map<String, String> tags = new HashMap<>(pool.userPoolTags());
        if (r.tags() != null) {
            tags.putAll(r.tags());
        }
        if (!services.pools().update(pool.withTags(Tags.checked(tags)))) {
            throw new ResourceNotFoundException("User pool " + pool.id() + " does not exist.");
        }
        return new Response();
    }
}
