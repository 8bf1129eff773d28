package dev.tobira.server.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Constraint violations, each asserted as the full {@code InvalidParameterException} message.
 * Where a test reproduces a message seen from real Cognito, its display name says where.
 */
class ServiceModelViolationsTest {

    private static final String USERNAME_PATTERN = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
    private static final String VALID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

    private final ServiceModel model = ServiceModel.load();

    private List<String> violations(String operation, String json) throws ModelTypeException {
        return model.violations(operation, JsonMapper.shared().readTree(json));
    }

    private String message(String operation, String json) throws ModelTypeException {
        return ServiceModel.message(violations(operation, json));
    }

    @Nested
    class Valid {

        @Test
        void violationsWhenBodySatisfiesModelThenEmpty() throws Exception {
            assertThat(violations("InitiateAuth", """
                    {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"12hcs372atds7jjhljan7m86nn",
                     "AuthParameters":{"USERNAME":"alice","PASSWORD":"Passw0rd!"}}""")).isEmpty();
        }

        @Test
        void violationsWhenUnknownMembersThenIgnored() throws Exception {
            assertThat(violations("GetUser", """
                    {"AccessToken":"%s","Bogus":1,"Extra":{"a":[1,2]}}""".formatted(VALID_TOKEN))).isEmpty();
        }

        @Test
        void violationsWhenResultModifiedThenRefused() throws Exception {
            List<String> found = violations("GetUser", "{}");
            assertThat(found).isUnmodifiable();
        }
    }

    @Nested
    class Required {

        @Test
        @DisplayName("a missing required member: Value null at 'clientId' … Member must not be null")
        void violationsWhenRequiredMemberMissingThenMemberMustNotBeNull() throws Exception {
            assertThat(message("InitiateAuth", """
                    {"AuthFlow":"USER_PASSWORD_AUTH"}"""))
                    .isEqualTo("1 validation error detected: Value null at 'clientId' failed to satisfy "
                            + "constraint: Member must not be null");
        }

        @Test
        void violationsWhenRequiredMemberIsJsonNullThenSameAsMissing() throws Exception {
            assertThat(message("InitiateAuth", """
                    {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":null}"""))
                    .isEqualTo("1 validation error detected: Value null at 'clientId' failed to satisfy "
                            + "constraint: Member must not be null");
        }

        @Test
        @DisplayName("a missing sensitive member hides even null: Value at 'accessToken' (Cognito, 2023)")
        void violationsWhenSensitiveRequiredMemberMissingThenValueLeftOut() throws Exception {
            assertThat(message("GetUser", "{}"))
                    .isEqualTo("1 validation error detected: Value at 'accessToken' failed to satisfy "
                            + "constraint: Member must not be null");
        }

        @Test
        void violationsWhenBodyIsEmptyThenEveryRequiredMemberReported() throws Exception {
            assertThat(message("AdminGetUser", "{}"))
                    .isEqualTo("2 validation errors detected: "
                            + "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; "
                            + "Value at 'username' failed to satisfy constraint: Member must not be null");
        }

        @Test
        void violationsWhenBodyIsMissingNodeThenSameAsEmptyObject() throws Exception {
            assertThat(model.violations("AdminGetUser", MissingNode.getInstance()))
                    .isEqualTo(violations("AdminGetUser", "{}"));
            assertThat(model.violations("AdminGetUser", null)).isEqualTo(violations("AdminGetUser", "{}"));
        }
    }

    @Nested
    class Strings {

        @Test
        @DisplayName("an empty ClientId (a 2024 production log, verbatim)")
        void violationsWhenClientIdEmptyThenLengthThenPattern() throws Exception {
            assertThat(message("InitiateAuth", """
                    {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":""}"""))
                    .isEqualTo("2 validation errors detected: "
                            + "Value '' at 'clientId' failed to satisfy constraint: Member must have length "
                            + "greater than or equal to 1; "
                            + "Value '' at 'clientId' failed to satisfy constraint: Member must satisfy "
                            + "regular expression pattern: [\\w+]+");
        }

