package dev.tobira.core;

import dev.tobira.core.ops.*;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every operation Tobira implements, by name. */
public final class Operations {

    private Operations() {}

    public static Map<String, Operation<?, ?>> all(Services services) {
        List<Function<Services, Operation<?, ?>>> factories = List.of(
                CreateUserPool::new, DescribeUserPool::new, ListUserPools::new, UpdateUserPool::new,
                DeleteUserPool::new, SetUserPoolMfaConfig::new, GetUserPoolMfaConfig::new,
                CreateUserPoolClient::new, DescribeUserPoolClient::new, ListUserPoolClients::new,
                UpdateUserPoolClient::new, DeleteUserPoolClient::new,
                AdminCreateUser::new, AdminGetUser::new, AdminDeleteUser::new, AdminUpdateUserAttributes::new,
                AdminDeleteUserAttributes::new, AdminDisableUser::new, AdminEnableUser::new,
                AdminSetUserPassword::new, AdminConfirmSignUp::new, ListUsers::new,
                SignUp::new, ConfirmSignUp::new, ResendConfirmationCode::new,
                InitiateAuth::new, RespondToAuthChallenge::new, AdminInitiateAuth::new,
                AdminRespondToAuthChallenge::new, GetUser::new, GlobalSignOut::new, AdminUserGlobalSignOut::new,
                RevokeToken::new, ChangePassword::new, ForgotPassword::new, ConfirmForgotPassword::new,
                GetTokensFromRefreshToken::new, GetUserAuthFactors::new,
                CreateGroup::new, GetGroup::new, ListGroups::new, UpdateGroup::new, DeleteGroup::new,
                AdminAddUserToGroup::new, AdminRemoveUserFromGroup::new, AdminListGroupsForUser::new,
                ListUsersInGroup::new, TagResource::new, UntagResource::new, ListTagsForResource::new,
                CreateResourceServer::new, DescribeResourceServer::new, ListResourceServers::new,
                UpdateResourceServer::new, DeleteResourceServer::new, CreateUserPoolDomain::new,
                DescribeUserPoolDomain::new, UpdateUserPoolDomain::new, DeleteUserPoolDomain::new,
                UpdateUserAttributes::new, VerifyUserAttribute::new, GetUserAttributeVerificationCode::new,
                DeleteUser::new, DeleteUserAttributes::new, AdminResetUserPassword::new,
                StartWebAuthnRegistration::new, CompleteWebAuthnRegistration::new, ListWebAuthnCredentials::new,
                DeleteWebAuthnCredential::new);
        return factories.stream()
                .map(f -> f.apply(services))
                .collect(Collectors.toUnmodifiableMap(Operation::name, op -> op));
    }
}
