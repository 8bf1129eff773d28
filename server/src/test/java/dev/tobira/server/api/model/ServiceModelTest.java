package dev.tobira.server.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ServiceModelTest {

    private final ServiceModel model = ServiceModel.load();

    /** cognito-wire-spec.md §1.3: the operations botocore marks {@code "authtype":"none"}. */
    private static final Set<String> UNSIGNED = Set.of("InitiateAuth", "RespondToAuthChallenge", "SignUp",
            "ConfirmSignUp", "ResendConfirmationCode", "ForgotPassword", "ConfirmForgotPassword", "GetUser",
            "GlobalSignOut", "RevokeToken", "GetTokensFromRefreshToken", "ChangePassword", "DeleteUser",
            "DeleteUserAttributes", "UpdateUserAttributes", "GetUserAttributeVerificationCode",
            "VerifyUserAttribute", "GetUserAuthFactors", "SetUserMFAPreference", "SetUserSettings",
            "AssociateSoftwareToken", "VerifySoftwareToken", "ConfirmDevice", "ForgetDevice", "GetDevice",
            "ListDevices", "UpdateDeviceStatus", "UpdateAuthEventFeedback", "StartWebAuthnRegistration",
            "CompleteWebAuthnRegistration", "ListWebAuthnCredentials", "DeleteWebAuthnCredential");

    @Test
    void loadWhenCalledTwiceThenSameModel() {
        assertThat(ServiceModel.load()).isSameAs(model);
    }

    @Test
    void targetPrefixWhenLoadedThenCognitoServiceName() {
        assertThat(model.targetPrefix()).isEqualTo("AWSCognitoIdentityProviderService");
    }

    @Test
    void operationNamesWhenLoadedThenEveryNameIsKnownWithItsInputShape() {
        assertThat(model.operationNames()).hasSize(122).contains("InitiateAuth", "SignUp", "AdminCreateUser");
        for (String name : model.operationNames()) {
            assertThat(model.isKnownOperation(name)).as(name).isTrue();
            assertThat(model.operation(name)).as(name).hasValueSatisfying(op -> {
                assertThat(op.name()).isEqualTo(name);
                assertThat(op.inputShape()).isEqualTo(name + "Request");
            });
        }
    }

    @Test
    void operationNamesWhenListedThenModelOrderIsAlphabetical() {
        assertThat(List.copyOf(model.operationNames())).isSorted();
    }

    @Test
    void operationNamesWhenModifiedThenRefused() {
        assertThatThrownBy(() -> model.operationNames().add("Bogus"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isKnownOperationWhenUnknownOrWrongCaseThenFalse() {
        assertThat(model.isKnownOperation("Bogus")).isFalse();
        assertThat(model.isKnownOperation("initiateAuth")).isFalse();
        assertThat(model.isKnownOperation("")).isFalse();
        assertThat(model.operation("Bogus")).isEmpty();
    }

    @Test
    void operationWhenNoOutputThenOutputShapeEmpty() {
        assertThat(model.operation("AdminDeleteUser").orElseThrow().outputShape()).isEmpty();
        assertThat(model.operation("SignUp").orElseThrow().outputShape()).contains("SignUpResponse");
    }

    @Test
    void isUnsignedWhenInitiateAuthOrSignUpThenTrue() {
        assertThat(model.isUnsigned("InitiateAuth")).isTrue();
        assertThat(model.isUnsigned("SignUp")).isTrue();
    }

    @Test
    void isUnsignedWhenAdminCreateUserOrCreateUserPoolThenFalse() {
        assertThat(model.isUnsigned("AdminCreateUser")).isFalse();
        assertThat(model.isUnsigned("CreateUserPool")).isFalse();
        assertThat(model.isUnsigned("AdminInitiateAuth")).isFalse();
    }

    @Test
    void isUnsignedWhenUnknownOperationThenFalse() {
        assertThat(model.isUnsigned("Bogus")).isFalse();
    }

    @Test
    @DisplayName("the unsigned operations are exactly those of the wire spec §1.3")
    void isUnsignedWhenEveryOperationThenExactlyTheSpecList() {
        Set<String> unsigned = new TreeSet<>();
        for (String name : model.operationNames()) {
            if (model.isUnsigned(name)) {
                unsigned.add(name);
            }
        }
        assertThat(unsigned).isEqualTo(new TreeSet<>(UNSIGNED));
    }

    @Test
    void violationsWhenUnknownOperationThenIllegalArgument() {
        assertThatThrownBy(() -> model.violations("Bogus", JsonMapper.shared().readTree("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown operation: Bogus");
    }

    @Test
    void messageWhenOneViolationThenSingular() {
        assertThat(ServiceModel.message(List.of("A")))
                .isEqualTo("1 validation error detected: A");
    }

    @Test
    void messageWhenSeveralViolationsThenPluralJoinedBySemicolons() {
        assertThat(ServiceModel.message(List.of("A", "B", "C")))
                .isEqualTo("3 validation errors detected: A; B; C");
    }

    @Test
    void messageWhenNoViolationsThenIllegalArgument() {
        assertThatThrownBy(() -> ServiceModel.message(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readWhenShapeReferenceDanglesThenIllegalState() {
        var json = JsonMapper.shared().readTree("""
                {"metadata":{"targetPrefix":"X"},
                 "operations":{"Op":{"input":"OpRequest","unsigned":false}},
                 "shapes":{"OpRequest":{"type":"structure","members":{"A":"Missing"}}}}""");
        assertThatThrownBy(() -> ServiceModel.read(json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model refers to unknown shapes [Missing]");
    }

    @Test
    void readWhenPatternIsNotJavaThenIllegalStateNamingTheShape() {
        var json = JsonMapper.shared().readTree("""
                {"metadata":{"targetPrefix":"X"},
                 "operations":{},
                 "shapes":{"Bad":{"type":"string","pattern":"[a-"}}}""");
        assertThatThrownBy(() -> ServiceModel.read(json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("shape Bad has a pattern Java cannot compile: [a-");
    }
}
