package dev.tobira.server.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Checks an answer Tobira writes against the operation's output shape, recursively: every member
 * must be one the model defines (a member Cognito's model lacks is one Cognito never sends), of the
 * model's JSON type (timestamps are epoch-seconds numbers, lists arrays, maps objects), enums within
 * the model's values, and no JSON {@code null} (AWS leaves an absent member out).
 */
final class OutputCheck {

    private final Function<String, Shape> shapes;

    OutputCheck(Function<String, Shape> shapes) {
        this.shapes = shapes;
    }

    /** Every violation, each as {@code path: what is wrong}; empty when the output fits the shape. */
    List<String> check(Shape shape, JsonNode output) {
        List<String> violations = new ArrayList<>();
        walk(shape, output, "$", violations);
        return List.copyOf(violations);
    }

    private void walk(Shape shape, JsonNode value, String path, List<String> violations) {
        if (value == null || value.isNull()) {
            violations.add(path + ": null (" + shape.name() + "); an absent member is left out");
            return;
        }
        switch (shape.type()) {
            case STRUCTURE -> {
                if (!expect(value.isObject(), shape, value, path, violations)) {
                    return;
                }
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    String memberPath = path + "." + entry.getKey();
                    shape.member(entry.getKey()).ifPresentOrElse(
                            member -> walk(shapes.apply(member.target()), entry.getValue(), memberPath, violations),
                            () -> violations.add(memberPath + ": not a member of " + shape.name()));
                }
            }
            case LIST -> {
                if (!expect(value.isArray(), shape, value, path, violations)) {
                    return;
                }
                Shape member = shapes.apply(shape.listMember().orElseThrow());
                for (int i = 0; i < value.size(); i++) {
                    walk(member, value.get(i), path + "[" + i + "]", violations);
                }
            }
            case MAP -> {
                if (!expect(value.isObject(), shape, value, path, violations)) {
                    return;
                }
                Shape mapValue = shapes.apply(shape.mapValue().orElseThrow());
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    walk(mapValue, entry.getValue(), path + "['" + entry.getKey() + "']", violations);
                }
            }
            case STRING -> {
                if (expect(value.isString(), shape, value, path, violations)
                        && !shape.enumValues().isEmpty() && !shape.enumValues().contains(value.stringValue())) {
                    violations.add(path + ": '" + value.stringValue() + "' is not one of " + shape.name() + " "
                            + shape.enumValues());
                }
            }
            case BLOB -> expect(value.isString(), shape, value, path, violations);
            case BOOLEAN -> expect(value.isBoolean(), shape, value, path, violations);
            case INTEGER, LONG -> expect(value.isIntegralNumber(), shape, value, path, violations);
            case DOUBLE, FLOAT -> expect(value.isNumber(), shape, value, path, violations);
            // Cognito (AWS JSON 1.1) writes timestamps as epoch seconds, a number with a fraction or not.
            case TIMESTAMP -> expect(value.isNumber(), shape, value, path, violations);
            case DOCUMENT -> { }
        }
    }

    private static boolean expect(boolean ok, Shape shape, JsonNode value, String path, List<String> violations) {
        if (!ok) {
            violations.add(path + ": " + value.getNodeType() + " where " + shape.name() + " is a "
                    + shape.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        return ok;
    }
}
