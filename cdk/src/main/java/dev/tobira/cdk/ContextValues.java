package dev.tobira.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Node;

/**
 * The app's settings, read from CDK context ({@code cdk deploy -c tobira:senderEmail=…} or
 * {@code cdk.context.json}). Every key starts with {@code tobira:}; a required one that is missing
 * is collected, and {@link #check(String)} fails naming all of them at once.
 */
final class ContextValues {

    private final Node node;
    private final List<String> missing = new ArrayList<>();

    ContextValues(Node node) {
        this.node = node;
    }

    /** The value of {@code tobira:<key>}, stripped; empty when unset or blank. */
    Optional<String> optional(String key) {
        Object value = node.tryGetContext("tobira:" + key);
        return Optional.ofNullable(value).map(v -> v.toString().strip()).filter(v -> !v.isEmpty());
    }

    /** The value of {@code tobira:<key>}, or "" after noting it as missing. */
    String required(String key) {
        return optional(key).orElseGet(() -> {
            missing.add("tobira:" + key);
            return "";
        });
    }

    /** The boolean {@code tobira:<key>}: {@code true}/{@code false}, {@code fallback} when unset. */
    boolean flag(String key, boolean fallback) {
        return optional(key).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("tobira:" + key + " must be true or false, not " + v);
        }).orElse(fallback);
    }

    /** The whole number {@code tobira:<key>}, at least {@code min}; {@code fallback} when unset. */
    int number(String key, int fallback, int min) {
        int n = optional(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tobira:" + key + " must be a whole number, not " + v);
            }
        }).orElse(fallback);
        if (n < min) {
            throw new IllegalArgumentException("tobira:" + key + " must be at least " + min + ", not " + n);
        }
        return n;
    }

    /** Fails, naming every required key that was asked for and is missing, for {@code stack}. */
    void check(String stack) {
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(stack + " needs the context value" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (cdk deploy -c key=value; see docs/deploy.md)");
        }
    }
}
