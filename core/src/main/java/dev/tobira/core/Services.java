package dev.tobira.core;

import dev.tobira.core.webauthn.WebAuthnStore;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.code.CodeStore;
import dev.tobira.core.group.GroupStore;
import dev.tobira.core.message.MessageSender;
import dev.tobira.core.oauth.ResourceServerStore;
import dev.tobira.core.oauth.UserPoolDomainStore;
import dev.tobira.core.pool.UserPoolClientStore;
import dev.tobira.core.pool.UserPoolStore;
import dev.tobira.core.session.AuthSessionStore;
import dev.tobira.core.signin.LockoutStore;
import dev.tobira.core.signin.TokenStore;
import dev.tobira.core.token.SigningKeys;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.core.user.UserStore;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * The ports an operation may use, and the few facts of the deployment it needs.
 *
 * @param transactions makes several port calls one atomic change
 * @param tokenIssuer signs ID and access tokens and verifies access tokens
 * @param codeHasher hashes one-time codes with the server's code key
 * @param random the source of every id, salt, secret and code; a {@link java.security.SecureRandom}
 *     outside tests
 * @param region the AWS region name that prefixes pool ids (e.g. {@code us-east-1})
 * @param accountId the 12-digit account id in pool ARNs
 * @param triggers runs the pools' Lambda trigger functions (other than Tobira's built-in ones)
 * @param groups the pools' groups and their members
 * @param resourceServers the pools' OAuth 2.0 resource servers and their custom scopes
 * @param domains the pools' domains, under which their OAuth 2.0 endpoints are served
 * @param webAuthn the pools' passkey settings and their users' passkeys
 * @param authorizationCodes OAuth 2.0 authorization codes and the scopes of token families from the token endpoint
 */
public record Services(
        UserPoolStore pools,
        UserPoolClientStore clients,
        UserStore users,
        CodeStore codes,
        AuthSessionStore sessions,
        LockoutStore lockouts,
        TokenStore tokenStore,
        TokenIssuer tokenIssuer,
        SigningKeys signingKeys,
        MessageSender messages,
        Transactions transactions,
        CodeHasher codeHasher,
        Limits limits,
        Clock clock,
        RandomGenerator random,
        String region,
        String accountId,
        TriggerInvoker triggers,
        GroupStore groups,
        ResourceServerStore resourceServers,
        UserPoolDomainStore domains,
        WebAuthnStore webAuthn,
        dev.tobira.core.oauth.AuthorizationCodeStore authorizationCodes) {}
