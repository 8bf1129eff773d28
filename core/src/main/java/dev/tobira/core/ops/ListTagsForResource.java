package dev.tobira.core.ops;

import dev.tobira.core.Services;
import java.util.Map;
import java.util.TreeMap;

/** A user pool's tags: the same set as its {@code UserPoolTags}. */
public final class ListTagsForResource
        extends ServiceOperation<ListTagsForResource.Request, ListTagsForResource.Response> {

    public record Request(String resourceArn) {}

    public record Response(Map<String, String> tags) {}

    public ListTagsForResource(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        // Sorted by key, so that the answer reads the same every time.
        return new Response(new TreeMap<>(Tags.pool(services, r.resourceArn()).userPoolTags()));
    }
}
