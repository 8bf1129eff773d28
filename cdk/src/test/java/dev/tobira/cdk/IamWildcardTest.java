package dev.tobira.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No statement of any policy in any stack or variant grants anything on every resource, or on every resource of a kind. */
class IamWildcardTest {

    static Stream<Arguments> stacks() {
        return Stream.of(
                Arguments.of("TobiraCognito", (java.util.function.Supplier<Synthesized.Stack>) () -> Synthesized.cognito(false)),
                Arguments.of("TobiraCognito passwordless", (java.util.function.Supplier<Synthesized.Stack>) () -> Synthesized.cognito(true)),
                Arguments.of("TobiraSelfHosted", (java.util.function.Supplier<Synthesized.Stack>) Synthesized::selfHosted));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void statementsWhenWalkedThenNoWildcardResource(String name, java.util.function.Supplier<Synthesized.Stack> stack) {
        List<Map<String, Object>> statements = IamStatements.all(stack.get().template().toJSON());

        assertThat(statements).isNotEmpty();
        assertThat(statements).allSatisfy(statement -> {
            List<?> resources = statement.get("Resource") instanceof List<?> list ? list : List.of(statement.get("Resource"));
            assertThat(statement).doesNotContainKey("NotResource");
            // "*", or an ARN ending in a wildcard (the original's userpool/*).
            if (resources.stream().anyMatch(r -> IamStatements.value(r).endsWith("*"))) {
                // The one exception: ECR's GetAuthorizationToken has no resource type, so IAM accepts only "*"
                // for it; alone in its statement, it lets the task pull from the repositories granted above.
                assertThat(IamStatements.render(statement)).as("a statement on every resource")
                        .isEqualTo("Allow ecr:GetAuthorizationToken -> *");
            }
        });
    }
}