        @Test
        @DisplayName("a pool id as ClientId fails [\\w+]+ as a whole (boto3#3581, verbatim)")
        void violationsWhenPatternMatchesOnlyPartOfValueThenViolation() throws Exception {
            assertThat(message("InitiateAuth", """
                    {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"ap-northeast-1_xxxxxxxxx"}"""))
                    .isEqualTo("1 validation error detected: Value 'ap-northeast-1_xxxxxxxxx' at 'clientId' "
                            + "failed to satisfy constraint: Member must satisfy regular expression "
                            + "pattern: [\\w+]+");
        }

        @Test
        @DisplayName("UserPoolId 'string' (qiita Khmer495, verbatim)")
        void violationsWhenUserPoolIdMalformedThenPatternViolation() throws Exception {
            assertThat(message("AdminGetUser", """
                    {"UserPoolId":"string","Username":"alice"}"""))
                    .isEqualTo("1 validation error detected: Value 'string' at 'userPoolId' failed to satisfy "
                            + "constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
        }

        @Test
        void violationsWhenStringLongerThanMaxThenLengthViolation() throws Exception {
            String clientId = "a".repeat(129);
            assertThat(message("InitiateAuth", """
                    {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"%s"}""".formatted(clientId)))
                    .isEqualTo("1 validation error detected: Value '" + clientId + "' at 'clientId' failed to "
                            + "satisfy constraint: Member must have length less than or equal to 128");
        }

        @Test
        void violationsWhenStringExactlyMaxLongThenNoViolation() throws Exception {
            assertThat(violations("InitiateAuth", """
                    {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"%s"}""".formatted("a".repeat(128)))).isEmpty();
        }

        @Test
        void violationsWhenLengthCountedThenCodePointsNotUtf16Units() throws Exception {
            // 128 code points, 256 UTF-16 units: within UsernameType's max of 128.
            String username = "\uD83D\uDE00".repeat(128);
            assertThat(violations("AdminGetUser", """
                    {"UserPoolId":"us-east-1_abc","Username":"%s"}""".formatted(username))).isEmpty();
        }

        @Test
        void violationsWhenPatternAnchoredThenWholeValueMustMatch() throws Exception {
            assertThat(message("AdminGetUser", """
                    {"UserPoolId":"us-east-1_abc","Username":"has space"}"""))
                    .isEqualTo("1 validation error detected: Value at 'username' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: " + USERNAME_PATTERN);
        }
    }

    @Nested
    class Sensitive {

        @Test
        @DisplayName("SignUp with empty username and password: password first, values hidden (2017 reports)")
        void violationsWhenSensitiveMembersInvalidThenValuesLeftOutAndPasswordFirst() throws Exception {
            assertThat(message("SignUp", """
                    {"ClientId":"12hcs372atds7jjhljan7m86nn","Username":"","Password":""}"""))
                    .isEqualTo("3 validation errors detected: "
                            + "Value at 'password' failed to satisfy constraint: Member must satisfy regular "
                            + "expression pattern: [\\S]+; "
                            + "Value at 'username' failed to satisfy constraint: Member must have length greater "
                            + "than or equal to 1; "
                            + "Value at 'username' failed to satisfy constraint: Member must satisfy regular "
                            + "expression pattern: " + USERNAME_PATTERN);
        }

        @Test
        void violationsWhenPasswordTooLongThenValueLeftOut() throws Exception {
            assertThat(message("SignUp", """
                    {"ClientId":"abc","Username":"alice","Password":"%s"}""".formatted("x".repeat(257))))
                    .isEqualTo("1 validation error detected: Value at 'password' failed to satisfy constraint: "
                            + "Member must have length less than or equal to 256");
        }

        @Test
        @DisplayName("an empty access token (Cognito, 2023, verbatim)")
        void violationsWhenAccessTokenEmptyThenPatternOnlyAndValueLeftOut() throws Exception {
            assertThat(message("UpdateUserAttributes", """
                    {"AccessToken":"","UserAttributes":[]}"""))
                    .isEqualTo("1 validation error detected: Value at 'accessToken' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+");
        }

