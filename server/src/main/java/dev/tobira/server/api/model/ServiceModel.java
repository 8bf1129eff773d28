package dev.tobira.server.api.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Amazon Cognito Identity Provider service model (operations, shapes and their
 * constraints), read once from {@value #RESOURCE}, which {@code tools/extract-cognito-model.py}
 * writes from botocore's model. Immutable and safe to share between threads.
 *
 * <p>Besides naming the operations, it checks a request body the way Cognito does before any
 * operation logic runs, in two steps:
 * <ol>
 * <li>{@link #checkTypes}: the body must deserialize into the input shape; a value of the wrong
 *     JSON type fails with {@link ModelTypeException} ({@code SerializationException}).</li>
 * <li>{@link #violations}: every constraint of the model the body breaks — required members,
 *     lengths, patterns, enums, ranges, at any depth — each worded as Cognito words it; a
 *     non-empty list is answered {@code InvalidParameterException} with {@link #message}.</li>
 * </ol>
 * Unknown members are ignored and JSON {@code null} counts as absent, as Cognito does.
 */
public final class ServiceModel {

    /** The classpath resource the model is read from. */
    public static final String RESOURCE = "/cognito-idp/model.json";

    /**
     * Shapes the model marks sensitive whose values Cognito nevertheless prints in violation
     * messages: {@code Value 'ap-northeast-1_xxxxxxxxx' at 'clientId'} (boto3#3581, 2023) and
     * {@code Value '' at 'clientId'} (a production log of late 2024 or after). Other sensitive shapes stay hidden
     * ({@code Value at 'password'}, {@code Value at 'username'}, {@code Value at 'accessToken'}).
     */
    static final Set<String> SHOWN_ALTHOUGH_SENSITIVE = Set.of("ClientIdType");

    /**
     * One operation of the model.
     *
     * @param name        the operation name, as in {@code X-Amz-Target}
     * @param inputShape  the input structure's shape name
     * @param outputShape the output structure's shape name; empty for operations that return {@code {}}
     * @param unsigned    whether SDKs send it without a SigV4 signature (botocore {@code "authtype":"none"})
     */
    public record Operation(String name, String inputShape, Optional<String> outputShape, boolean unsigned) {
        public Operation {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(inputShape, "inputShape");
            Objects.requireNonNull(outputShape, "outputShape");
        }
    }

    private static final class Loaded {
        static final ServiceModel INSTANCE = readResource();
    }

    private final String targetPrefix;
    private final Map<String, Operation> operations;
    private final Map<String, Shape> shapes;
    private final TypeCheck typeCheck;
    private final ConstraintCheck constraintCheck;
    private final OutputCheck outputCheck;

    private ServiceModel(String targetPrefix, Map<String, Operation> operations, Map<String, Shape> shapes) {
        this.targetPrefix = targetPrefix;
        this.operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
        this.shapes = Map.copyOf(shapes);
        this.typeCheck = new TypeCheck(this::shape);
        this.constraintCheck = new ConstraintCheck(this::shape);
        this.outputCheck = new OutputCheck(this::shape);
    }

    /**
     * The model from the classpath, read on first use.
     *
     * @throws IllegalStateException if the resource is missing or malformed (a build defect)
     */
    public static ServiceModel load() {
        return Loaded.INSTANCE;
    }

    /** The {@code X-Amz-Target} prefix, {@code AWSCognitoIdentityProviderService}. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** Every operation name of the model, in model (alphabetical) order. */
    public Set<String> operationNames() {
        return operations.keySet();
    }

    /** Whether the model has an operation of this name (case-sensitive, as AWS is). */
    public boolean isKnownOperation(String operation) {
        return operations.containsKey(operation);
    }

    /** The operation of this name, if the model has one. */
    public Optional<Operation> operation(String operation) {
        return Optional.ofNullable(operations.get(operation));
    }

    /**
     * Whether SDKs send this operation without a SigV4 signature. False for an unknown
     * operation, so that a caller that forgets {@link #isKnownOperation} fails closed.
     */
    public boolean isUnsigned(String operation) {
        Operation known = operations.get(operation);
        return known != null && known.unsigned();
    }

    /**
     * Checks that {@code input} deserializes into the operation's input shape, as Cognito's
     * framework does before validation. A {@code null}, missing or JSON-null body counts as
     * {@code {}}.
     *
     * @throws ModelTypeException       at the first value (in document order) of the wrong JSON type
     * @throws IllegalArgumentException if the operation is unknown
     */
    public void checkTypes(String operation, JsonNode input) throws ModelTypeException {
        typeCheck.checkInput(inputShape(operation), input);
    }

    /**
     * Every constraint violation of {@code input}, worded and ordered as Cognito reports them,
     * e.g. {@code Value null at 'clientId' failed to satisfy constraint: Member must not be null}.
     * Runs {@link #checkTypes} first.
     *
     * @return the violations; empty when the body satisfies the model
     * @throws ModelTypeException       if a value has the wrong JSON type (then nothing else is checked)
     * @throws IllegalArgumentException if the operation is unknown
     */
    public List<String> violations(String operation, JsonNode input) throws ModelTypeException {
        Shape shape = inputShape(operation);
        typeCheck.checkInput(shape, input);
        return constraintCheck.checkInput(shape, input);
    }

    /**
     * The {@code InvalidParameterException} message for violations:
     * {@code 1 validation error detected: <v>} or {@code N validation errors detected: <v1>; <v2>}.
     *
     * @throws IllegalArgumentException if there are no violations
     */
    public static String message(List<String> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations");
        }
        int count = violations.size();
        return count + (count == 1 ? " validation error detected: " : " validation errors detected: ")
                + String.join("; ", violations);
    }

    /**
     * Where an answer departs from the operation's output shape: members the model does not define,
     * values of the wrong JSON type (timestamps must be epoch-seconds numbers), enum values outside the
     * model's, JSON nulls. An operation without an output shape must answer {@code {}}.
     *
     * @return one line per departure, {@code $.path: what is wrong}; empty when the answer fits
     * @throws IllegalArgumentException if the operation is unknown
     */
    public List<String> outputViolations(String operation, JsonNode output) {
        Operation known = operations.get(operation);
        if (known == null) {
            throw new IllegalArgumentException("unknown operation: " + operation);
        }
        if (known.outputShape().isEmpty()) {
            return output.isObject() && output.isEmpty() ? List.of() : List.of("$: " + operation + " answers {}");
        }
        return outputCheck.check(shape(known.outputShape().get()), output);
    }

    private Shape inputShape(String operation) {
        Operation known = operations.get(operation);
        if (known == null) {
            throw new IllegalArgumentException("unknown operation: " + operation);
        }
        return shape(known.inputShape());
    }

    private Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException("model has no shape " + name);
        }
        return shape;
    }

    private static ServiceModel readResource() {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return read(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Builds the model from the JSON that {@code tools/extract-cognito-model.py} writes. */
    static ServiceModel read(JsonNode root) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.required("operations").properties()) {
            JsonNode op = entry.getValue();
            operations.put(entry.getKey(), new Operation(
                    entry.getKey(),
                    op.required("input").stringValue(),
                    op.optional("output").map(JsonNode::stringValue),
                    op.path("unsigned").asBoolean(false)));
        }
        Map<String, Shape> shapes = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.required("shapes").properties()) {
            shapes.put(entry.getKey(), shapeOf(entry.getKey(), entry.getValue()));
        }
        checkReferences(operations, shapes);
        return new ServiceModel(root.required("metadata").required("targetPrefix").stringValue(), operations, shapes);
    }

    private static Shape shapeOf(String name, JsonNode json) {
        ShapeType type = ShapeType.of(json.required("type").stringValue());
        Set<String> required = new LinkedHashSet<>();
        json.path("required").forEach(member -> required.add(member.stringValue()));
        List<Shape.Member> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : json.path("members").properties()) {
            members.add(new Shape.Member(member.getKey(), Shape.Member.pathNameOf(member.getKey()),
                    member.getValue().stringValue(), required.contains(member.getKey())));
        }
        List<String> enumValues = new ArrayList<>();
        json.path("enum").forEach(value -> enumValues.add(value.stringValue()));
        boolean sensitive = json.path("sensitive").asBoolean(false);
        return new Shape(
                name,
                type,
                members,
                checkOrder(members),
                json.optional("min").map(JsonNode::decimalValue),
                json.optional("max").map(JsonNode::decimalValue),
                json.optional("pattern").map(pattern -> compile(name, pattern.stringValue())),
                enumValues,
                sensitive,
                sensitive && !SHOWN_ALTHOUGH_SENSITIVE.contains(name),
                json.optional("member").map(JsonNode::stringValue),
                json.optional("key").map(JsonNode::stringValue),
                json.optional("value").map(JsonNode::stringValue));
    }

    /**
     * The order Cognito reports members in: that of a {@link HashMap} keyed by path name and
     * filled in model order (evidence in {@link ConstraintCheck}). Keep it a plain HashMap: its
     * iteration order is the point.
     */
    private static List<Shape.Member> checkOrder(List<Shape.Member> members) {
        Map<String, Shape.Member> byPathName = new HashMap<>();
        for (Shape.Member member : members) {
            byPathName.put(member.pathName(), member);
        }
        return List.copyOf(byPathName.values());
    }

    /**
     * The model's patterns are Java regular expressions already (AWS's framework is Java);
     * {@code \p{L}}, {@code \w} and friends keep their Java meanings, {@code \w} being ASCII.
     */
    private static Pattern compile(String shape, String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("shape " + shape + " has a pattern Java cannot compile: " + pattern, e);
        }
    }

    private static void checkReferences(Map<String, Operation> operations, Map<String, Shape> shapes) {
        List<String> missing = new ArrayList<>();
        operations.values().forEach(op -> {
            missing.add(op.inputShape());
            op.outputShape().ifPresent(missing::add);
        });
        shapes.values().forEach(shape -> {
            shape.members().forEach(member -> missing.add(member.target()));
            shape.listMember().ifPresent(missing::add);
            shape.mapKey().ifPresent(missing::add);
            shape.mapValue().ifPresent(missing::add);
        });
        missing.removeIf(shapes::containsKey);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("model refers to unknown shapes " + new LinkedHashSet<>(missing));
        }
    }
}
