package dev.tobira.server.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Properties over arbitrary bodies: bad input is an answer, never a crash. */
class ServiceModelPropertiesTest {

    private static final ServiceModel MODEL = ServiceModel.load();
    private static final List<String> OPERATIONS = List.copyOf(MODEL.operationNames());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 1000)
    void violationsWhenAnyBodyThenViolationsOrSerializationExceptionOnly(
            @ForAll("operations") String operation, @ForAll("bodies") JsonNode body) {
        try {
            List<String> violations = MODEL.violations(operation, body);
            for (String violation : violations) {
                assertThat(violation).startsWith("Value ").contains(" failed to satisfy constraint: ");
            }
        } catch (ModelTypeException e) {
            assertThat(e.type()).isEqualTo("SerializationException");
        }
    }

    @Property
    void messageWhenAnyViolationsThenCountPrefixAndSeparator(
            @ForAll("violationLists") List<String> violations) {
        String message = ServiceModel.message(violations);
        String prefix = violations.size() == 1
                ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        assertThat(message).isEqualTo(prefix + String.join("; ", violations));
    }

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.of(OPERATIONS);
    }

    @Provide
    Arbitrary<List<String>> violationLists() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(20).list().ofMinSize(1).ofMaxSize(6);
    }

    /** Bodies mixing the operation members' real names with arbitrary JSON values. */
    @Provide
    Arbitrary<JsonNode> bodies() {
        Arbitrary<String> names = Arbitraries.of("ClientId", "Username", "Password", "UserPoolId", "AuthFlow",
                "AuthParameters", "UserAttributes", "Name", "Value", "Limit", "MaxResults", "Policies",
                "PasswordPolicy", "MinimumLength", "ExplicitAuthFlows", "Tags", "ClientMetadata", "AccessToken",
                "Session", "ForceAliasCreation", "ImageFile", "Credential", "Bogus");
        return names.list().ofMaxSize(6).flatMap(keys -> values(3).list().ofSize(keys.size()).map(vals -> {
            ObjectNode body = NODES.objectNode();
            for (int i = 0; i < keys.size(); i++) {
                body.set(keys.get(i), vals.get(i));
            }
            return body;
        }));
    }

    private Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(NODES::stringNode),
                Arbitraries.of("", "USER_PASSWORD_AUTH", "us-east-1_abc", "a b", "iVBORw0KGgo=", "true")
                        .map(NODES::stringNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(3).map(items -> {
            var array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.of("Name", "Value", "PasswordPolicy", "MinimumLength", "k", "")
                .list().ofMaxSize(3).flatMap(keys -> values(depth - 1).list().ofSize(keys.size()).map(vals -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        object.set(keys.get(i), vals.get(i));
                    }
                    return object;
                }));
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalars),
                Tuple.of(1, arrays),
                Tuple.of(1, objects));
    }
}
