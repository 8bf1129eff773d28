package dev.tobira.core.pool;

import dev.tobira.core.pool.UserPool.NumberAttributeConstraints;
import dev.tobira.core.pool.UserPool.SchemaAttribute;
import dev.tobira.core.pool.UserPool.StringAttributeConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The OpenID Connect standard attributes every pool has, as DescribeUserPool lists them. */
public final class StandardAttributes {

    public static final List<String> NAMES = List.of(
            "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
            "profile", "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo",
            "locale", "phone_number", "phone_number_verified", "address", "updated_at", "identities");

    private static final Set<String> BOOLEANS = Set.of("email_verified", "phone_number_verified");

    private StandardAttributes() {}

    public static boolean isStandard(String name) {
        return NAMES.contains(name);
    }

    /** The standard schema, with {@code overrides} (pool Schema entries naming a standard attribute) applied. */
    public static List<SchemaAttribute> schema(List<SchemaAttribute> overrides) {
        List<SchemaAttribute> out = new ArrayList<>();
        for (String name : NAMES) {
            SchemaAttribute base = defaultFor(name);
            SchemaAttribute override = overrides.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
            if (override != null) {
                base = new SchemaAttribute(name, base.attributeDataType(), false,
                        override.mutable() != null ? override.mutable() : base.mutable(),
                        override.required() != null ? override.required() : base.required(),
                        override.numberAttributeConstraints() != null
                                ? override.numberAttributeConstraints() : base.numberAttributeConstraints(),
                        override.stringAttributeConstraints() != null
                                ? override.stringAttributeConstraints() : base.stringAttributeConstraints());
            }
            out.add(base);
        }
        return out;
    }

    private static SchemaAttribute defaultFor(String name) {
        if (name.equals("sub")) {
            return new SchemaAttribute(name, "String", false, false, true, null,
                    new StringAttributeConstraints("1", "2048"));
        }
        if (BOOLEANS.contains(name)) {
            return new SchemaAttribute(name, "Boolean", false, true, false, null, null);
        }
        if (name.equals("updated_at")) {
            return new SchemaAttribute(name, "Number", false, true, false,
                    new NumberAttributeConstraints("0", null), null);
        }
        if (name.equals("birthdate")) {
            return new SchemaAttribute(name, "String", false, true, false, null,
                    new StringAttributeConstraints("10", "10"));
        }
        return new SchemaAttribute(name, "String", false, true, false, null,
                new StringAttributeConstraints("0", "2048"));
    }
}