        @Test
        void violationsWhenSensitiveMapInvalidThenValueLeftOut() throws Exception {
            // Built by hand: Jackson's parser refuses property names over 50,000 characters.
            ObjectNode body = (ObjectNode) JsonMapper.shared().readTree("""
                    {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"abc"}""");
            body.putObject("AuthParameters").put("k".repeat(131_073), "v");
            assertThat(ServiceModel.message(model.violations("InitiateAuth", body)))
                    .isEqualTo("1 validation error detected: Value at 'authParameters' failed to satisfy "
                            + "constraint: Map keys must satisfy constraint: [Member must have length less than "
                            + "or equal to 131072, Member must have length greater than or equal to 0]");
        }

        @Test
        void violationsWhenSensitiveAttributeValueTooLongThenValueLeftOut() throws Exception {
            assertThat(message("AdminCreateUser", """
                    {"UserPoolId":"us-east-1_abc","Username":"alice",
                     "UserAttributes":[{"Name":"email","Value":"%s"}]}""".formatted("v".repeat(2049))))
                    .isEqualTo("1 validation error detected: Value at 'userAttributes.1.member.value' failed to "
                            + "satisfy constraint: Member must have length less than or equal to 2048");
        }
    }

    @Nested
    class Enums {

        @Test
        void violationsWhenValueOutsideEnumThenEnumValueSetInModelOrder() throws Exception {
            assertThat(message("InitiateAuth", """
                    {"AuthFlow":"BOGUS","ClientId":"abc"}"""))
                    .isEqualTo("1 validation error detected: Value 'BOGUS' at 'authFlow' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, "
                            + "REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, "
                            + "ADMIN_USER_PASSWORD_AUTH, USER_AUTH]");
        }

        @Test
        @DisplayName("MfaConfiguration 'false' (CloudFormation report; AWS printed the set as [OPTIONAL, OFF, ON])")
        void violationsWhenMfaConfigurationNotEnumThenEnumViolation() throws Exception {
            assertThat(message("CreateUserPool", """
                    {"PoolName":"p","MfaConfiguration":"false"}"""))
                    .isEqualTo("1 validation error detected: Value 'false' at 'mfaConfiguration' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]");
        }

        @Test
        void violationsWhenEnumValueDiffersInCaseThenViolation() throws Exception {
            assertThat(violations("InitiateAuth", """
                    {"AuthFlow":"user_password_auth","ClientId":"abc"}""")).hasSize(1);
        }
    }

    @Nested
    class Numbers {

        @Test
        void violationsWhenIntegerBelowMinThenValueGreaterThanOrEqual() throws Exception {
            assertThat(message("ListUserPools", """
                    {"MaxResults":0}"""))
                    .isEqualTo("1 validation error detected: Value '0' at 'maxResults' failed to satisfy "
                            + "constraint: Member must have value greater than or equal to 1");
        }

        @Test
        void violationsWhenIntegerAboveMaxThenValueLessThanOrEqual() throws Exception {
            assertThat(message("ListUsers", """
                    {"UserPoolId":"us-east-1_abc","Limit":61}"""))
                    .isEqualTo("1 validation error detected: Value '61' at 'limit' failed to satisfy "
                            + "constraint: Member must have value less than or equal to 60");
        }

        @Test
        void violationsWhenIntegerAtBoundsThenNoViolation() throws Exception {
            assertThat(violations("ListUsers", """
                    {"UserPoolId":"us-east-1_abc","Limit":60}""")).isEmpty();
            assertThat(violations("ListUsers", """
                    {"UserPoolId":"us-east-1_abc","Limit":0}""")).isEmpty();
        }

        @Test
        @DisplayName("a fraction for an integer is truncated, as AWS's framework does")
        void violationsWhenIntegerHasFractionThenTruncatedBeforeRangeCheck() throws Exception {
            assertThat(message("ListUserPools", """
                    {"MaxResults":0.9}"""))
                    .isEqualTo("1 validation error detected: Value '0' at 'maxResults' failed to satisfy "
                            + "constraint: Member must have value greater than or equal to 1");
            assertThat(violations("ListUserPools", """
                    {"MaxResults":60.9}""")).isEmpty();
        }

