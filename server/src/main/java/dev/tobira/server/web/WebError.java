package dev.tobira.server.web;

import java.io.Serializable;
import java.util.List;

/**
 * A sentence to show the user: a key of the {@code messages} bundles and its arguments. Pages never
 * show an API error's own text or {@code __type}.
 */
public record WebError(String key, List<Object> args) implements Serializable {

    public WebError {
        args = List.copyOf(args);
    }

    public static WebError of(String key, Object... args) {
        return new WebError(key, List.of(args));
    }

    /** The arguments as {@code #messages.msgWithParams} and {@code MessageSource} take them. */
    public Object[] argArray() {
        return args.toArray();
    }
}
