package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.TestServices;
import dev.tobira.core.user.Attribute;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Admin* calls name a user by username, by a verified alias, or by its {@code sub} ("If username isn't
 * an alias attribute in your user pool, this value must be the sub of a local user").
 */
class AdminUserBySubTest {

    private TestServices t;
    private String poolId;
    private String sub;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        poolId = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null)).userPool().id();
        sub = new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "lou",
                List.of(new Attribute("email", "lou@example.com")), null, "Temp-Passw0rd!", null, "SUPPRESS", null,
                null)).user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow()
                .value();
    }

    @Test
    @DisplayName("AdminGetUser, AdminUpdateUserAttributes, AdminSetUserPassword, AdminDisableUser, AdminEnableUser, "
            + "AdminUserGlobalSignOut and AdminDeleteUser find the user by its sub")
    void adminCallsWhenUserNamedBySubThenTheyActOnThatUser() {
        assertThat(new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, sub)).username())
                .isEqualTo("lou");
        new AdminUpdateUserAttributes(t.services).handle(new AdminUpdateUserAttributes.Request(poolId, sub,
                List.of(new Attribute("name", "Lou")), null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, sub, "Right-Passw0rd!",
                true));
        new AdminDisableUser(t.services).handle(new AdminDisableUser.Request(poolId, sub));
        AdminGetUser.Response lou = new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "lou"));
        assertThat(lou.userAttributes()).contains(new Attribute("name", "Lou"));
        assertThat(lou.userStatus()).isEqualTo("CONFIRMED");
        assertThat(lou.enabled()).isFalse();
        new AdminEnableUser(t.services).handle(new AdminEnableUser.Request(poolId, sub));
        new AdminUserGlobalSignOut(t.services).handle(new AdminUserGlobalSignOut.Request(poolId, sub));
        new AdminDeleteUser(t.services).handle(new AdminDeleteUser.Request(poolId, sub));
        assertThatThrownBy(() -> new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "lou")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void adminGetUserWhenSubUnknownOrOfAnotherCaseThenUserNotFound() {
        for (String name : List.of("00000000-0000-4000-8000-000000000000", sub.toUpperCase())) {
            assertThatThrownBy(() -> new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, name)))
                    .isInstanceOf(UserNotFoundException.class)
                    .hasMessage("User does not exist.");
        }
    }
}
