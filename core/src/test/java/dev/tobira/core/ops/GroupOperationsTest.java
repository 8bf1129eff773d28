package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.GroupExistsException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.LimitExceededException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.TestServices;
import dev.tobira.core.group.Group;
import dev.tobira.core.ops.Groups.GroupType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The group operations over in-memory stores: shapes, Cognito's errors, and the tokens of members. */
class GroupOperationsTest {

    private static final String MISSING_POOL = "us-east-1_NoSuchPol";
    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/Admin";
    private static final String READER_ROLE = "arn:aws:iam::123456789012:role/Reader";

    private TestServices t;
    private String poolId;
    private String clientId;
    private String louSub;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        poolId = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null)).userPool().id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null,
                null, null, null, null, null, null, null,
                List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), null, null, null,
                null, null, null, null, null, null, null, null, null, null)).userPoolClient().clientId();
        createUser("lou");
        createUser("max");
        louSub = new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "lou")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    private void createUser(String username) {
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, username, null, null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, username,
                "Right-Passw0rd!", true));
    }

    private GroupType create(String name, String description, String role, Integer precedence) {
        return new CreateGroup(t.services).handle(new CreateGroup.Request(name, poolId, description, role, precedence))
                .group();
    }

    private void add(String username, String group) {
        new AdminAddUserToGroup(t.services).handle(new AdminAddUserToGroup.Request(poolId, username, group));
    }

    private void remove(String username, String group) {
        new AdminRemoveUserFromGroup(t.services).handle(new AdminRemoveUserFromGroup.Request(poolId, username, group));
    }

    private List<String> groupsOf(String username) {
        return new AdminListGroupsForUser(t.services).handle(new AdminListGroupsForUser.Request(username, poolId, null,
                null)).groups().stream().map(GroupType::groupName).toList();
    }

    private static void assertError(ThrowingCallable call, Class<? extends CognitoException> type, String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessage(message);
    }

    @Test
    void createGroupWhenAllMembersGivenThenGetReturnsThemWithTheClocksDates() {
        GroupType created = create("admins", "Administrators", ADMIN_ROLE, 1);
        Instant now = t.clock.instant();
        assertThat(created).isEqualTo(new GroupType("admins", poolId, "Administrators", ADMIN_ROLE, 1, now, now));
        assertThat(new GetGroup(t.services).handle(new GetGroup.Request("admins", poolId)).group()).isEqualTo(created);
        assertThat(create("bare", null, null, null))
                .isEqualTo(new GroupType("bare", poolId, null, null, null, now, now));
    }

    @Test
    void createGroupWhenNameTakenThenGroupExistsException() {
        create("admins", null, null, null);
        assertError(() -> create("admins", "again", null, 3), GroupExistsException.class,
                "A group with the name admins already exists.");
        assertThat(create("Admins", null, null, null).groupName()).as("names are case-sensitive").isEqualTo("Admins");
    }

    @Test
    void createGroupWhenPoolHasTheQuotaOfGroupsThenLimitExceeded() {
        for (int i = 0; i < CreateGroup.MAX_GROUPS; i++) {
            t.services.groups().create(new Group(poolId, "g" + i, Optional.empty(), Optional.empty(),
                    Optional.empty(), t.clock.instant(), t.clock.instant()));
        }
        assertError(() -> create("one-more", null, null, null), LimitExceededException.class,
                "The user pool has reached its limit of 10000 groups.");
    }

    @Test
    void groupOperationsWhenPoolMissingThenResourceNotFound() {
        String message = "User pool " + MISSING_POOL + " does not exist.";
        assertError(() -> new CreateGroup(t.services).handle(new CreateGroup.Request("g", MISSING_POOL, null, null,
                null)), ResourceNotFoundException.class, message);
        assertError(() -> new ListGroups(t.services).handle(new ListGroups.Request(MISSING_POOL, null, null)),
                ResourceNotFoundException.class, message);
        assertError(() -> new AdminAddUserToGroup(t.services).handle(new AdminAddUserToGroup.Request(MISSING_POOL,
                "lou", "g")), ResourceNotFoundException.class, message);
    }

    @Test
    void groupOperationsWhenGroupMissingThenGroupNotFound() {
        String message = "Group not found.";
        assertError(() -> new GetGroup(t.services).handle(new GetGroup.Request("nope", poolId)),
                ResourceNotFoundException.class, message);
        assertError(() -> new UpdateGroup(t.services).handle(new UpdateGroup.Request("nope", poolId, "d", null, null)),
                ResourceNotFoundException.class, message);
        assertError(() -> new DeleteGroup(t.services).handle(new DeleteGroup.Request("nope", poolId)),
                ResourceNotFoundException.class, message);
        assertError(() -> add("lou", "nope"), ResourceNotFoundException.class, message);
        assertError(() -> remove("lou", "nope"), ResourceNotFoundException.class, message);
        assertError(() -> new ListUsersInGroup(t.services).handle(new ListUsersInGroup.Request(poolId, "nope", null,
                null)), ResourceNotFoundException.class, message);
    }

    @Test
    void adminGroupCallsWhenUserMissingThenUserNotFound() {
        create("admins", null, null, null);
        String message = "User does not exist.";
        assertError(() -> add("nobody", "admins"), UserNotFoundException.class, message);
        assertError(() -> remove("nobody", "admins"), UserNotFoundException.class, message);
        assertError(() -> groupsOf("nobody"), UserNotFoundException.class, message);
    }

    @Test
    void updateGroupWhenSomeMembersGivenThenOnlyThoseChangeAndTheModifiedDateMoves() {
        GroupType created = create("admins", "Administrators", ADMIN_ROLE, 1);
        t.clock.advance(Duration.ofMinutes(5));
        GroupType updated = new UpdateGroup(t.services).handle(new UpdateGroup.Request("admins", poolId, null,
                READER_ROLE, null)).group();
        assertThat(updated).isEqualTo(new GroupType("admins", poolId, "Administrators", READER_ROLE, 1,
                t.clock.instant(), created.creationDate()));
        assertThat(new GetGroup(t.services).handle(new GetGroup.Request("admins", poolId)).group()).isEqualTo(updated);
    }

    @Test
    void listGroupsWhenMoreThanALimitThenNextTokenPagesThroughInNameOrder() {
        for (String name : List.of("c", "a", "e", "b", "d")) {
            create(name, null, null, null);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            ListGroups.Response page = new ListGroups(t.services).handle(new ListGroups.Request(poolId, 2, token));
            seen.addAll(page.groups().stream().map(GroupType::groupName).toList());
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).containsExactly("a", "b", "c", "d", "e");
        ListGroups.Response all = new ListGroups(t.services).handle(new ListGroups.Request(poolId, 0, null));
        assertThat(all.groups()).hasSize(5);
        assertThat(all.nextToken()).isNull();
        assertError(() -> new ListGroups(t.services).handle(new ListGroups.Request(poolId, 2, "%%%")),
                InvalidParameterException.class, "Invalid pagination token.");
    }

    @Test
    @DisplayName("Username: ... If username isn't an alias attribute in your user pool, this value must be the sub")
    void adminAddUserToGroupWhenUserNamedBySubThenMemberAndListsShowItBothWays() {
        create("admins", null, null, null);
        create("readers", null, null, null);
        add(louSub, "admins");
        add("lou", "readers");
        add("lou", "readers");
        add("max", "readers");
        assertThat(groupsOf(louSub)).containsExactly("admins", "readers");
        ListUsersInGroup.Response members = new ListUsersInGroup(t.services).handle(
                new ListUsersInGroup.Request(poolId, "readers", 1, null));
        assertThat(members.users()).extracting(UserViews.UserType::username).containsExactly("lou");
        assertThat(members.users().getFirst().attributes()).extracting(a -> a.name()).contains("sub");
        assertThat(new ListUsersInGroup(t.services).handle(new ListUsersInGroup.Request(poolId, "readers", 1,
                members.nextToken())).users()).extracting(UserViews.UserType::username).containsExactly("max");

        remove(louSub, "readers");
        remove("lou", "readers");
        assertThat(groupsOf("lou")).containsExactly("admins");
    }

    @Test
    void deleteGroupOrUserWhenMembersThenMembershipsGo() {
        create("admins", null, null, null);
        create("readers", null, null, null);
        add("lou", "admins");
        add("lou", "readers");
        add("max", "readers");
        new DeleteGroup(t.services).handle(new DeleteGroup.Request("admins", poolId));
        assertThat(groupsOf("lou")).containsExactly("readers");
        new AdminDeleteUser(t.services).handle(new AdminDeleteUser.Request(poolId, louSub));
        assertThat(new ListUsersInGroup(t.services).handle(new ListUsersInGroup.Request(poolId, "readers", null, null))
                .users()).extracting(UserViews.UserType::username).containsExactly("max");
        createUser("lou");
        assertThat(groupsOf("lou")).isEmpty();
    }

    @Test
    void deleteUserPoolWhenItHasGroupsThenTheyGo() {
        create("admins", null, null, null);
        add("lou", "admins");
        new DeleteUserPool(t.services).handle(new DeleteUserPool.Request(poolId));
        assertThat(t.services.groups().count(poolId)).isZero();
        assertThat(t.services.groups().allGroupsOf(poolId, "lou")).isEmpty();
    }

    private AuthResponse.AuthenticationResult signIn() {
        return new AdminInitiateAuth(t.services).handle(new AdminInitiateAuth.Request(poolId, clientId,
                "ADMIN_USER_PASSWORD_AUTH", Map.of("USERNAME", "lou", "PASSWORD", "Right-Passw0rd!"), null, null, null,
                null)).authenticationResult();
    }

    private AuthResponse.AuthenticationResult refresh(String refreshToken) {
        return new AdminInitiateAuth(t.services).handle(new AdminInitiateAuth.Request(poolId, clientId,
                "REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", refreshToken), null, null, null, null))
                .authenticationResult();
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
    }

    @Test
    @DisplayName("cognito:groups in both tokens by precedence; the ID token's cognito:roles and cognito:preferred_role "
            + "from the group with the lowest precedence that has a role")
    void signInWhenUserInGroupsThenTokensCarryGroupClaims() throws Exception {
        create("no-precedence", null, "arn:aws:iam::123456789012:role/Last", null);
        create("readers", null, READER_ROLE, 5);
        create("admins", null, ADMIN_ROLE, 1);
        create("no-role", null, null, 0);
        for (String g : List.of("no-precedence", "readers", "admins", "no-role")) {
            add("lou", g);
        }
        AuthResponse.AuthenticationResult tokens = signIn();
        Map<String, Object> id = claims(tokens.idToken());
        assertThat(id.get("cognito:groups")).isEqualTo(List.of("no-role", "admins", "readers", "no-precedence"));
        assertThat(id.get("cognito:roles"))
                .isEqualTo(List.of(ADMIN_ROLE, READER_ROLE, "arn:aws:iam::123456789012:role/Last"));
        assertThat(id.get("cognito:preferred_role")).isEqualTo(ADMIN_ROLE);
        assertThat(new ArrayList<>(id.keySet()).subList(0, 2)).containsExactly("sub", "cognito:groups");
        Map<String, Object> access = claims(tokens.accessToken());
        assertThat(access.get("cognito:groups")).isEqualTo(List.of("no-role", "admins", "readers", "no-precedence"));
        assertThat(access).doesNotContainKeys("cognito:roles", "cognito:preferred_role");
    }

    @Test
    @DisplayName("If the two groups have different role ARNs, the cognito:preferred_role claim isn't set")
    void signInWhenTiedGroupsHaveDifferentRolesThenNoPreferredRoleButBothRoles() throws Exception {
        create("admins", null, ADMIN_ROLE, 2);
        create("readers", null, READER_ROLE, 2);
        add("lou", "admins");
        add("lou", "readers");
        Map<String, Object> id = claims(signIn().idToken());
        assertThat(id).doesNotContainKey("cognito:preferred_role");
        assertThat(id.get("cognito:roles")).isEqualTo(List.of(ADMIN_ROLE, READER_ROLE));

        new UpdateGroup(t.services).handle(new UpdateGroup.Request("readers", poolId, null, ADMIN_ROLE, null));
        assertThat(claims(signIn().idToken()).get("cognito:preferred_role")).as("tied, but one role").isEqualTo(ADMIN_ROLE);
    }

    @Test
    void signInWhenUserInNoGroupThenNoGroupClaims() throws Exception {
        AuthResponse.AuthenticationResult tokens = signIn();
        assertThat(claims(tokens.idToken())).doesNotContainKeys("cognito:groups", "cognito:roles",
                "cognito:preferred_role");
        assertThat(claims(tokens.accessToken())).doesNotContainKey("cognito:groups");
    }

    @Test
    void refreshWhenMembershipChangedThenNewTokensShowTheGroupsOfNow() throws Exception {
        create("admins", null, ADMIN_ROLE, 1);
        create("readers", null, null, 2);
        add("lou", "admins");
        AuthResponse.AuthenticationResult first = signIn();
        assertThat(claims(first.idToken()).get("cognito:groups")).isEqualTo(List.of("admins"));

        remove("lou", "admins");
        add("lou", "readers");
        AuthResponse.AuthenticationResult refreshed = refresh(first.refreshToken());
        assertThat(claims(refreshed.idToken()).get("cognito:groups")).isEqualTo(List.of("readers"));
        assertThat(claims(refreshed.idToken())).doesNotContainKeys("cognito:roles", "cognito:preferred_role");
        assertThat(claims(refreshed.accessToken()).get("cognito:groups")).isEqualTo(List.of("readers"));

        new DeleteGroup(t.services).handle(new DeleteGroup.Request("readers", poolId));
        assertThat(claims(refresh(first.refreshToken()).accessToken())).doesNotContainKey("cognito:groups");
    }
}
