package dev.tobira.server.api.model;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * The deserialization step of AWS's Coral framework, replayed on a parsed body: it walks the
 * JSON in document order against the input shape and fails on the first value whose JSON type
 * the shape cannot take. Cognito answers such a body with {@code SerializationException} before
 * any constraint is checked, so a body with both a wrong type and a constraint violation gets
 * only the {@code SerializationException}.
 *
 * <h2>Evidence</h2>
 * <ul>
 * <li>Cognito answers a wrong JSON type with {@code SerializationException}: a boolean for
 *     {@code AttributeType.Value} (amazon-cognito-identity-js#485); an object for
 *     {@code ConfirmForgotPassword.ConfirmationCode} gave
 *     {@code "Start of structure or map found where not expected."} (amplify-js#5165, with the
 *     full stop); an array for a string gives {@code "Start of list found where not expected"}
 *     (cognito-identity, aws-sdk-js-v3#2831, no full stop).</li>
 * <li>The scalar wordings come from the same Coral JSON codec in other AWS JSON services,
 *     measured on the wire: Athena (awsJson1.1) in 2026 by the athena-local project —
 *     {@code STRING_VALUE can not be converted to an Integer},
 *     {@code NUMBER_VALUE can not be converted to a String},
 *     {@code TRUE_VALUE}/{@code FALSE_VALUE can not be converted to an Integer}/{@code a String},
 *     {@code Expected list or null} (a scalar for a list), {@code Expected null} (a scalar for a
 *     structure), a fraction for an integer is truncated and accepted, {@code null} members and
 *     {@code null} list elements are taken as absent, unknown members are ignored, and a body
 *     that is not JSON or is a top-level scalar gets {@code SerializationException} with no
 *     message; CodeDeploy gives {@code STRING_VALUE can not be converted to an Integer} (quoted in
 *     the AWS SDK for JavaScript v3's own documentation of input coercion);
 *     SES v2 (verified by floci) gives {@code STRING_VALUE can not be converted to an Boolean}
 *     (sic, "an"), {@code NUMBER_VALUE can not be converted to a Boolean}, and accepts the
 *     strings {@code true/yes/y/t/1} and {@code false/no/n/f/0} (any case) for a boolean.
 *     dynalite's recordings against DynamoDB give {@code Expected map or null} for a scalar
 *     where a map belongs.</li>
 * <li>Not observed anywhere, chosen by analogy and marked so: {@code a Long}, {@code a Double},
 *     {@code a Float}, {@code a Blob}, {@code a Timestamp} as targets; an integral number outside
 *     the target's range (answered like a wrong type); a blob that is not valid base64 (answered
 *     with no message). None of these arise from the clients Tobira supports; botocore and the
 *     Java SDK check JSON types on the client side.</li>
 * </ul>
 */
final class TypeCheck {

    static final String START_OF_LIST = "Start of list found where not expected";
    static final String START_OF_MAP = "Start of structure or map found where not expected.";

    private static final Set<String> TRUE_STRINGS = Set.of("true", "yes", "y", "t", "1");
    private static final Set<String> FALSE_STRINGS = Set.of("false", "no", "n", "f", "0");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Function<String, Shape> shapes;

    TypeCheck(Function<String, Shape> shapes) {
        this.shapes = shapes;
    }

    /** Checks a whole request body against the operation's input structure. */
    void checkInput(Shape input, JsonNode body) throws ModelTypeException {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return;
        }
        if (body.isArray()) {
            throw ModelTypeException.serialization(START_OF_LIST);
        }
        if (!body.isObject()) {
            throw ModelTypeException.serialization(null);
        }
        check(input, body);
    }

    private void check(Shape shape, JsonNode node) throws ModelTypeException {
        if (node.isNull()) {
            return;
        }
        switch (shape.type()) {
            case STRUCTURE -> checkStructure(shape, node);
            case LIST -> checkList(shape, node);
            case MAP -> checkMap(shape, node);
            case STRING -> scalar(node, JsonNode::isString, "a String");
            case INTEGER -> integral(node, "an Integer", INT_MIN, INT_MAX);
            case LONG -> integral(node, "a Long", LONG_MIN, LONG_MAX);
            case DOUBLE -> scalar(node, JsonNode::isNumber, "a Double");
            case FLOAT -> scalar(node, JsonNode::isNumber, "a Float");
            case TIMESTAMP -> scalar(node, JsonNode::isNumber, "a Timestamp");
            case BOOLEAN -> checkBoolean(node);
            case BLOB -> checkBlob(node);
            case DOCUMENT -> {
                // any JSON value
            }
        }
    }

    private void checkStructure(Shape shape, JsonNode node) throws ModelTypeException {
        if (node.isArray()) {
            throw ModelTypeException.serialization(START_OF_LIST);
        }
        if (!node.isObject()) {
            throw ModelTypeException.serialization("Expected null");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            // Unknown members are ignored, as AWS does.
            Optional<Shape.Member> member = shape.member(field.getKey());
            if (member.isPresent()) {
                check(shapes.apply(member.get().target()), field.getValue());
            }
        }
    }

    private void checkList(Shape shape, JsonNode node) throws ModelTypeException {
        if (node.isObject()) {
            throw ModelTypeException.serialization(START_OF_MAP);
        }
        if (!node.isArray()) {
            throw ModelTypeException.serialization("Expected list or null");
        }
        Shape member = shapes.apply(shape.listMember().orElseThrow());
        for (JsonNode element : node) {
            check(member, element);
        }
    }

    private void checkMap(Shape shape, JsonNode node) throws ModelTypeException {
        if (node.isArray()) {
            throw ModelTypeException.serialization(START_OF_LIST);
        }
        if (!node.isObject()) {
            throw ModelTypeException.serialization("Expected map or null");
        }
        Shape value = shapes.apply(shape.mapValue().orElseThrow());
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            check(value, entry.getValue());
        }
    }

    private static void scalar(JsonNode node, Predicate<JsonNode> accepts, String target)
            throws ModelTypeException {
        if (!accepts.test(node)) {
            throw mismatch(node, target);
        }
    }

    private static void integral(JsonNode node, String target, BigDecimal min, BigDecimal max)
            throws ModelTypeException {
        if (!node.isNumber()) {
            throw mismatch(node, target);
        }
        // A fraction is truncated and accepted (Athena, measured); out of range is not observed.
        BigDecimal truncated = new BigDecimal(node.decimalValue().toBigInteger());
        if (truncated.compareTo(min) < 0 || truncated.compareTo(max) > 0) {
            throw mismatch(node, target);
        }
    }

    private static void checkBoolean(JsonNode node) throws ModelTypeException {
        if (node.isBoolean()) {
            return;
        }
        if (node.isString()) {
            String text = node.stringValue().toLowerCase(Locale.ROOT);
            if (TRUE_STRINGS.contains(text) || FALSE_STRINGS.contains(text)) {
                return;
            }
            throw ModelTypeException.serialization("STRING_VALUE can not be converted to an Boolean");
        }
        throw mismatch(node, "a Boolean");
    }

    private static void checkBlob(JsonNode node) throws ModelTypeException {
        if (!node.isString()) {
            throw mismatch(node, "a Blob");
        }
        try {
            Base64.getDecoder().decode(node.stringValue());
        } catch (IllegalArgumentException notBase64) {
            throw ModelTypeException.serialization(null);
        }
    }

    private static ModelTypeException mismatch(JsonNode node, String target) {
        if (node.isArray()) {
            return ModelTypeException.serialization(START_OF_LIST);
        }
        if (node.isObject()) {
            return ModelTypeException.serialization(START_OF_MAP);
        }
        String token;
        if (node.isString()) {
            token = "STRING_VALUE";
        } else if (node.isNumber()) {
            token = "NUMBER_VALUE";
        } else if (node.isBoolean()) {
            token = node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        } else {
            return ModelTypeException.serialization(null);
        }
        return ModelTypeException.serialization(token + " can not be converted to " + target);
    }
}
