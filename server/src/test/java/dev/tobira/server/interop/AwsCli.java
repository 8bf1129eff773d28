package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real AWS CLI pointed at a Tobira endpoint: {@code aws --endpoint-url … cognito-idp ARGS}, as a user types it. */
record AwsCli(String endpoint) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Processes.Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json",
                "cognito-idp"));
        command.addAll(List.of(args));
        return Processes.run(command, Processes.awsEnvironment("local", "local"));
    }

    /** The JSON the command printed; fails the test unless it succeeded. */
    JsonNode ok(String... args) {
        Processes.Result result = run(args);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    /** What the CLI printed for a service error (e.g. "An error occurred (X) when calling …"); fails the test if it succeeded. */
    String error(String... args) {
        Processes.Result result = run(args);
        assertThat(result.exitCode()).as(result.stdout()).isNotZero();
        return result.stderr().strip();
    }
}
