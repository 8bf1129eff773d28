package dev.tobira.core.pool;

import dev.tobira.core.pool.UserPool.NumberAttributeConstraints;
import dev.tobira.core.pool.UserPool.SchemaAttribute;
import dev.tobira.core.pool.UserPool.StringAttributeConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The OpenID Connect standard attributes every pool has, as DescribeUserPool lists them.
 *
 * <p>The list, its order and each entry's settings follow the SchemaAttributes of a new pool as
 * Cognito describes it: 20 attributes, {@code sub} first and {@code updated_at} last, without
 * {@code identities} (Cognito sets that one itself for federated users and does not list it).
 * Source: {@code aws cognito-idp describe-user-pool} output of a real us-east-2 pool created
 * 2023-03 (published in github.com/kengraf/nadialin), matching the aws-cli example
 * {@code awscli/examples/cognito-idp/describe-user-pool.rst}: every entry has
 * {@code DeveloperOnlyAttribute} false, {@code Mutable} true and {@code Required} false except
 * {@code sub} (immutable, required, length 1 to 2048); strings are 0 to 2048 long except
 * {@code birthdate} (10 to 10); the {@code *_verified} flags are Boolean without constraints;
 * {@code updated_at} is a Number with {@code MinValue} "0" only.
 */
public final class StandardAttributes {

    public static final List<String> NAMES = List.of(
            "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
            "profile", "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo",
            "locale", "phone_number", "phone_number_verified", "address", "updated_at");

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
