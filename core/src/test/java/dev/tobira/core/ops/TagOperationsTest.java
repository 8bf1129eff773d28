package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.TestServices;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TagResource, UntagResource and ListTagsForResource on a pool's ARN: one set with the pool's UserPoolTags. */
class TagOperationsTest {

    private TestServices t;
    private UserPool pool;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Map.of("env", "test"), null,
                null, null, null, null, null)).userPool();
    }

    private Map<String, String> tags() {
        return new ListTagsForResource(t.services).handle(new ListTagsForResource.Request(pool.arn())).tags();
    }

    private void tag(Map<String, String> tags) {
        new TagResource(t.services).handle(new TagResource.Request(pool.arn(), tags));
    }

    private UserPool described() {
        return new DescribeUserPool(t.services).handle(new DescribeUserPool.Request(pool.id())).userPool();
    }

    @Test
    void tagResourceWhenTagsGivenThenAddedOrReplacedAndDescribeUserPoolShowsTheSameSet() {
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id());
        assertThat(tags()).containsExactly(Map.entry("env", "test"));
        tag(Map.of("env", "prod", "team", "auth", MessageTemplates.LANGUAGE_TAG, "ja"));
        assertThat(tags()).isEqualTo(Map.of("env", "prod", "team", "auth", "tobira:language", "ja"));
        assertThat(described().userPoolTags()).isEqualTo(tags());

        new UntagResource(t.services).handle(new UntagResource.Request(pool.arn(), List.of("team", "never-set")));
        assertThat(tags()).isEqualTo(Map.of("env", "prod", "tobira:language", "ja"));
        assertThat(described().userPoolTags()).isEqualTo(tags());
    }

    @Test
    void updateUserPoolWhenTagsGivenThenListTagsForResourceShowsThem() {
        new UpdateUserPool(t.services).handle(new UpdateUserPool.Request(pool.id(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, Map.of("owner", "ops"), null, null, null,
                null, null));
        assertThat(tags()).isEqualTo(Map.of("owner", "ops"));
    }

    @Test
    @DisplayName("A user pool can have as many as 50 tags")
    void tagResourceWhenTheSetWouldPassFiftyThenInvalidParameterAndNothingChanges() {
        Map<String, String> fortyNine = new HashMap<>();
        for (int i = 0; i < 49; i++) {
            fortyNine.put("k" + i, "v");
        }
        tag(fortyNine);
        assertThat(tags()).hasSize(50);
        tag(Map.of("k0", "replaced"));
        assertThat(tags()).hasSize(50).containsEntry("k0", "replaced");
        assertThatThrownBy(() -> tag(Map.of("one-more", "v")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("A user pool can have at most 50 tags; this request would give it 51.");
        assertThat(tags()).hasSize(50).doesNotContainKey("one-more");
    }

    @Test
    void tagResourceWhenKeyInAwsPrefixThenInvalidParameter() {
        assertThatThrownBy(() -> tag(Map.of("aws:cloudformation:stack-name", "x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Tag keys starting with \"aws:\" are reserved for AWS use: aws:cloudformation:stack-name");
    }

    @Test
    void tagOperationsWhenArnNamesNoPoolHereThenResourceNotFound() {
        String missing = "arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_NoSuchPol";
        String otherAccount = "arn:aws:cognito-idp:us-east-1:111111111111:userpool/" + pool.id();
        for (String arn : List.of(missing, otherAccount)) {
            String id = arn.substring(arn.indexOf("userpool/") + 9);
            assertThatThrownBy(() -> new ListTagsForResource(t.services).handle(new ListTagsForResource.Request(arn)))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessage("User pool " + id + " does not exist.");
            assertThatThrownBy(() -> new TagResource(t.services).handle(new TagResource.Request(arn, Map.of("a", "b"))))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> new UntagResource(t.services).handle(new UntagResource.Request(arn, List.of("a"))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void tagOperationsWhenArnIsNoUserPoolsThenInvalidParameter() {
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp";
        assertThatThrownBy(() -> new ListTagsForResource(t.services).handle(new ListTagsForResource.Request(arn)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid resource ARN " + arn
                        + ": only user pools (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID) have tags.");
    }

    @Test
    void createUserPoolWhenMoreThanFiftyTagsThenInvalidParameter() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, many, null, null,
                null, null, null, null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("A user pool can have at most 50 tags; this request would give it 51.");
    }
}
