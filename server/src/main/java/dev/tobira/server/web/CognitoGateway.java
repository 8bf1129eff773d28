package dev.tobira.server.web;

import dev.tobira.core.srp.SrpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/**
 * The web app's only way to its user pool: the Cognito API through the AWS SDK for Java v2, with the
 * core {@link SrpClient} for the password proof, exactly as any other client would. Each method is
 * one step of a flow; API errors surface as the SDK's {@code CognitoIdentityProviderException}
 * (see {@link WebErrors}) and are never retried, since a retried code answer would count twice.
 *
 * <p>No call needs AWS credentials: the operations used are the unsigned, public ones.
 *
 * <p>Pointed at another endpoint (another Tobira), each call names the visitor it is made for in
 * {@code X-Forwarded-For}: a Tobira run with {@code --behind-proxy} then counts its rate limits per
 * visitor, not for this app as one address. AWS's own endpoint is never sent the visitor's address.
 */
public final class CognitoGateway implements AutoCloseable {

    /** One of the user's passkeys, as {@code ListWebAuthnCredentials} describes it. */
    public record PasskeyInfo(String credentialId, String name, Instant createdAt) {}

    /** Where a sign-up left the user. */
    public record SignUpResult(boolean confirmed, String destination, Optional<String> session) {}

    /** How the password is proven in a password sign-in. */
    public enum PasswordFlow {
        /** {@code CUSTOM_AUTH} starting with SRP: the password, then the auth-challenge triggers' emailed code. */
        CUSTOM_AUTH_SRP,
        /** {@code USER_SRP_AUTH}: the password alone, proven by SRP. */
        USER_SRP_AUTH,
        /** {@code USER_PASSWORD_AUTH}: the password alone, sent to the pool. */
        USER_PASSWORD_AUTH
    }

    /**
     * The pool and app client the calls are made for.
     *
     * @param userPoolId the pool; its name part is SRP's pool name
     * @param clientSecret the client's secret when it has one: requests then carry {@code SECRET_HASH}
     */
    public record App(String userPoolId, String clientId, Optional<String> clientSecret, PasswordFlow passwordFlow) {

        /** Never shows the client secret. */
        @Override
        public String toString() {
            return "App[userPoolId=" + userPoolId + ", clientId=" + clientId + ", passwordFlow=" + passwordFlow + "]";
        }
    }

    private final App app;
    /**
     * Built in the background from the constructor on: building an SDK client loads and initialises much of the
     * SDK (0.5 s or more at start-up), which need not hold up the server's start.
     */
    private final CompletableFuture<CognitoIdentityProviderClient> client;
    private final boolean ownsClient;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    /** A gateway whose calls name no visitor. */
    public CognitoGateway(WebSettings settings, Clock clock) {
        this(settings, clock, Optional::empty);
    }

    /**
     * @param visitorAddress the address of the visitor the current call is made for, if there is one;
     *     asked on the calling thread, and sent only to another endpoint than AWS's own
     */
    public CognitoGateway(WebSettings settings, Clock clock, Supplier<Optional<String>> visitorAddress) {
        this(new App(settings.userPoolId(), settings.clientId(), settings.clientSecret(), PasswordFlow.CUSTOM_AUTH_SRP),
                settings.region(), settings.endpoint(), clock, visitorAddress);
    }

