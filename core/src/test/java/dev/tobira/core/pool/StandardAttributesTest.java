package dev.tobira.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.pool.UserPool.NumberAttributeConstraints;
import dev.tobira.core.pool.UserPool.SchemaAttribute;
import dev.tobira.core.pool.UserPool.StringAttributeConstraints;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new pool's standard schema as Cognito describes it (sources in StandardAttributes). */
class StandardAttributesTest {

    @Test
    void schemaWhenNoOverridesThenCognitosTwentyAttributesInItsOrder() {
        List<SchemaAttribute> schema = StandardAttributes.schema(List.of());

        assertThat(schema).extracting(SchemaAttribute::name).containsExactly("sub", "name", "given_name",
                "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
                "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
                "phone_number_verified", "address", "updated_at");
        assertThat(schema.getFirst()).isEqualTo(new SchemaAttribute("sub", "String", false, false, true, null,
                new StringAttributeConstraints("1", "2048")));
        assertThat(schema).filteredOn(a -> a.name().equals("email_verified")).containsExactly(
                new SchemaAttribute("email_verified", "Boolean", false, true, false, null, null));
        assertThat(schema).filteredOn(a -> a.name().equals("birthdate")).containsExactly(
                new SchemaAttribute("birthdate", "String", false, true, false, null,
                        new StringAttributeConstraints("10", "10")));
        assertThat(schema.getLast()).isEqualTo(new SchemaAttribute("updated_at", "Number", false, true, false,
                new NumberAttributeConstraints("0", null), null));
        assertThat(StandardAttributes.isStandard("identities")).isFalse();
    }
}