        @Test
        void violationsWhenNegativeIntegerThenReportedAsIs() throws Exception {
            assertThat(message("CreateGroup", """
                    {"GroupName":"g","UserPoolId":"us-east-1_abc","Precedence":-1}"""))
                    .isEqualTo("1 validation error detected: Value '-1' at 'precedence' failed to satisfy "
                            + "constraint: Member must have value greater than or equal to 0");
        }
    }

    @Nested
    class Nesting {

        @Test
        void violationsWhenNestedStructureMemberInvalidThenDottedPath() throws Exception {
            assertThat(message("CreateUserPool", """
                    {"PoolName":"p","Policies":{"PasswordPolicy":{"MinimumLength":5}}}"""))
                    .isEqualTo("1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' "
                            + "failed to satisfy constraint: Member must have value greater than or equal to 6");
        }

        @Test
        @DisplayName("a bad trigger ARN (CloudFormation report, amplify-js#3731, verbatim)")
        void violationsWhenLambdaArnMalformedThenNestedPatternViolation() throws Exception {
            assertThat(message("CreateUserPool", """
                    {"PoolName":"p","LambdaConfig":{"CustomMessage":"functionvdp3dcf8667CustomMessageArn"}}"""))
                    .isEqualTo("1 validation error detected: Value 'functionvdp3dcf8667CustomMessageArn' at "
                            + "'lambdaConfig.customMessage' failed to satisfy constraint: Member must satisfy "
                            + "regular expression pattern: arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:"
                            + "[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");
        }

        @Test
        void violationsWhenNestedRequiredMemberMissingThenNestedPath() throws Exception {
            assertThat(message("CreateUserPool", """
                    {"PoolName":"p","SmsConfiguration":{}}"""))
                    .isEqualTo("1 validation error detected: Value null at 'smsConfiguration.snsCallerArn' "
                            + "failed to satisfy constraint: Member must not be null");
        }

        @Test
        void violationsWhenMemberNameStartsWithAcronymThenOnlyFirstLetterLowered() throws Exception {
            assertThat(message("CreateUserPool", """
                    {"PoolName":"p","LambdaConfig":{"KMSKeyID":"x"}}"""))
                    .startsWith("2 validation errors detected: Value 'x' at 'lambdaConfig.kMSKeyID' failed to "
                            + "satisfy constraint: Member must have length greater than or equal to 20; ");
        }
    }

    @Nested
    class Lists {

        @Test
        @DisplayName("an empty attribute name (Cognito, 2023; the pattern has since gained \\t\\n\\r and space)")
        void violationsWhenListMemberStructureInvalidThenOneBasedMemberPath() throws Exception {
            assertThat(message("UpdateUserAttributes", """
                    {"AccessToken":"%s","UserAttributes":[{"Name":"","Value":"x"}]}""".formatted(VALID_TOKEN)))
                    .isEqualTo("2 validation errors detected: "
                            + "Value '' at 'userAttributes.1.member.name' failed to satisfy constraint: Member must "
                            + "have length greater than or equal to 1; "
                            + "Value '' at 'userAttributes.1.member.name' failed to satisfy constraint: Member must "
                            + "satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+");
        }

        @Test
        @DisplayName("a missing attribute name (Cognito, 2023, verbatim)")
        void violationsWhenListMemberRequiredMissingThenNullAtMemberPath() throws Exception {
            assertThat(message("UpdateUserAttributes", """
                    {"AccessToken":"%s","UserAttributes":[{"Name":"email","Value":"a@b.c"},{"Value":"x"}]}"""
                    .formatted(VALID_TOKEN)))
                    .isEqualTo("1 validation error detected: Value null at 'userAttributes.2.member.name' failed "
                            + "to satisfy constraint: Member must not be null");
        }