    /**
     * A gateway for {@code app} at {@code endpoint} (empty: AWS's own for {@code region}).
     *
     * @param visitorAddress as for {@link #CognitoGateway(WebSettings, Clock, Supplier)}
     */
    public CognitoGateway(App app, String region, Optional<URI> endpoint, Clock clock,
            Supplier<Optional<String>> visitorAddress) {
        this.app = app;
        this.clock = clock;
        this.ownsClient = true;
        var builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    c.retryStrategy(AwsRetryStrategy.doNotRetry());
                    if (endpoint.isPresent()) {
                        c.addExecutionInterceptor(new ForwardedFor(visitorAddress));
                    }
                });
        endpoint.ifPresent(builder::endpointOverride);
        this.client = CompletableFuture.supplyAsync(builder::build);
    }

    private CognitoGateway(App app, CompletableFuture<CognitoIdentityProviderClient> client, Clock clock) {
        this.app = app;
        this.client = client;
        this.clock = clock;
        this.ownsClient = false;
    }

    /**
     * The same endpoint for another pool and client (the managed login serves many); shares this
     * gateway's connection, and closing it closes nothing.
     */
    public CognitoGateway forApp(App other) {
        return new CognitoGateway(other, client, clock);
    }

    /** The SDK client, waiting for its build when it is not done yet. */
    private CognitoIdentityProviderClient cognito() {
        try {
            return client.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Puts the visitor's address in {@code X-Forwarded-For}, replacing whatever the header held. */
    private record ForwardedFor(Supplier<Optional<String>> visitorAddress) implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return visitorAddress.get()
                    .map(address -> context.httpRequest().toBuilder().putHeader("X-Forwarded-For", address).build())
                    .orElse(context.httpRequest());
        }
    }

    /** {@code SignUp} with the email as username and attribute; no password means a passwordless account. */
    public SignUpResult signUp(String email, Optional<String> password, String locale) {
        SignUpResponse response = cognito().signUp(b -> b.clientId(app.clientId()).username(email)
                .password(password.orElse(null)).secretHash(secretHash(email).orElse(null))
                .userAttributes(attribute("email", email), attribute("locale", locale)));
        return new SignUpResult(Boolean.TRUE.equals(response.userConfirmed()), destination(response.codeDeliveryDetails()),
                Optional.ofNullable(response.session()));
    }

    /** {@code ConfirmSignUp}; returns the session that signs a passwordless user straight in, if any. */
    public Optional<String> confirmSignUp(String email, String code, Optional<String> signUpSession) {
        return Optional.ofNullable(cognito().confirmSignUp(b -> b.clientId(app.clientId()).username(email)
                .confirmationCode(code).session(signUpSession.orElse(null))
                .secretHash(secretHash(email).orElse(null))).session());
    }

    /** {@code ResendConfirmationCode}; returns the masked address the new code went to. */
    public String resendConfirmationCode(String email) {
        return destination(cognito().resendConfirmationCode(b -> b.clientId(app.clientId()).username(email)
                .secretHash(secretHash(email).orElse(null))).codeDeliveryDetails());
    }

    /** {@code ForgotPassword}; returns the masked address the reset code went to. */
    public String forgotPassword(String email) {
        return destination(cognito().forgotPassword(b -> b.clientId(app.clientId()).username(email)
                .secretHash(secretHash(email).orElse(null))).codeDeliveryDetails());
    }

    /** {@code ConfirmForgotPassword}: the reset code and the new password. */
    public void confirmForgotPassword(String email, String code, String newPassword) {
        cognito().confirmForgotPassword(b -> b.clientId(app.clientId()).username(email).confirmationCode(code)
                .password(newPassword).secretHash(secretHash(email).orElse(null)));
    }

    /**
     * Password then an emailed code: {@code InitiateAuth CUSTOM_AUTH} starting with SRP
     * ({@code CHALLENGE_NAME=SRP_A}), the {@code PASSWORD_VERIFIER} proof, then normally a
     * {@code CUSTOM_CHALLENGE} whose code was emailed. With the app's {@link PasswordFlow} another
     * password flow ({@code USER_SRP_AUTH}, {@code USER_PASSWORD_AUTH}), which normally gives tokens.
     */
    public SignInStep signInWithPassword(String email, String password) {
        if (app.passwordFlow() == PasswordFlow.USER_PASSWORD_AUTH) {
            var result = cognito().initiateAuth(b -> b.clientId(app.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(withSecretHash(email, Map.of("USERNAME", email, "PASSWORD", password))));
            return step(result.challengeNameAsString(), result.session(), result.challengeParameters(),
                    result.authenticationResult(), email);
        }
        SrpClient srp = new SrpClient(app.userPoolId(), random);
        boolean custom = app.passwordFlow() == PasswordFlow.CUSTOM_AUTH_SRP;
        Map<String, String> parameters = withSecretHash(email, custom
                ? Map.of("USERNAME", email, "SRP_A", srp.srpA(), "CHALLENGE_NAME", "SRP_A")
                : Map.of("USERNAME", email, "SRP_A", srp.srpA()));
        var started = cognito().initiateAuth(b -> b.clientId(app.clientId())
                .authFlow(custom ? AuthFlowType.CUSTOM_AUTH : AuthFlowType.USER_SRP_AUTH).authParameters(parameters));
        if (started.challengeName() != ChallengeNameType.PASSWORD_VERIFIER) {
            return step(started.challengeNameAsString(), started.session(), started.challengeParameters(),
                    started.authenticationResult(), email);
        }
        Map<String, String> challenge = started.challengeParameters();
        String userId = challenge.get("USER_ID_FOR_SRP");
        Map<String, String> proof = withSecretHash(userId, srp.passwordVerifierResponses(userId, password,
                challenge.get("SALT"), challenge.get("SRP_B"), challenge.get("SECRET_BLOCK"), clock.instant()));
        var answered = cognito().respondToAuthChallenge(b -> b.clientId(app.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(started.session())
                .challengeResponses(proof));
        return step(answered.challengeNameAsString(), answered.session(), answered.challengeParameters(),
                answered.authenticationResult(), userId);
    }

    /**
     * Passwordless: {@code InitiateAuth USER_AUTH} preferring {@code EMAIL_OTP}, which emails a code;
     * when Cognito answers {@code SELECT_CHALLENGE} instead, selects {@code EMAIL_OTP} if offered, else
     * {@code WEB_AUTHN} (the user's passkey) if offered.
     */
    public SignInStep signInWithEmailCode(String email) {
        return userAuth(email, List.of(ChallengeNameType.EMAIL_OTP, ChallengeNameType.WEB_AUTHN));
    }

    /** Passwordless by text message: as {@link #signInWithEmailCode} with {@code SMS_OTP}; {@code username} may be the phone number. */
    public SignInStep signInWithSmsCode(String username) {
        return userAuth(username, List.of(ChallengeNameType.SMS_OTP));
    }

    /**
     * Passkey: {@code InitiateAuth USER_AUTH} preferring {@code WEB_AUTHN}, whose challenge carries the
     * {@code CREDENTIAL_REQUEST_OPTIONS} for {@code navigator.credentials.get}; when Cognito answers
     * {@code SELECT_CHALLENGE}, selects {@code WEB_AUTHN} if offered.
     *
     * @throws NoPasskeyException when the pool offers no passkey sign-in for this name
     */
    public SignInStep signInWithPasskey(String email) {
        try {
            return userAuth(email, List.of(ChallengeNameType.WEB_AUTHN));
        } catch (UnexpectedChallengeException e) {
            if (e.challengeName().equals(ChallengeNameType.SELECT_CHALLENGE.toString())) {
                throw new NoPasskeyException();
            }
            throw e;
        }
    }

    /** {@code USER_AUTH} preferring the first of {@code wanted}; from {@code SELECT_CHALLENGE}, the first offered. */
    private SignInStep userAuth(String email, List<ChallengeNameType> wanted) {
        var started = cognito().initiateAuth(b -> b.clientId(app.clientId()).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(withSecretHash(email, Map.of("USERNAME", email,
                        "PREFERRED_CHALLENGE", wanted.getFirst().toString()))));
        Optional<ChallengeNameType> choice = wanted.stream()
                .filter(c -> started.challengeName() == ChallengeNameType.SELECT_CHALLENGE
                        && started.availableChallenges().contains(c))
                .findFirst();
        if (choice.isPresent()) {
            String username = started.challengeParameters().getOrDefault("USERNAME", email);
            var selected = cognito().respondToAuthChallenge(b -> b.clientId(app.clientId())
                    .challengeName(ChallengeNameType.SELECT_CHALLENGE).session(started.session())
                    .challengeResponses(withSecretHash(username, Map.of("USERNAME", username,
                            "ANSWER", choice.get().toString()))));
            return step(selected.challengeNameAsString(), selected.session(), selected.challengeParameters(),
                    selected.authenticationResult(), username);
        }
        return step(started.challengeNameAsString(), started.session(), started.challengeParameters(),
                started.authenticationResult(), email);
    }

    /** Answers the passkey challenge with the browser's {@code PublicKeyCredential} as JSON. */
    public SignInStep answer(SignInStep.Passkey passkey, String credentialJson) {
        Map<String, String> responses = withSecretHash(passkey.username(), Map.of("USERNAME", passkey.username(),
                "CREDENTIAL", credentialJson));
        var answered = cognito().respondToAuthChallenge(b -> b.clientId(app.clientId())
                .challengeName(ChallengeNameType.WEB_AUTHN).session(passkey.session()).challengeResponses(responses));
        return step(answered.challengeNameAsString(), answered.session(), answered.challengeParameters(),
                answered.authenticationResult(), passkey.username());
    }

    /** {@code StartWebAuthnRegistration}: the options for {@code navigator.credentials.create}, as JSON. */
    public String startPasskeyRegistration(String accessToken) {
        return PasskeyJson.json(cognito().startWebAuthnRegistration(b -> b.accessToken(accessToken))
                .credentialCreationOptions());
    }

    /**
     * {@code CompleteWebAuthnRegistration} with the browser's new credential.
     *
     * @throws IllegalArgumentException when {@code credentialJson} is not a JSON object
     */
    public void completePasskeyRegistration(String accessToken, String credentialJson) {
        var credential = PasskeyJson.document(credentialJson);
        cognito().completeWebAuthnRegistration(b -> b.accessToken(accessToken).credential(credential));
    }

    /** {@code ListWebAuthnCredentials}, every page of it. */
    public List<PasskeyInfo> passkeys(String accessToken) {
        List<PasskeyInfo> all = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            var page = cognito().listWebAuthnCredentials(b -> b.accessToken(accessToken).maxResults(20).nextToken(token));
            page.credentials().forEach(c -> all.add(new PasskeyInfo(c.credentialId(),
                    c.friendlyCredentialName() == null ? "" : c.friendlyCredentialName(), c.createdAt())));
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return List.copyOf(all);
    }

    /** {@code DeleteWebAuthnCredential}. */
    public void deletePasskey(String accessToken, String credentialId) {
        cognito().deleteWebAuthnCredential(b -> b.accessToken(accessToken).credentialId(credentialId));
    }

    /** Answers the code challenge {@code code} with {@code answer}: tokens, or another round. */
    public SignInStep answer(SignInStep.Code code, String answer) {
        String field = switch (code.challengeName()) {
            case "EMAIL_OTP" -> "EMAIL_OTP_CODE";
            case "SMS_OTP" -> "SMS_OTP_CODE";
            default -> "ANSWER";
        };
        Map<String, String> responses = withSecretHash(code.username(), Map.of("USERNAME", code.username(), field, answer));
        var answered = cognito().respondToAuthChallenge(b -> b.clientId(app.clientId())
                .challengeName(code.challengeName()).session(code.session()).challengeResponses(responses));
        return step(answered.challengeNameAsString(), answered.session(), answered.challengeParameters(),
                answered.authenticationResult(), code.username());
    }

    /**
     * The sign-in right after a passwordless confirmation: {@code InitiateAuth USER_AUTH} with the
     * {@code Session} from {@code ConfirmSignUp}, which Cognito takes as the first factor.
     */
    public SignInStep signInAfterConfirmation(String email, String confirmSession) {
        var started = cognito().initiateAuth(b -> b.clientId(app.clientId()).authFlow(AuthFlowType.USER_AUTH)
                .session(confirmSession).authParameters(withSecretHash(email, Map.of("USERNAME", email))));
        return step(started.challengeNameAsString(), started.session(), started.challengeParameters(),
                started.authenticationResult(), email);
    }

    /** {@code REFRESH_TOKEN_AUTH}: new access and ID tokens; {@code username} is the token's {@code username}. */
    public Tokens refresh(Tokens tokens, String username) {
        var result = cognito().initiateAuth(b -> b.clientId(app.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(withSecretHash(username, Map.of("REFRESH_TOKEN", tokens.refreshToken()))))
                .authenticationResult();
        return tokens.refreshedBy(tokens(result));
    }

    /** {@code GetUser}: the user's attributes, in the order Cognito lists them. */
    public Map<String, String> attributes(String accessToken) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AttributeType attribute : cognito().getUser(b -> b.accessToken(accessToken)).userAttributes()) {
            attributes.put(attribute.name(), attribute.value());
        }
        return attributes;
    }

    /** {@code RevokeToken}: ends this sign-in (the refresh token and the access tokens it gave). */
    public void revoke(String refreshToken) {
        cognito().revokeToken(b -> b.clientId(app.clientId()).token(refreshToken)
                .clientSecret(app.clientSecret().orElse(null)));
    }

    /** {@code GlobalSignOut}: ends every sign-in of the user, on every device. */
    public void globalSignOut(String accessToken) {
        cognito().globalSignOut(b -> b.accessToken(accessToken));
    }

    private SignInStep step(String challengeName, String session, Map<String, String> parameters,
            AuthenticationResultType result, String username) {
        if (result != null) {
            return new SignInStep.Done(tokens(result));
        }
        if ("CUSTOM_CHALLENGE".equals(challengeName)) {
            return new SignInStep.Code(challengeName, session, parameters.getOrDefault("USERNAME", username),
                    parameters.getOrDefault("email", ""));
        }
        if ("EMAIL_OTP".equals(challengeName) || "SMS_OTP".equals(challengeName)) {
            return new SignInStep.Code(challengeName, session, parameters.getOrDefault("USERNAME", username),
                    parameters.getOrDefault("CODE_DELIVERY_DESTINATION", ""));
        }
        if ("WEB_AUTHN".equals(challengeName)) {
            return new SignInStep.Passkey(session, parameters.getOrDefault("USERNAME", username),
                    parameters.getOrDefault("CREDENTIAL_REQUEST_OPTIONS", "{}"));
        }
        throw new UnexpectedChallengeException(challengeName);
    }

    private Tokens tokens(AuthenticationResultType result) {
        Instant expiresAt = clock.instant().plusSeconds(result.expiresIn() == null ? 3600 : result.expiresIn());
        return new Tokens(result.accessToken(), result.idToken(),
                result.refreshToken() == null ? "" : result.refreshToken(), expiresAt);
    }

    private Map<String, String> withSecretHash(String username, Map<String, String> parameters) {
        Optional<String> hash = secretHash(username);
        if (hash.isEmpty()) {
            return parameters;
        }
        Map<String, String> all = new HashMap<>(parameters);
        all.put("SECRET_HASH", hash.get());
        return all;
    }

    /** {@code Base64(HMAC-SHA256(clientSecret, username + clientId))} when the client has a secret (spec §1.5). */
    Optional<String> secretHash(String username) {
        return app.clientSecret().map(secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(
                        mac.doFinal((username + app.clientId()).getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    private static String destination(CodeDeliveryDetailsType details) {
        return details == null || details.destination() == null ? "" : details.destination();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    @Override
    public void close() {
        if (ownsClient) {
            cognito().close();
        }
    }

    /** The pool offers no passkey sign-in for the name: no such user, or a user without a passkey. */
    public static final class NoPasskeyException extends RuntimeException {
        public NoPasskeyException() {
            super("No passkey sign-in offered");
        }
    }

    /** The pool asked for a challenge this app does not handle (MFA, a new password). */
    public static final class UnexpectedChallengeException extends RuntimeException {
        private final String challengeName;

        public UnexpectedChallengeException(String challengeName) {
            super("Unexpected challenge " + challengeName);
            this.challengeName = challengeName;
        }

        public String challengeName() {
            return challengeName;
        }
    }
}
