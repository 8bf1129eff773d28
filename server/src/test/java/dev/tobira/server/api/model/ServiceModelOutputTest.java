package dev.tobira.server.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link ServiceModel#outputViolations}: what an answer may hold, by the model's output shapes. */
class ServiceModelOutputTest {

    private static final ServiceModel MODEL = ServiceModel.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void outputViolationsWhenAnswerFitsThenNone() {
        assertThat(MODEL.outputViolations("AdminGetUser", json("""
                {"Username":"a","UserAttributes":[{"Name":"sub","Value":"x"}],"UserCreateDate":1.7E9,
                 "UserLastModifiedDate":1700000000,"Enabled":true,"UserStatus":"CONFIRMED"}"""))).isEmpty();
    }

    @Test
    void outputViolationsWhenMemberUnknownThenReportedWithItsPath() {
        assertThat(MODEL.outputViolations("AdminGetUser", json("""
                {"Username":"a","UserAttributes":[{"Name":"sub","Value":"x","Extra":1}],"Groups":[]}""")))
                .containsExactly("$.UserAttributes[0].Extra: not a member of AttributeType",
                        "$.Groups: not a member of AdminGetUserResponse");
    }

    @Test
    void outputViolationsWhenTimestampIsTextThenReported() {
        assertThat(MODEL.outputViolations("AdminGetUser", json("{\"UserCreateDate\":\"2024-01-01T00:00:00Z\"}")))
                .containsExactly("$.UserCreateDate: STRING where DateType is a timestamp");
    }

    @Test
    void outputViolationsWhenEnumValueUnknownOrNullThenReported() {
        assertThat(MODEL.outputViolations("AdminGetUser", json("{\"UserStatus\":\"ACTIVE\",\"Enabled\":null}")))
                .hasSize(2)
                .anyMatch(v -> v.startsWith("$.UserStatus: 'ACTIVE' is not one of UserStatusType"))
                .anyMatch(v -> v.startsWith("$.Enabled: null"));
    }

    @Test
    void outputViolationsWhenOperationAnswersNothingThenOnlyEmptyObjectFits() {
        assertThat(MODEL.outputViolations("AdminDeleteUser", json("{}"))).isEmpty();
        assertThat(MODEL.outputViolations("AdminDeleteUser", json("{\"ok\":true}"))).hasSize(1);
    }

    @Test
    void outputViolationsWhenMapOrListHoldsWrongTypesThenReported() {
        assertThat(MODEL.outputViolations("ListTagsForResource", json("{\"Tags\":{\"a\":1}}")))
                .containsExactly("$.Tags['a']: NUMBER where TagValueType is a string");
        assertThat(MODEL.outputViolations("ListUsers", json("{\"Users\":{}}")))
                .containsExactly("$.Users: OBJECT where UsersListType is a list");
    }
}
