package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A whole groups and tags round trip typed as a user types it, through the real AWS CLI. */
class AwsCliGroupsTest {

    private static RunningTobira tobira;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    /** The AWS CLI as a user types it against the shared server. */
    private static Processes.Result aws(String... args) {
        return new AwsCli(tobira.endpoint()).run(args);
    }

    private static JsonNode ok(String... args) {
        return new AwsCli(tobira.endpoint()).ok(args);
    }

    @Test
    void groupsAndTagsWhenTypedAtTheCliThenTheWholeRoundTripWorks() {
        JsonNode pool = ok("create-user-pool", "--pool-name", "cli-groups").get("UserPool");
        String poolId = pool.get("Id").asString();
        String arn = pool.get("Arn").asString();
        for (String name : List.of("ivy", "jon")) {
            ok("admin-create-user", "--user-pool-id", poolId, "--username", name, "--message-action", "SUPPRESS");
        }
        String ivySub = ok("admin-get-user", "--user-pool-id", poolId, "--username", "ivy").get("UserAttributes")
                .findValues("Value").getFirst().asString();

        JsonNode group = ok("create-group", "--user-pool-id", poolId, "--group-name", "ops", "--description",
                "Operators", "--precedence", "3", "--role-arn", "arn:aws:iam::123456789012:role/Ops").get("Group");
        assertThat(group.get("Description").asString()).isEqualTo("Operators");
        assertThat(group.get("Precedence").asInt()).isEqualTo(3);
        ok("create-group", "--user-pool-id", poolId, "--group-name", "dev");
        Processes.Result duplicate = aws("create-group", "--user-pool-id", poolId, "--group-name", "dev");
        assertThat(duplicate.exitCode()).isNotZero();
        assertThat(duplicate.stderr()).contains("GroupExistsException").contains("A group with the name dev already exists.");

        ok("admin-add-user-to-group", "--user-pool-id", poolId, "--username", ivySub, "--group-name", "ops");
        ok("admin-add-user-to-group", "--user-pool-id", poolId, "--username", "ivy", "--group-name", "dev");
        ok("admin-add-user-to-group", "--user-pool-id", poolId, "--username", "jon", "--group-name", "dev");
        assertThat(ok("admin-list-groups-for-user", "--user-pool-id", poolId, "--username", "ivy").get("Groups")
                .findValuesAsString("GroupName")).containsExactly("dev", "ops");
        // The CLI pages through with --page-size and joins the pages itself.
        assertThat(ok("list-users-in-group", "--user-pool-id", poolId, "--group-name", "dev", "--page-size", "1")
                .get("Users").findValuesAsString("Username")).containsExactly("ivy", "jon");
        assertThat(ok("list-groups", "--user-pool-id", poolId, "--page-size", "1").get("Groups")
                .findValuesAsString("GroupName")).containsExactly("dev", "ops");

        assertThat(ok("update-group", "--user-pool-id", poolId, "--group-name", "dev", "--description", "Developers")
                .get("Group").get("Description").asString()).isEqualTo("Developers");
        assertThat(ok("get-group", "--user-pool-id", poolId, "--group-name", "dev").get("Group").get("Description")
                .asString()).isEqualTo("Developers");

        ok("admin-remove-user-from-group", "--user-pool-id", poolId, "--username", "jon", "--group-name", "dev");
        assertThat(ok("list-users-in-group", "--user-pool-id", poolId, "--group-name", "dev").get("Users")
                .findValuesAsString("Username")).containsExactly("ivy");
        ok("delete-group", "--user-pool-id", poolId, "--group-name", "dev");
        Processes.Result gone = aws("get-group", "--user-pool-id", poolId, "--group-name", "dev");
        assertThat(gone.stderr()).contains("ResourceNotFoundException").contains("Group not found.");
        assertThat(ok("admin-list-groups-for-user", "--user-pool-id", poolId, "--username", ivySub).get("Groups")
                .findValuesAsString("GroupName")).containsExactly("ops");

        ok("tag-resource", "--resource-arn", arn, "--tags", "team=auth,env=test");
        assertThat(ok("list-tags-for-resource", "--resource-arn", arn).get("Tags").toString())
                .isEqualTo("{\"env\":\"test\",\"team\":\"auth\"}");
        ok("untag-resource", "--resource-arn", arn, "--tag-keys", "env");
        assertThat(ok("describe-user-pool", "--user-pool-id", poolId).get("UserPool").get("UserPoolTags").toString())
                .isEqualTo("{\"team\":\"auth\"}");
    }
}
