package dev.tobira.server.login;

import dev.tobira.core.Services;
import dev.tobira.core.oauth.AuthorizationException;
import dev.tobira.core.oauth.AuthorizationRequest;
import dev.tobira.core.oauth.Authorizations;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.server.config.Settings;
import dev.tobira.server.login.ManagedLoginSessions.Session;
import dev.tobira.server.web.CognitoGateway;
import dev.tobira.server.web.CognitoGateway.PasswordFlow;
import dev.tobira.server.web.SignInFlows;
import dev.tobira.server.web.SignInSite;
import dev.tobira.server.web.Tokens;
import dev.tobira.server.web.WebError;
import dev.tobira.server.web.WebErrors;
import dev.tobira.server.web.WebPaths;
import dev.tobira.server.web.WebSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The managed login of a pool's prefix domain (Cognito's hosted UI): the web app's sign-in, code, sign-up
 * and confirmation pages ({@link SignInFlows}) at Cognito's paths under {@code /<domain>/}, on the pool and
 * app client of the authorization request that {@code /oauth2/authorize} redirected here with.
 *
 * <p>Every page and form carries that request's query; each request validates it again
 * ({@link Authorizations#validate}) and answers an invalid one with an error page or a redirect to the
 * client, as the authorize endpoint does. Once the user is signed in, {@link Authorizations#complete} says
 * where the browser goes (the callback with a code, or tokens). A managed-login session
 * ({@link ManagedLoginSessions}) sends a signed-in user straight back on the next authorization.
 *
 * <p>The pages call the pool through the Cognito API on this server's own port, as any client would, so
 * the flows, triggers, limits and errors are exactly the API's.
 */
@Controller
public class ManagedLoginController {

    /** A prefix domain, as {@code TokenController} matches it. */
    static final String DOMAIN = "/{domain:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?}";

    private static final Logger log = LoggerFactory.getLogger(ManagedLoginController.class);

    private final Services services;
    private final ObjectProvider<Authorizations> authorizations;
    private final Settings settings;
    private final CognitoGateway cognito;
    private final ManagedLoginSessions sessions;
    private final SignInFlows flows;
    private final Clock clock;

    ManagedLoginController(Services services, ObjectProvider<Authorizations> authorizations, Settings settings,
            ManagedLoginConfiguration.Parts parts) {
        this.services = services;
        this.authorizations = authorizations;
        this.settings = settings;
        this.cognito = parts.cognito();
        this.sessions = parts.sessions();
        this.clock = parts.clock();
        this.flows = new SignInFlows(parts.limiter(), clock);
    }

    /** One step of a page, for the validated request and its site. */
    @FunctionalInterface
    private interface Step {
        String run(AuthorizationRequest authorization, SignInSite site);
    }

    // ---- sign in ---------------------------------------------------------------------------------

    @GetMapping(DOMAIN + "/login")
    public String loginPage(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model, (authorization, site) -> {
            // One session per domain, so per pool: any client of the pool may use it, as with Cognito.
            Optional<String> back = sessions.find(request, domain)
                    .filter(s -> s.poolId().equals(authorization.poolId()))
                    .flatMap(s -> signedInAlready(authorization, s, domain, response));
            return back.orElseGet(() -> flows.signInView(site, model));
        });
    }

    @PostMapping(DOMAIN + "/login")
    public String signInWithPassword(@PathVariable("domain") String domain,
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.signInWithPassword(site, email, password, request, response, model, redirect));
    }

    @PostMapping(DOMAIN + "/login/email-code")
    public String signInWithEmailCode(@PathVariable("domain") String domain,
            @RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.signInWithEmailCode(site, email, request, response, model));
    }

    @PostMapping(DOMAIN + "/login/sms-code")
    public String signInWithSmsCode(@PathVariable("domain") String domain,
            @RequestParam(name = "phone", defaultValue = "") String phone, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.signInWithSmsCode(site, phone, request, response, model));
    }

    @GetMapping(DOMAIN + "/login/code")
    public String codePage(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model, (authorization, site) -> flows.codePage(site, request, model));
    }

    @PostMapping(DOMAIN + "/login/code")
    public String answerCode(@PathVariable("domain") String domain, @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.answerCode(site, code, request, response, model));
    }

    @PostMapping(DOMAIN + "/login/code/resend")
    public String resendCode(@PathVariable("domain") String domain,
            @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.resendCode(site, password, request, response, model, redirect));
    }

    @PostMapping(DOMAIN + "/login/code/cancel")
    public String cancelCode(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model, (authorization, site) -> flows.cancelCode(site, request, redirect));
    }

    // ---- sign up and confirmation ----------------------------------------------------------------

    @GetMapping(DOMAIN + "/signup")
    public String signUpPage(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model, (authorization, site) -> flows.signUpView(site, model));
    }

    @PostMapping(DOMAIN + "/signup")
    public String signUp(@PathVariable("domain") String domain, @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.signUp(site, email, password, request, response, model, redirect));
    }

    @PostMapping(DOMAIN + "/signup/passwordless")
    public String signUpPasswordless(@PathVariable("domain") String domain,
            @RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.signUpPasswordless(site, email, request, response, model, redirect));
    }

    @GetMapping(DOMAIN + "/confirmUser")
    public String confirmPage(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model, (authorization, site) -> flows.confirmPage(site, request, model));
    }

    @PostMapping(DOMAIN + "/confirmUser")
    public String confirm(@PathVariable("domain") String domain, @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.confirm(site, code, request, response, model, redirect));
    }

    @PostMapping(DOMAIN + "/confirmUser/resend")
    public String resendConfirmation(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.resendConfirmation(site, request, response, model, redirect));
    }

    // ---- forgotten password ----------------------------------------------------------------------

    @GetMapping(DOMAIN + "/forgotPassword")
    public String forgotPasswordPage(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model, (authorization, site) -> flows.forgotPasswordView(site, model));
    }

    @PostMapping(DOMAIN + "/forgotPassword")
    public String forgotPassword(@PathVariable("domain") String domain,
            @RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.forgotPassword(site, email, request, response, model));
    }

    @GetMapping(DOMAIN + "/confirmForgotPassword")
    public String resetPasswordPage(@PathVariable("domain") String domain, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.resetPasswordPage(site, request, model));
    }

    @PostMapping(DOMAIN + "/confirmForgotPassword")
    public String resetPassword(@PathVariable("domain") String domain, @RequestParam(name = "code", defaultValue = "") String code,
            @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return page(domain, request, response, model,
                (authorization, site) -> flows.resetPassword(site, code, password, request, response, model, redirect));
    }

    // ---- logout ----------------------------------------------------------------------------------

    /**
     * Cognito's {@code /logout}: ends the domain's managed-login session (revoking its refresh token), then
     * with {@code logout_uri} (one of the client's {@code LogoutURLs}) redirects there, or with
     * {@code redirect_uri} and the other authorize parameters shows the login again.
     */
    @GetMapping(DOMAIN + "/logout")
    public String logout(@PathVariable("domain") String domain, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Map<String, String> query;
        try {
            query = query(request);
        } catch (AuthorizationException e) {
            return refused(e, response, model);
        }
        String clientId = query.getOrDefault("client_id", "");
        Optional<UserPoolClient> client = clientId.isEmpty() ? Optional.empty() : services.clients().find(clientId)
                .filter(c -> services.domains().find(domain).map(d -> d.userPoolId().equals(c.userPoolId())).orElse(false));
        if (clientId.isEmpty()) {
            return refused(AuthorizationException.errorPage("invalid_request",
                    "Required String parameter 'client_id' is not present"), response, model);
        }
        if (client.isEmpty()) {
            return refused(AuthorizationException.errorPage("invalid_request", "Invalid client_id"), response, model);
        }
        String logoutUri = query.get("logout_uri");
        if (logoutUri != null && !client.get().logoutURLs().contains(logoutUri)) {
            return refused(AuthorizationException.errorPage("redirect_mismatch",
                    "logout_uri is not one of the client's sign-out URLs"), response, model);
        }
        if (logoutUri == null && !query.containsKey("redirect_uri")) {
            return refused(AuthorizationException.errorPage("invalid_request",
                    "Required String parameter 'redirect_uri' is not present"), response, model);
        }
        endSession(request, response, domain);
        if (logoutUri != null) {
            return "redirect:" + logoutUri;
        }
        // Sign in again: the rest of the query is an authorization request, checked as /login checks it.
        return page(domain, request, response, model, (authorization, site) -> "redirect:" + site.paths().signIn());
    }

    private void endSession(HttpServletRequest request, HttpServletResponse response, String domain) {
        sessions.find(request, domain).ifPresent(session -> services.clients().find(session.clientId()).ifPresent(c -> {
            try {
                cognito.forApp(app(c, PasswordFlow.USER_SRP_AUTH)).revoke(session.refreshToken());
            } catch (CognitoIdentityProviderException | SdkClientException e) {
                // The cookie goes all the same; the refresh token then lapses on its own.
                log.info("Revoking the managed-login session's refresh token failed: {}", e.getClass().getSimpleName());
            }
        }));
        sessions.end(response, domain);
    }

    // ---- shared ----------------------------------------------------------------------------------

    /**
     * Validates this request's authorization query and runs {@code step} with its site; a refused request
     * gets the error page or the redirect to the client that {@link Authorizations} chose.
     */
    private String page(String domain, HttpServletRequest request, HttpServletResponse response, Model model, Step step) {
        Authorizations authorize = authorizations.getIfAvailable();
        if (authorize == null) {
            return refused(AuthorizationException.errorPage("server_error", "The authorization endpoint is not available"),
                    response, model);
        }
        try {
            Map<String, String> query = query(request);
            query.remove("logout_uri");
            AuthorizationRequest authorization = authorize.validate(domain, query);
            return step.run(authorization, site(authorize, authorization, response));
        } catch (AuthorizationException e) {
            return refused(e, response, model);
        }
    }

    @ExceptionHandler(SdkClientException.class)
    public String unreachable(SdkClientException e, HttpServletResponse response, Model model) {
        model.addAttribute("error", WebErrors.of(e));
        model.addAttribute("pagePath", "/");
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        return "web/problem";
    }

    @ExceptionHandler(CognitoGateway.UnexpectedChallengeException.class)
    public String unexpectedChallenge(CognitoGateway.UnexpectedChallengeException e, HttpServletResponse response,
            Model model) {
        log.warn("The pool asked for a challenge the managed login does not handle: {}", e.challengeName());
        model.addAttribute("error", WebError.of("error.unexpected-challenge"));
        model.addAttribute("pagePath", "/");
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        return "web/problem";
    }

    private String refused(AuthorizationException e, HttpServletResponse response, Model model) {
        if (e.redirect().isPresent()) {
            return "redirect:" + e.redirect().get();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", WebError.of("error.authorization", e.error(), e.getMessage()));
        model.addAttribute("oauthError", e.error());
        model.addAttribute("pagePath", "/");
        return "web/problem";
    }

    /**
     * Where a user with a live managed-login session goes: back to the request's client, when the pool still
     * knows the sign-in. The session's refresh token is of the client the user signed in through, which may be
     * another client of the pool than the request's: it is refreshed there, and the code or tokens are the
     * request's client's ({@link Authorizations#completeFromSession}).
     */
    private Optional<String> signedInAlready(AuthorizationRequest authorization, Session session, String domain,
            HttpServletResponse response) {
        Optional<UserPoolClient> signedInThrough = services.clients().find(session.clientId())
                .filter(c -> c.userPoolId().equals(session.poolId()));
        if (signedInThrough.isEmpty()) {
            sessions.end(response, domain);
            return Optional.empty();
        }
        try {
            Tokens tokens = cognito.forApp(app(signedInThrough.get(), PasswordFlow.USER_SRP_AUTH))
                    .refresh(new Tokens("", "", session.refreshToken(), Instant.EPOCH), session.username());
            if (!tokens.refreshToken().equals(session.refreshToken())) {
                // The client rotates refresh tokens: the session goes on with the new one.
                sessions.start(response, domain, new Session(session.poolId(), session.clientId(), session.username(),
                        session.email(), tokens.refreshToken(), session.signedInAt()));
            }
            return Optional.of("redirect:" + authorizations.getObject().completeFromSession(authorization,
                    tokens.accessToken()));
        } catch (CognitoIdentityProviderException e) {
            // Revoked or signed out everywhere since: the session is over, sign in again.
            sessions.end(response, domain);
            return Optional.empty();
        }
    }

    /** The pages of {@code authorization}'s domain, on its pool and client, offering what they allow. */
    private SignInSite site(Authorizations authorize, AuthorizationRequest authorization, HttpServletResponse response) {
        UserPoolClient client = authorize.client(authorization);
        UserPool pool = services.pools().find(authorization.poolId())
                .orElseThrow(() -> AuthorizationException.errorPage("invalid_request", "The user pool no longer exists"));
        boolean customAuth = client.allows("ALLOW_CUSTOM_AUTH") && pool.lambdaConfig() != null
                && pool.lambdaConfig().defineAuthChallenge() != null;
        Optional<PasswordFlow> passwordFlow = customAuth ? Optional.of(PasswordFlow.CUSTOM_AUTH_SRP)
                : client.allows("ALLOW_USER_SRP_AUTH") ? Optional.of(PasswordFlow.USER_SRP_AUTH)
                : client.allows("ALLOW_USER_PASSWORD_AUTH") ? Optional.of(PasswordFlow.USER_PASSWORD_AUTH)
                : Optional.empty();
        List<String> factors = client.allows("ALLOW_USER_AUTH") && pool.policies() != null
                && pool.policies().signInPolicy() != null ? pool.policies().signInPolicy().allowedFirstAuthFactors()
                : List.of();
        Map<String, String> query = authorization.toQuery();
        String domain = "/" + authorization.domainPrefix();
        WebPaths paths = WebPaths.managedLogin(domain, "?" + encode(query),
                "?" + encode(query.entrySet().stream().filter(e -> !e.getKey().equals("lang"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))));
        Duration session = client.authSessionDuration();
        Duration trigger = settings.limits().emailOtpTrigger().codeValidity();
        return new SignInSite(cognito.forApp(app(client, passwordFlow.orElse(PasswordFlow.USER_SRP_AUTH))),
                pool.id(), paths, new SignInSite.Offer(passwordFlow.isPresent(), customAuth,
                        factors.contains("EMAIL_OTP"), factors.contains("SMS_OTP")),
                settings.limits().resendCooldown(),
                new WebSettings.CodeValidity(trigger.compareTo(session) < 0 ? trigger : session, session),
                passwordRules(pool), settings.dev() ? WebSettings.DEV_RATE_LIMITS : WebSettings.RateLimits.DEFAULT,
                "tobira.login." + authorization.domainPrefix(), (request, account) -> {
                    if (!account.tokens().refreshToken().isEmpty()) {
                        sessions.start(response, authorization.domainPrefix(), new Session(pool.id(), client.clientId(),
                                account.username(), account.email(), account.tokens().refreshToken(), clock.instant()));
                    }
                    return "redirect:" + authorize.complete(authorization, account.tokens().accessToken());
                });
    }

    /** The client as the gateway calls it; its secret is known here, so requests carry {@code SECRET_HASH}. */
    private static CognitoGateway.App app(UserPoolClient client, PasswordFlow passwordFlow) {
        return new CognitoGateway.App(client.userPoolId(), client.clientId(), Optional.ofNullable(client.clientSecret()),
                passwordFlow);
    }

    private static WebSettings.PasswordRules passwordRules(UserPool pool) {
        UserPool.PasswordPolicy policy = pool.policies() == null || pool.policies().passwordPolicy() == null
                ? UserPool.PasswordPolicy.DEFAULT : pool.policies().passwordPolicy();
        return new WebSettings.PasswordRules(policy.minimumLength() == null ? 8 : policy.minimumLength(),
                Boolean.TRUE.equals(policy.requireUppercase()), Boolean.TRUE.equals(policy.requireLowercase()),
                Boolean.TRUE.equals(policy.requireNumbers()), Boolean.TRUE.equals(policy.requireSymbols()));
    }

    /** The request's query, decoded; a repeated parameter is refused as the authorize endpoint refuses it. */
    static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = request.getQueryString();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (query.putIfAbsent(name, value) != null) {
                throw AuthorizationException.errorPage("invalid_request", "Parameter " + name + " is repeated");
            }
        }
        return query;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AuthorizationException.errorPage("invalid_request", "The query is not URL-encoded");
        }
    }

    private static String encode(Map<String, String> query) {
        Function<String, String> enc = s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        return query.entrySet().stream().map(e -> enc.apply(e.getKey()) + "=" + enc.apply(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
