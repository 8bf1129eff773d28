package dev.tobira.server.web;

import dev.tobira.server.ratelimit.RateLimiter;
import dev.tobira.server.web.WebState.Account;
import dev.tobira.server.web.WebState.CodeEntry;
import dev.tobira.server.web.WebState.Confirmation;
import dev.tobira.server.web.WebState.Method;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The pages of the web sign-in app. Every page works without JavaScript: each action is a form post
 * answered with a redirect (or with the same page and a sentence saying what went wrong). What a
 * visitor is in the middle of lives in the server-side session ({@link WebState}); tokens never leave it.
 */
@Controller
@ConditionalOnBean(WebSettings.class)
public class WebController {

    static final String CONFIRMATION = "tobira.web.confirmation";
    static final String CODE = "tobira.web.code";
    static final String ACCOUNT = "tobira.web.account";

    private static final Logger log = LoggerFactory.getLogger(WebController.class);

    /** Answers after which a sign-in session can no longer be used, whatever the code. */
    private static final Set<String> SESSION_OVER = Set.of("error.session-expired", "error.session-invalid",
            "error.incorrect-credentials", "error.not-authorized");

    private final CognitoGateway cognito;
    private final WebSettings settings;
    private final RateLimiter limiter;
    private final Clock clock;

    public WebController(CognitoGateway cognito, WebSettings settings, RateLimiter limiter, WebConfiguration.WebClock clock) {
        this.cognito = cognito;
        this.settings = settings;
        this.limiter = limiter;
        this.clock = clock.clock();
    }

    // ---- sign in ---------------------------------------------------------------------------------

    @GetMapping("/")
    public String signInPage(HttpServletRequest request, Model model) {
        if (state(request, ACCOUNT, Account.class).isPresent()) {
            return "redirect:/dashboard";
        }
        model.addAttribute("pagePath", "/");
        return "web/sign-in";
    }

    @PostMapping("/sign-in")
    public String signInWithPassword(@RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("email", email.strip());
        model.addAttribute("pagePath", "/");
        Optional<WebError> refused = email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : password.isEmpty() ? Optional.of(WebError.of("error.password-required"))
                : limited(request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-in");
        }
        try {
            return signedInOrCode(request, redirect, email.strip(), Method.PASSWORD_AND_EMAIL_CODE,
                    cognito.signInWithPassword(email.strip(), password));
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (error.key().equals("error.user-not-confirmed")) {
                // The account exists but was never confirmed: go where that can be done.
                set(request, CONFIRMATION, new Confirmation(email.strip(), false, "", "", Instant.EPOCH));
                redirect.addFlashAttribute("notice", WebError.of("notice.confirm-first"));
                return "redirect:/confirm";
            }
            return failed(model, response, error, "web/sign-in");
        }
    }

    @PostMapping("/sign-in/email-code")
    public String signInWithEmailCode(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        model.addAttribute("codeEmail", email.strip());
        model.addAttribute("pagePath", "/");
        Optional<WebError> refused = email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : limited(request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-in");
        }
        try {
            return signedInOrCode(request, redirect, email.strip(), Method.EMAIL_CODE,
                    cognito.signInWithEmailCode(email.strip()));
        } catch (CognitoIdentityProviderException e) {
            return failed(model, response, WebErrors.of(e), "web/sign-in");
        }
    }

    // ---- the emailed code ------------------------------------------------------------------------

    @GetMapping("/code")
    public String codePage(HttpServletRequest request, Model model) {
        Optional<CodeEntry> entry = state(request, CODE, CodeEntry.class);
        if (entry.isEmpty()) {
            return "redirect:/";
        }
        return codeView(model, entry.get());
    }