        @Test
        void violationsWhenNullListElementThenSkippedButNumberingKept() throws Exception {
            assertThat(message("UpdateUserAttributes", """
                    {"AccessToken":"%s","UserAttributes":[null,{"Value":"x"}]}""".formatted(VALID_TOKEN)))
                    .isEqualTo("1 validation error detected: Value null at 'userAttributes.2.member.name' failed "
                            + "to satisfy constraint: Member must not be null");
        }

        @Test
        @DisplayName("a legacy flow name in ExplicitAuthFlows (CloudFormation report, 2020, in today's model order)")
        void violationsWhenListOfEnumsHasUnknownValueThenWholeListReportedWithMemberConstraints() throws Exception {
            assertThat(message("CreateUserPoolClient", """
                    {"UserPoolId":"us-east-1_abc","ClientName":"c","ExplicitAuthFlows":["ADMIN_USER_PASSWORD_AUTH"]}"""))
                    .isEqualTo("1 validation error detected: Value '[ADMIN_USER_PASSWORD_AUTH]' at 'explicitAuthFlows' "
                            + "failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy "
                            + "enum value set: [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, "
                            + "ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_PASSWORD_AUTH, "
                            + "ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH]]");
        }

        @Test
        void violationsWhenSeveralListElementsInvalidThenOneViolationListingEveryConstraint() throws Exception {
            assertThat(message("AdminDeleteUserAttributes", """
                    {"UserPoolId":"us-east-1_abc","Username":"alice","UserAttributeNames":["", "%s", "ok"]}"""
                    .formatted("n".repeat(33))))
                    .isEqualTo("1 validation error detected: Value '[, " + "n".repeat(33) + ", ok]' at "
                            + "'userAttributeNames' failed to satisfy constraint: Member must satisfy constraint: "
                            + "[Member must have length less than or equal to 32, Member must have length greater "
                            + "than or equal to 1, Member must satisfy regular expression pattern: "
                            + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+]");
        }

        @Test
        void violationsWhenListLongerThanMaxThenListLengthViolation() throws Exception {
            assertThat(message("CreateUserPoolClient", """
                    {"UserPoolId":"us-east-1_abc","ClientName":"c","AllowedOAuthFlows":["code","code","code","code"]}"""))
                    .isEqualTo("1 validation error detected: Value '[code, code, code, code]' at 'allowedOAuthFlows' "
                            + "failed to satisfy constraint: Member must have length less than or equal to 3");
        }

