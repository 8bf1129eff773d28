package dev.tobira.server.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** Wrong JSON types: {@code SerializationException} before any constraint is checked. */
class ServiceModelTypesTest {

    private final ServiceModel model = ServiceModel.load();

    private Optional<String> serializationMessage(String operation, String json) {
        ModelTypeException thrown = catchThrowableOfType(ModelTypeException.class,
                () -> model.violations(operation, JsonMapper.shared().readTree(json)));
        assertThat(thrown).as("a ModelTypeException for %s", json).isNotNull();
        assertThat(thrown.type()).isEqualTo("SerializationException");
        return thrown.awsMessage();
    }

    @ParameterizedTest(name = "ClientId {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1            | NUMBER_VALUE can not be converted to a String",
        "1.5          | NUMBER_VALUE can not be converted to a String",
        "true         | TRUE_VALUE can not be converted to a String",
        "false        | FALSE_VALUE can not be converted to a String",
        "[\"abc\"]    | Start of list found where not expected",
        "{\"a\":\"b\"} | Start of structure or map found where not expected.",
    })
    void violationsWhenStringMemberHasOtherJsonTypeThenSerializationException(String value, String message) {
        assertThat(serializationMessage("InitiateAuth", """
                {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":%s}""".formatted(value))).contains(message);
    }

    @Test
    @DisplayName("an object for ConfirmationCode (amplify-js#5165, verbatim)")
    void violationsWhenObjectForStringThenStartOfStructureWithFullStop() {
        assertThat(serializationMessage("ConfirmForgotPassword", """
                {"ClientId":"dfsfsd","Username":"paul.cowan","ConfirmationCode":{"verificationCode":"172476"},
                 "Password":"SKLJLKJFD9080809_sklkj"}"""))
                .contains("Start of structure or map found where not expected.");
    }

    @Test
    @DisplayName("a boolean attribute value (amazon-cognito-identity-js#485)")
    void violationsWhenBooleanInsideListOfStructuresThenSerializationException() {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","UserAttributes":[{"Name":"email_verified","Value":true}]}"""))
                .contains("TRUE_VALUE can not be converted to a String");
    }

    @ParameterizedTest(name = "Limit {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"1\"         | STRING_VALUE can not be converted to an Integer",
        "true          | TRUE_VALUE can not be converted to an Integer",
        "false         | FALSE_VALUE can not be converted to an Integer",
        "[1]           | Start of list found where not expected",
        "{}            | Start of structure or map found where not expected.",
        "2147483648    | NUMBER_VALUE can not be converted to an Integer",
    })
    void violationsWhenIntegerMemberHasOtherJsonTypeThenSerializationException(String value, String message) {
        assertThat(serializationMessage("ListUsers", """
                {"UserPoolId":"us-east-1_abc","Limit":%s}""".formatted(value))).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "1", "true"})
    void violationsWhenScalarForListThenExpectedListOrNull(String value) {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","UserAttributes":%s}""".formatted(value)))
                .contains("Expected list or null");
    }

    @Test
    void violationsWhenObjectForListThenStartOfStructure() {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","UserAttributes":{}}"""))
                .contains("Start of structure or map found where not expected.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "1", "false"})
    void violationsWhenScalarForStructureThenExpectedNull(String value) {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","AnalyticsMetadata":%s}""".formatted(value)))
                .contains("Expected null");
    }

    @Test
    void violationsWhenArrayForStructureThenStartOfList() {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","AnalyticsMetadata":[]}"""))
                .contains("Start of list found where not expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "1", "true"})
    void violationsWhenScalarForMapThenExpectedMapOrNull(String value) {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","ClientMetadata":%s}""".formatted(value)))
                .contains("Expected map or null");
    }

    @Test
    void violationsWhenArrayForMapThenStartOfList() {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","ClientMetadata":["a"]}"""))
                .contains("Start of list found where not expected");
    }

    @Test
    void violationsWhenNumberAsMapValueThenSerializationException() {
        assertThat(serializationMessage("SignUp", """
                {"ClientId":"abc","Username":"alice","ClientMetadata":{"a":1}}"""))
                .contains("NUMBER_VALUE can not be converted to a String");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "\"true\"", "\"FALSE\"", "\"yes\"", "\"n\"", "\"1\"", "\"0\""})
    void violationsWhenBooleanOrBooleanWordThenAccepted(String value) {
        assertThatCode(() -> model.violations("ConfirmSignUp", JsonMapper.shared().readTree("""
                {"ClientId":"abc","Username":"alice","ConfirmationCode":"123456","ForceAliasCreation":%s}"""
                .formatted(value)))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "ForceAliasCreation {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"maybe\" | STRING_VALUE can not be converted to an Boolean",
        "1         | NUMBER_VALUE can not be converted to a Boolean",
        "[]        | Start of list found where not expected",
        "{}        | Start of structure or map found where not expected.",
    })
    void violationsWhenBooleanMemberHasOtherJsonTypeThenSerializationException(String value, String message) {
        assertThat(serializationMessage("ConfirmSignUp", """
                {"ClientId":"abc","Username":"alice","ConfirmationCode":"123456","ForceAliasCreation":%s}"""
                .formatted(value))).contains(message);
    }

    @Test
    void violationsWhenBlobIsNotAStringThenSerializationException() {
        assertThat(serializationMessage("SetUICustomization", """
                {"UserPoolId":"us-east-1_abc","ImageFile":12}"""))
                .contains("NUMBER_VALUE can not be converted to a Blob");
    }

    @Test
    void violationsWhenBlobIsNotBase64ThenSerializationExceptionWithoutMessage() {
        assertThat(serializationMessage("SetUICustomization", """
                {"UserPoolId":"us-east-1_abc","ImageFile":"not base64!"}""")).isEmpty();
    }

    @Test
    void violationsWhenBlobIsBase64ThenAccepted() throws Exception {
        assertThat(model.violations("SetUICustomization", JsonMapper.shared().readTree("""
                {"UserPoolId":"us-east-1_abc","ImageFile":"iVBORw0KGgo="}"""))).isEmpty();
    }

    @Test
    void violationsWhenDocumentMemberHoldsAnyJsonThenAccepted() throws Exception {
        assertThat(model.violations("CompleteWebAuthnRegistration", JsonMapper.shared().readTree("""
                {"AccessToken":"abc","Credential":{"id":"x","rawId":[1,2],"response":{"n":null,"b":true}}}""")))
                .isEmpty();
    }

    @Test
    @DisplayName("the first wrong type in document order wins, like a streaming deserializer")
    void violationsWhenSeveralWrongTypesThenFirstInDocumentOrder() {
        assertThat(serializationMessage("InitiateAuth", """
                {"ClientId":true,"AuthFlow":1}""")).contains("TRUE_VALUE can not be converted to a String");
        assertThat(serializationMessage("InitiateAuth", """
                {"AuthFlow":1,"ClientId":true}""")).contains("NUMBER_VALUE can not be converted to a String");
    }

    @Test
    void violationsWhenWrongTypeAndConstraintViolationThenOnlySerializationException() {
        assertThat(serializationMessage("InitiateAuth", """
                {"ClientId":"","AuthFlow":"BOGUS","Session":5}"""))
                .contains("NUMBER_VALUE can not be converted to a String");
    }

    @Test
    void violationsWhenWrongTypeInUnknownMemberThenIgnored() throws Exception {
        assertThat(model.violations("InitiateAuth", JsonMapper.shared().readTree("""
                {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"abc","Unknown":{"deep":[true]}}"""))).isEmpty();
    }

    @Test
    void violationsWhenNullAnywhereThenTakenAsAbsent() throws Exception {
        assertThat(model.violations("SignUp", JsonMapper.shared().readTree("""
                {"ClientId":"abc","Username":"alice","Password":null,"UserAttributes":[null],
                 "ClientMetadata":{"a":null},"AnalyticsMetadata":null}"""))).isEmpty();
    }

    @Test
    void violationsWhenBodyIsArrayThenStartOfList() {
        assertThat(serializationMessage("GetUser", "[]")).contains("Start of list found where not expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"x\"", "true"})
    void violationsWhenBodyIsScalarThenSerializationExceptionWithoutMessage(String body) {
        assertThat(serializationMessage("GetUser", body)).isEmpty();
    }

    @Test
    void checkTypesWhenBodyIsJsonNullThenTakenAsEmptyObject() throws Exception {
        model.checkTypes("GetUser", NullNode.getInstance());
        assertThat(model.violations("GetUser", NullNode.getInstance()))
                .containsExactly("Value at 'accessToken' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void checkTypesWhenTypesRightButConstraintsBrokenThenNoException() {
        assertThatCode(() -> model.checkTypes("InitiateAuth", JsonMapper.shared().readTree("""
                {"ClientId":"","AuthFlow":"BOGUS"}"""))).doesNotThrowAnyException();
    }

    @Test
    void getMessageWhenAwsMessageAbsentThenTypeOnly() {
        assertThat(new ModelTypeException("SerializationException", null).getMessage())
                .isEqualTo("SerializationException");
        assertThat(new ModelTypeException("SerializationException", "Expected null").getMessage())
                .isEqualTo("SerializationException: Expected null");
    }
}
