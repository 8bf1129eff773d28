package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.SchemaAttribute;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.Attribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks attributes against a pool's schema and merges changes, with Cognito's messages. */
final class AttributeRules {

    private static final String NONCONFORMING = "Attributes did not conform to the schema: ";
    static final String UNAUTHORIZED_WRITE = "A client attempted to write unauthorized attribute";

    private AttributeRules() {}

    /** Every attribute must exist in the schema, be writable by an administrator, and have a valid value. */
    static void checkWritable(UserPool pool, List<Attribute> attributes, boolean creating) {
        for (Attribute a : attributes) {
            SchemaAttribute schema = pool.schemaAttribute(a.name()).orElseThrow(() -> new InvalidParameterException(
                    NONCONFORMING + a.name() + ": Attribute does not exist in the schema.\n"));
            if (a.name().equals("sub")) {
                throw new InvalidParameterException(NONCONFORMING + "sub: Attribute cannot be updated.\n");
            }
            if (!creating && Boolean.FALSE.equals(schema.mutable())) {
                throw new InvalidParameterException("Cannot modify the non-mutable attribute " + a.name());
            }
            if (a.value() == null) {
                throw new InvalidParameterException(NONCONFORMING + a.name() + ": Attribute value is required.\n");
            }
            if ("Boolean".equals(schema.attributeDataType()) && !a.value().equals("true") && !a.value().equals("false")) {
                throw new InvalidParameterException(NONCONFORMING + a.name()
                        + ": Attribute value for " + a.name() + " must be either \"true\" or \"false\".\n");
            }
            if ("Number".equals(schema.attributeDataType()) && !a.value().matches("-?\\d+(\\.\\d+)?")) {
                throw new InvalidParameterException(NONCONFORMING + a.name() + ": Number is invalid.\n");
            }
            if (schema.stringAttributeConstraints() != null && schema.stringAttributeConstraints().maxLength() != null
                    && a.value().length() > Integer.parseInt(schema.stringAttributeConstraints().maxLength())) {
                throw new InvalidParameterException(NONCONFORMING + a.name() + ": String is too long.\n");
            }
        }
    }

    /** A client with WriteAttributes may set (or delete) only those. */
    static void checkClientMayWrite(UserPoolClient client, List<Attribute> attributes) {
        if (client.writeAttributes().isEmpty()) {
            return;
        }
        for (Attribute a : attributes) {
            if (!client.writeAttributes().contains(a.name())) {
                throw new NotAuthorizedException(UNAUTHORIZED_WRITE);
            }
        }
    }

    /**
     * The attributes may be deleted from a user: each exists in the schema, is neither {@code sub} nor
     * required, and is mutable.
     */
    static void checkDeletable(UserPool pool, List<String> names) {
        for (String name : names) {
            SchemaAttribute schema = pool.schemaAttribute(name).orElseThrow(() -> new InvalidParameterException(
                    NONCONFORMING + name + ": Attribute does not exist in the schema.\n"));
            if (name.equals("sub") || Boolean.TRUE.equals(schema.required())) {
                throw new InvalidParameterException(NONCONFORMING + name + ": The attribute is required.\n");
            }
            if (Boolean.FALSE.equals(schema.mutable())) {
                throw new InvalidParameterException("Cannot modify the non-mutable attribute " + name);
            }
        }
    }

    /** Every required attribute of the schema is present. */
    static void checkRequired(UserPool pool, List<Attribute> attributes) {
        for (SchemaAttribute s : pool.schemaAttributes()) {
            if (Boolean.TRUE.equals(s.required()) && !s.name().equals("sub")
                    && attributes.stream().noneMatch(a -> a.name().equals(s.name()))) {
                throw new InvalidParameterException(
                        NONCONFORMING + s.name() + ": The attribute " + s.name() + " is required.\n");
            }
        }
    }

    /**
     * {@code attributes} without those named in {@code names}; an {@code email} or {@code phone_number}
     * takes its {@code *_verified} flag with it.
     */
    static List<Attribute> without(List<Attribute> attributes, List<String> names) {
        return attributes.stream()
                .filter(a -> !names.contains(a.name()))
                .filter(a -> names.stream().noneMatch(n -> ContactAttributes.VERIFIABLE.contains(n)
                        && a.name().equals(ContactAttributes.verifiedFlag(n))))
                .toList();
    }

    /** {@code current} with {@code changes} applied: changed values replaced in place, new ones appended. */
    static List<Attribute> merge(List<Attribute> current, List<Attribute> changes) {
        Map<String, String> merged = new LinkedHashMap<>();
        current.forEach(a -> merged.put(a.name(), a.value()));
        changes.forEach(a -> merged.put(a.name(), a.value()));
        List<Attribute> out = new ArrayList<>();
        merged.forEach((k, v) -> out.add(new Attribute(k, v)));
        return out;
    }
}