    @PostMapping("/code")
    public String answerCode(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<CodeEntry> found = state(request, CODE, CodeEntry.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        CodeEntry entry = found.get();
        Optional<WebError> refused = code.isBlank() ? Optional.of(WebError.of("error.code-required"))
                : limited(request, response, entry.email());
        if (refused.isPresent()) {
            codeView(model, entry);
            return failed(model, response, refused.get(), "web/code");
        }
        boolean late = !clock.instant().isBefore(entry.validUntil());
        try {
            SignInStep step = cognito.answer(entry.code(), code.strip());
            if (step instanceof SignInStep.Done done) {
                return signedIn(request, entry.email(), entry.method(), done.tokens());
            }
            // Another round: the custom-auth triggers did not accept the code and ask again. After an
            // expired code the tobira-email-otp triggers (built in, or the lambda module's) email a new one.
            CodeEntry next = late ? sentNow(entry.email(), entry.method(), (SignInStep.Code) step)
                    : entry.nextRound((SignInStep.Code) step);
            set(request, CODE, next);
            codeView(model, next);
            return failed(model, response, WebError.of(late ? "error.code-expired-new-code-sent" : "error.code-mismatch"),
                    "web/code");
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            // The pool's own word that the session expired counts whatever this app's clock says.
            if (error.key().equals("error.session-expired")
                    || late && (SESSION_OVER.contains(error.key()) || error.key().equals("error.code-mismatch"))) {
                error = WebError.of("error.code-expired-sign-in");
            } else if (SESSION_OVER.contains(error.key())) {
                error = WebError.of("error.code-attempts-over");
            }
            codeView(model, entry);
            return failed(model, response, error, "web/code");
        }
    }

    @PostMapping("/code/resend")
    public String resendCode(@RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<CodeEntry> found = state(request, CODE, CodeEntry.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        CodeEntry entry = found.get();
        boolean needsPassword = entry.method() == Method.PASSWORD_AND_EMAIL_CODE;
        long wait = resendIn(entry);
        Optional<WebError> refused = wait > 0 ? Optional.of(WebError.of("error.resend-wait", wait))
                : needsPassword && password.isEmpty() ? Optional.of(WebError.of("error.password-required-for-resend"))
                : limited(request, response, entry.email());
        if (refused.isPresent()) {
            codeView(model, entry);
            return failed(model, response, refused.get(), "web/code");
        }
        try {
            SignInStep step = needsPassword ? cognito.signInWithPassword(entry.email(), password)
                    : cognito.signInWithEmailCode(entry.email());
            redirect.addFlashAttribute("notice", WebError.of("notice.code-resent"));
            // A new code after a passwordless sign-up is an ordinary emailed-code sign-in.
            Method method = entry.method() == Method.SIGN_UP_CODE ? Method.EMAIL_CODE : entry.method();
            return signedInOrCode(request, redirect, entry.email(), method, step);
        } catch (CognitoIdentityProviderException e) {
            codeView(model, entry);
            return failed(model, response, WebErrors.of(e), "web/code");
        }
    }

    @PostMapping("/code/cancel")
    public String cancelCode(HttpServletRequest request, RedirectAttributes redirect) {
        remove(request, CODE);
        redirect.addFlashAttribute("notice", WebError.of("notice.sign-in-cancelled"));
        return "redirect:/";
    }

    private String codeView(Model model, CodeEntry entry) {
        model.addAttribute("entry", entry);
        model.addAttribute("passwordDesign", entry.method() == Method.PASSWORD_AND_EMAIL_CODE);
        // What the page says is what the late check uses: the entry's own validity.
        model.addAttribute("validSeconds", Duration.between(entry.sentAt(), entry.validUntil()).toSeconds());
        model.addAttribute("resendIn", resendIn(entry));
        model.addAttribute("pagePath", "/code");
        return "web/code";
    }

    /**
     * Seconds before a passwordless sign-in may ask for another code. The password design has no
     * cooldown here: its new code needs the password again, which is counted by the rate limits.
     */
    private long resendIn(CodeEntry entry) {
        return entry.method() == Method.PASSWORD_AND_EMAIL_CODE ? 0 : resendIn(entry.sentAt());
    }

    // ---- sign up and confirmation ----------------------------------------------------------------

    @GetMapping("/sign-up")
    public String signUpPage(HttpServletRequest request, Model model) {
        if (state(request, ACCOUNT, Account.class).isPresent()) {
            return "redirect:/dashboard";
        }
        return signUpView(model);
    }

    @PostMapping("/sign-up")
    public String signUp(@RequestParam(name = "email", defaultValue = "") String email, @RequestParam(name = "password", defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        signUpView(model);
        model.addAttribute("email", email.strip());
        Optional<WebError> refused = email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : password.isEmpty() ? Optional.of(WebError.of("error.password-required"))
                : limited(request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-up");
        }
        return startSignUp(request, response, model, redirect, email.strip(), Optional.of(password));
    }

    @PostMapping("/sign-up/passwordless")
    public String signUpPasswordless(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        signUpView(model);
        model.addAttribute("codeEmail", email.strip());
        Optional<WebError> refused = email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : limited(request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-up");
        }
        return startSignUp(request, response, model, redirect, email.strip(), Optional.empty());
    }

    private String startSignUp(HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect, String email, Optional<String> password) {
        try {
            CognitoGateway.SignUpResult result = cognito.signUp(email, password,
                    LocaleContextHolder.getLocale().getLanguage());
            if (result.confirmed()) {
                redirect.addFlashAttribute("notice", WebError.of("notice.confirmed"));
                return "redirect:/";
            }
            set(request, CONFIRMATION, new Confirmation(email, password.isEmpty(), result.session().orElse(""),
                    result.destination(), clock.instant()));
            redirect.addFlashAttribute("notice", WebError.of("notice.code-sent"));
            return "redirect:/confirm";
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (error.key().equals("error.password-too-short")) {
                error = WebError.of(error.key(), settings.passwordRules().minimumLength());
            }
            return failed(model, response, error, "web/sign-up");
        }
    }

    private String signUpView(Model model) {
        model.addAttribute("rules", settings.passwordRules());
        model.addAttribute("pagePath", "/sign-up");
        return "web/sign-up";
    }

    @GetMapping("/confirm")
    public String confirmPage(HttpServletRequest request, Model model) {
        Optional<Confirmation> confirmation = state(request, CONFIRMATION, Confirmation.class);
        if (confirmation.isEmpty()) {
            return "redirect:/sign-up";
        }
        return confirmView(model, confirmation.get());
    }

    @PostMapping("/confirm")
    public String confirm(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Confirmation> found = state(request, CONFIRMATION, Confirmation.class);
        if (found.isEmpty()) {
            return "redirect:/sign-up";
        }
        Confirmation confirmation = found.get();
        confirmView(model, confirmation);
        Optional<WebError> refused = code.isBlank() ? Optional.of(WebError.of("error.code-required"))
                : limited(request, response, confirmation.email());
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/confirm");
        }
        Optional<String> signInSession;
        try {
            signInSession = cognito.confirmSignUp(confirmation.email(), code.strip(),
                    Optional.of(confirmation.signUpSession()).filter(s -> !s.isEmpty()));
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (!error.key().equals("error.already-confirmed")) {
                return failed(model, response, error, "web/confirm");
            }
            signInSession = Optional.empty();
        }
        remove(request, CONFIRMATION);
        if (confirmation.passwordless() && signInSession.isPresent()) {
            try {
                return signedInOrCode(request, redirect, confirmation.email(), Method.SIGN_UP_CODE,
                        cognito.signInAfterConfirmation(confirmation.email(), signInSession.get()));
            } catch (CognitoIdentityProviderException e) {
                // Confirmed all the same; the user signs in with an emailed code.
                log.info("Sign-in right after confirmation failed: {}", WebErrors.of(e).key());
            }
        }
        redirect.addFlashAttribute("notice", WebError.of(confirmation.passwordless()
                ? "notice.confirmed-passwordless" : "notice.confirmed"));
        redirect.addFlashAttribute(confirmation.passwordless() ? "codeEmail" : "email", confirmation.email());
        return "redirect:/";
    }

    @PostMapping("/confirm/resend")
    public String resendConfirmation(HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Optional<Confirmation> found = state(request, CONFIRMATION, Confirmation.class);
        if (found.isEmpty()) {
            return "redirect:/sign-up";
        }
        Confirmation confirmation = found.get();
        confirmView(model, confirmation);
        long wait = resendIn(confirmation.codeSentAt());
        Optional<WebError> refused = wait > 0 ? Optional.of(WebError.of("error.resend-wait", wait))
                : limited(request, response, confirmation.email());
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/confirm");
        }
        try {
            String destination = cognito.resendConfirmationCode(confirmation.email());
            set(request, CONFIRMATION, confirmation.resent(destination, clock.instant()));
            redirect.addFlashAttribute("notice", WebError.of("notice.code-resent"));
            return "redirect:/confirm";
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (error.key().equals("error.already-confirmed")) {
                remove(request, CONFIRMATION);
                redirect.addFlashAttribute("notice", WebError.of("notice.confirmed"));
                return "redirect:/";
            }
            return failed(model, response, error, "web/confirm");
        }
    }

    private String confirmView(Model model, Confirmation confirmation) {
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("resendIn", resendIn(confirmation.codeSentAt()));
        model.addAttribute("pagePath", "/confirm");
        return "web/confirm";
    }

    /** Whole seconds of the resend cooldown left after a code sent at {@code sentAt}. */
    private long resendIn(Instant sentAt) {
        Duration since = Duration.between(sentAt, clock.instant());
        Duration left = settings.resendCooldown().minus(since);
        // Rounded up: "wait 1 second" while any part of it is left.
        return left.isNegative() || left.isZero() ? 0 : (left.toMillis() + 999) / 1000;
    }

    // ---- dashboard and sign-out ------------------------------------------------------------------

    @GetMapping("/dashboard")
    public String dashboard(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Optional<Account> found = state(request, ACCOUNT, Account.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        try {
            Account account = fresh(request, found.get());
            Map<String, String> attributes = cognito.attributes(account.tokens().accessToken());
            model.addAttribute("passkeys", PasskeyController.listed(cognito, account));
            model.addAttribute("account", account);
            model.addAttribute("attributes", attributes);
            model.addAttribute("idToken", TokenView.of("ID", account.tokens().idToken()));
            model.addAttribute("accessToken", TokenView.of("Access", account.tokens().accessToken()));
            model.addAttribute("hasRefreshToken", !account.tokens().refreshToken().isEmpty());
            model.addAttribute("pagePath", "/dashboard");
            return "web/dashboard";
        } catch (CognitoIdentityProviderException e) {
            // Revoked elsewhere (global sign-out on another device) or expired: this sign-in is over.
            endSession(request);
            redirect.addFlashAttribute("error", WebErrors.of(e).key().equals("error.signed-out")
                    ? WebError.of("error.signed-out") : WebErrors.of(e));
            return "redirect:/";
        }
    }

    @PostMapping("/dashboard/refresh")
    public String refresh(HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Optional<Account> found = state(request, ACCOUNT, Account.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        Optional<WebError> refused = limited(request, response, found.get().email());
        if (refused.isPresent()) {
            model.addAttribute("error", refused.get());
            return dashboard(request, model, redirect);
        }
        try {
            set(request, ACCOUNT, found.get().withTokens(cognito.refresh(found.get().tokens(), found.get().username())));
            redirect.addFlashAttribute("notice", WebError.of("notice.refreshed"));
            return "redirect:/dashboard";
        } catch (CognitoIdentityProviderException e) {
            endSession(request);
            redirect.addFlashAttribute("error", WebErrors.of(e));
            return "redirect:/";
        }
    }

    /**
     * Signs out: {@code RevokeToken} on the refresh token (this sign-in) or {@code GlobalSignOut} (every
     * sign-in of the user), then the session here ends whatever the pool answered. When the pool could
     * not end the sign-in, the user is told so instead of being told it is over everywhere.
     */
    @PostMapping("/sign-out")
    public String signOut(@RequestParam(name = "everywhere", defaultValue = "false") boolean everywhere, HttpServletRequest request,
            RedirectAttributes redirect) {
        Optional<WebError> unfinished = state(request, ACCOUNT, Account.class)
                .flatMap(account -> endAtThePool(account, everywhere));
        endSession(request);
        if (unfinished.isPresent()) {
            redirect.addFlashAttribute("error", unfinished.get());
        } else {
            redirect.addFlashAttribute("notice", WebError.of(everywhere ? "notice.signed-out-everywhere"
                    : "notice.signed-out"));
        }
        return "redirect:/";
    }

    /** Ends {@code account}'s sign-in (or all of the user's) at the pool; the sentence to show if that failed. */
    private Optional<WebError> endAtThePool(Account account, boolean everywhere) {
        Tokens tokens = account.tokens();
        try {
            if (everywhere) {
                if (!clock.instant().isBefore(tokens.expiresAt()) && !tokens.refreshToken().isEmpty()) {
                    // GlobalSignOut needs a live access token.
                    tokens = cognito.refresh(tokens, account.username());
                }
                cognito.globalSignOut(tokens.accessToken());
            } else if (!tokens.refreshToken().isEmpty()) {
                cognito.revoke(tokens.refreshToken());
            }
            return Optional.empty();
        } catch (CognitoIdentityProviderException | SdkClientException e) {
            log.info("Ending the sign-in at the pool failed at sign-out: {}", e.getClass().getSimpleName());
            return Optional.of(WebError.of(everywhere ? "error.sign-out-everywhere-failed"
                    : "error.sign-out-not-revoked"));
        }
    }

    // ---- shared ----------------------------------------------------------------------------------

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
        log.warn("The pool asked for a challenge the web app does not handle: {}", e.challengeName());
        model.addAttribute("error", WebError.of("error.unexpected-challenge"));
        model.addAttribute("pagePath", "/");
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        return "web/problem";
    }

    private String signedInOrCode(HttpServletRequest request, RedirectAttributes redirect, String email, Method method,
            SignInStep step) {
        if (step instanceof SignInStep.Done done) {
            return signedIn(request, email, method, done.tokens());
        }
        if (step instanceof SignInStep.Passkey passkey) {
            // The pool offered the user's passkey instead of an emailed code.
            return PasskeyController.usePasskey(request, email, passkey);
        }
        set(request, CODE, sentNow(email, method, (SignInStep.Code) step));
        return "redirect:/code";
    }

    /** A code sent just now for a sign-in by {@code method}: it works for that design's validity. */
    private CodeEntry sentNow(String email, Method method, SignInStep.Code step) {
        Instant now = clock.instant();
        return new CodeEntry(email, method, step, now, now.plus(settings.codeValidity().of(method)));
    }

    String signedIn(HttpServletRequest request, String email, Method method, Tokens tokens) {
        // A new session id at the change of privilege: an id planted before sign-in is worth nothing after it.
        request.getSession();
        request.changeSessionId();
        remove(request, CODE);
        remove(request, CONFIRMATION);
        remove(request, PasskeyController.PASSKEY);
        String username = TokenView.of("Access", tokens.accessToken()).claims().stream()
                .filter(c -> c.name().equals("username")).map(TokenView.Claim::value).findFirst().orElse(email);
        set(request, ACCOUNT, new Account(email, username, method, tokens, clock.instant()));
        return "redirect:/dashboard";
    }

    /** {@code account} with live tokens: refreshed (and kept) when the access token has expired. */
    Account fresh(HttpServletRequest request, Account account) {
        if (!clock.instant().isBefore(account.tokens().expiresAt()) && !account.tokens().refreshToken().isEmpty()) {
            Account refreshed = account.withTokens(cognito.refresh(account.tokens(), account.username()));
            set(request, ACCOUNT, refreshed);
            return refreshed;
        }
        return account;
    }

    void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Counts this post; the sentence to show when the client address or the username is over its limit. */
    Optional<WebError> limited(HttpServletRequest request, HttpServletResponse response, String username) {
        WebSettings.RateLimits limits = settings.rateLimits();
        boolean allowed = limiter.allow(List.of(
                RateLimiter.Limit.perAddress("web", request.getRemoteAddr(), limits.perAddressPerMinute()),
                RateLimiter.Limit.perUsername("web", settings.userPoolId(), username, limits.perUsernamePerMinute())),
                RateLimiter.Refusals.COUNTED);
        if (allowed) {
            return Optional.empty();
        }
        response.setStatus(429);
        return Optional.of(WebError.of("error.rate-limited"));
    }

    static String failed(Model model, HttpServletResponse response, WebError error, String view) {
        model.addAttribute("error", error);
        if (response.getStatus() < 400) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return view;
    }

    static <T> Optional<T> state(HttpServletRequest request, String name, Class<T> type) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(name))
                .filter(type::isInstance).map(type::cast);
    }

    static void set(HttpServletRequest request, String name, Object value) {
        request.getSession().setAttribute(name, value);
    }

    static void remove(HttpServletRequest request, String name) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(name);
        }
    }
}