        @Test
        void violationsWhenListOfStructuresTooShortThenStructuresPrintedAsObjects() throws Exception {
            List<String> found = violations("CreateUserPool", """
                    {"PoolName":"p","AccountRecoverySetting":{"RecoveryMechanisms":[]}}""");
            assertThat(found).containsExactly("Value '[]' at 'accountRecoverySetting.recoveryMechanisms' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }

        @Test
        void violationsWhenListOfStructuresTooLongThenEachStructureRenderedAsJavaObject() throws Exception {
            List<String> found = violations("CreateUserPool", """
                    {"PoolName":"p","AccountRecoverySetting":{"RecoveryMechanisms":[
                      {"Priority":1,"Name":"verified_email"},{"Priority":2,"Name":"verified_phone_number"},
                      {"Priority":2,"Name":"admin_only"}]}}""");
            assertThat(found).singleElement().asString()
                    .matches("Value '\\[(com\\.amazonaws\\.services\\.cognitoidentityprovider\\.RecoveryOptionType"
                            + "@[0-9a-f]+(, )?){3}\\]' at 'accountRecoverySetting\\.recoveryMechanisms' failed to "
                            + "satisfy constraint: Member must have length less than or equal to 2");
        }
    }

    @Nested
    class Maps {

        @Test
        void violationsWhenMapKeyInvalidThenMapKeysConstraintListed() throws Exception {
            assertThat(message("TagResource", """
                    {"ResourceArn":"arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                     "Tags":{"":"v","team":"a"}}"""))
                    .isEqualTo("1 validation error detected: Value '{=v, team=a}' at 'tags' failed to satisfy "
                            + "constraint: Map keys must satisfy constraint: [Member must have length less than or "
                            + "equal to 128, Member must have length greater than or equal to 1]");
        }

        @Test
        void violationsWhenMapValueInvalidThenMapValueConstraintListed() throws Exception {
            String value = "v".repeat(257);
            assertThat(message("TagResource", """
                    {"ResourceArn":"arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                     "Tags":{"team":"%s"}}""".formatted(value)))
                    .isEqualTo("1 validation error detected: Value '{team=" + value + "}' at 'tags' failed to "
                            + "satisfy constraint: Map value must satisfy constraint: [Member must have length less "
                            + "than or equal to 256, Member must have length greater than or equal to 0]");
        }

        @Test
        void violationsWhenMapKeysAndValuesInvalidThenKeysFirst() throws Exception {
            List<String> found = violations("TagResource", """
                    {"ResourceArn":"arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                     "Tags":{"":"%s"}}""".formatted("v".repeat(257)));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("Map keys must satisfy constraint");
            assertThat(found.get(1)).contains("Map value must satisfy constraint");
        }

        @Test
        void violationsWhenMapHasTooManyEntriesThenMapLengthViolation() throws Exception {
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                links.append(i == 0 ? "" : ",").append("\"cognito:english").append(i).append("\":\"u\"");
            }
            List<String> found = violations("CreateTerms", """
                    {"UserPoolId":"us-east-1_abc","ClientId":"abc","TermsName":"terms-of-use","TermsSource":"LINK",
                     "Enforcement":"NONE","Links":{%s}}""".formatted(links));
            assertThat(found).first().asString().endsWith("at 'links' failed to satisfy constraint: Member must "
                    + "have length less than or equal to 13");
            assertThat(found).last().asString().endsWith("at 'links' failed to satisfy constraint: Map keys must "
                    + "satisfy constraint: [Member must satisfy regular expression pattern: ^cognito:(default|dutch|"
                    + "english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|"
                    + "chinese-(simplified|traditional))$]");
        }
    }

    @Nested
    class Order {

        @Test
        @DisplayName("members are reported in Java HashMap order of their path names, not model order")
        void violationsWhenSeveralMembersInvalidThenHashMapOrderOfPathNames() throws Exception {
            // HashMap order of InitiateAuth's members: analyticsMetadata, clientMetadata, clientId,
            // session, userContextData, authFlow, authParameters.
            assertThat(message("InitiateAuth", """
                    {"AuthFlow":"BOGUS","ClientId":"","Session":"short"}"""))
                    .isEqualTo("4 validation errors detected: "
                            + "Value '' at 'clientId' failed to satisfy constraint: Member must have length greater "
                            + "than or equal to 1; "
                            + "Value '' at 'clientId' failed to satisfy constraint: Member must satisfy regular "
                            + "expression pattern: [\\w+]+; "
                            + "Value at 'session' failed to satisfy constraint: Member must have length greater than "
                            + "or equal to 20; "
                            + "Value 'BOGUS' at 'authFlow' failed to satisfy constraint: Member must satisfy enum "
                            + "value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, "
                            + "ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]");
        }

        @Test
        void violationsWhenNestedAndTopLevelInvalidThenEachMembersSubtreeTogether() throws Exception {
            // UpdateUserAttributes' HashMap order: clientMetadata, userAttributes, accessToken.
            assertThat(violations("UpdateUserAttributes", """
                    {"AccessToken":"","UserAttributes":[{"Value":"x"},{"Name":"","Value":"y"}]}"""))
                    .containsExactly(
                            "Value null at 'userAttributes.1.member.name' failed to satisfy constraint: Member must "
                                    + "not be null",
                            "Value '' at 'userAttributes.2.member.name' failed to satisfy constraint: Member must "
                                    + "have length greater than or equal to 1",
                            "Value '' at 'userAttributes.2.member.name' failed to satisfy constraint: Member must "
                                    + "satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+",
                            "Value at 'accessToken' failed to satisfy constraint: Member must satisfy regular "
                                    + "expression pattern: [A-Za-z0-9-_=.]+");
        }
    }
}
