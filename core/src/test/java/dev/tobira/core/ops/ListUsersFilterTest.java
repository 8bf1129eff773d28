package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.user.UserFilter;
import org.junit.jupiter.api.Test;

class ListUsersFilterTest {

    @Test
    void parseWhenExactOrPrefixThenFilter() {
        assertThat(ListUsers.parse("email = \"a@example.com\"")).contains(new UserFilter("email", false, "a@example.com"));
        assertThat(ListUsers.parse("family_name ^= \"Sm\"")).contains(new UserFilter("family_name", true, "Sm"));
        assertThat(ListUsers.parse("cognito:user_status=\"CONFIRMED\""))
                .contains(new UserFilter("cognito:user_status", false, "CONFIRMED"));
        assertThat(ListUsers.parse("name = \"say \\\"hi\\\"\"")).contains(new UserFilter("name", false, "say \"hi\""));
        assertThat(ListUsers.parse(null)).isEmpty();
        assertThat(ListUsers.parse("  ")).isEmpty();
    }

    @Test
    void parseWhenMalformedOrNotSearchableThenInvalidParameter() {
        assertThatThrownBy(() -> ListUsers.parse("email = unquoted")).isInstanceOf(InvalidParameterException.class)
                .hasMessage("Error while parsing filter.");
        assertThatThrownBy(() -> ListUsers.parse("custom:team = \"x\"")).isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid search attribute: custom:team");
    }
}
