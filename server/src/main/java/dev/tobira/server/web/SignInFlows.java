package dev.tobira.server.web;

import dev.tobira.server.ratelimit.RateLimiter;
import dev.tobira.server.web.WebState.Account;
import dev.tobira.server.web.WebState.CodeEntry;
import dev.tobira.server.web.WebState.Confirmation;
import dev.tobira.server.web.WebState.Method;
import dev.tobira.server.web.WebState.PasswordReset;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The sign-in, code, sign-up, confirmation and password-reset steps of the web pages, for any {@link SignInSite}: the
 * web app's ({@link WebController}) and each domain's managed login. Every step is a form post answered
 * with a redirect (or with the same page and a sentence saying what went wrong). What a visitor is in
 * the middle of lives in the server-side session ({@link WebState}), under the site's names; tokens
 * never leave it. Each method returns the view name or {@code redirect:} to answer with.
 */
public final class SignInFlows {

    static final String CONFIRMATION = "confirmation";
    static final String CODE = "code";
    static final String RESET = "reset";

    private static final Logger log = LoggerFactory.getLogger(SignInFlows.class);

    /** Answers after which a sign-in session can no longer be used, whatever the code. */
    private static final Set<String> SESSION_OVER = Set.of("error.session-expired", "error.session-invalid",
            "error.incorrect-credentials", "error.not-authorized");

    private final RateLimiter limiter;
    private final Clock clock;

    public SignInFlows(RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    // ---- sign in ---------------------------------------------------------------------------------

    /** The sign-in page. */
    public String signInView(SignInSite site, Model model) {
        site(site, model, site.paths().signInPage());
        return "web/sign-in";
    }

    public String signInWithPassword(SignInSite site, String email, String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        signInView(site, model);
        model.addAttribute("email", email.strip());
        Optional<WebError> refused = !site.offer().password() ? Optional.of(WebError.of("error.configuration"))
                : email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : password.isEmpty() ? Optional.of(WebError.of("error.password-required"))
                : limited(site, request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-in");
        }
        try {
            return signedInOrCode(site, request, email.strip(), Method.PASSWORD_AND_EMAIL_CODE,
                    site.cognito().signInWithPassword(email.strip(), password));
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (error.key().equals("error.user-not-confirmed")) {
                // The account exists but was never confirmed: go where that can be done.
                set(request, site.key(CONFIRMATION), new Confirmation(email.strip(), false, "", "", Instant.EPOCH));
                redirect.addFlashAttribute("notice", WebError.of("notice.confirm-first"));
                return "redirect:" + site.paths().confirm();
            }
            return failed(model, response, error, "web/sign-in");
        }
    }

    public String signInWithEmailCode(SignInSite site, String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return signInWithCode(site, email, Method.EMAIL_CODE, request, response, model);
    }

    /** Passwordless by text message; {@code phone} is the username the pool signs in with. */
    public String signInWithSmsCode(SignInSite site, String phone, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return signInWithCode(site, phone, Method.SMS_CODE, request, response, model);
    }

    private String signInWithCode(SignInSite site, String address, Method method, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        boolean sms = method == Method.SMS_CODE;
        signInView(site, model);
        model.addAttribute(sms ? "phone" : "codeEmail", address.strip());
        Optional<WebError> refused = !(sms ? site.offer().smsCode() : site.offer().emailCode())
                ? Optional.of(WebError.of("error.configuration"))
                : address.isBlank() ? Optional.of(WebError.of(sms ? "error.phone-required" : "error.email-required"))
                : limited(site, request, response, address);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-in");
        }
        try {
            return signedInOrCode(site, request, address.strip(), method, sms
                    ? site.cognito().signInWithSmsCode(address.strip()) : site.cognito().signInWithEmailCode(address.strip()));
        } catch (CognitoIdentityProviderException e) {
            return failed(model, response, WebErrors.of(e), "web/sign-in");
        }
    }

    // ---- the emailed code ------------------------------------------------------------------------

    public String codePage(SignInSite site, HttpServletRequest request, Model model) {
        Optional<CodeEntry> entry = state(request, site.key(CODE), CodeEntry.class);
        if (entry.isEmpty()) {
            return "redirect:" + site.paths().signInPage();
        }
        return codeView(site, model, entry.get());
    }

    public String answerCode(SignInSite site, String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<CodeEntry> found = state(request, site.key(CODE), CodeEntry.class);
        if (found.isEmpty()) {
            return "redirect:" + site.paths().signInPage();
        }
        CodeEntry entry = found.get();
        Optional<WebError> refused = code.isBlank() ? Optional.of(WebError.of("error.code-required"))
                : limited(site, request, response, entry.email());
        if (refused.isPresent()) {
            codeView(site, model, entry);
            return failed(model, response, refused.get(), "web/code");
        }
        boolean late = !clock.instant().isBefore(entry.validUntil());
        try {
            SignInStep step = site.cognito().answer(entry.code(), code.strip());
            if (step instanceof SignInStep.Done done) {
                return signedIn(site, request, entry.email(), entry.method(), done.tokens());
            }
            // Another round: the custom-auth triggers did not accept the code and ask again. After an
            // expired code the tobira-email-otp triggers (built in, or the lambda module's) email a new one.
            CodeEntry next = late ? sentNow(site, entry.email(), entry.method(), (SignInStep.Code) step)
                    : entry.nextRound((SignInStep.Code) step);
            set(request, site.key(CODE), next);
            codeView(site, model, next);
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
            codeView(site, model, entry);
            return failed(model, response, error, "web/code");
        }
    }

    public String resendCode(SignInSite site, String password, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Optional<CodeEntry> found = state(request, site.key(CODE), CodeEntry.class);
        if (found.isEmpty()) {
            return "redirect:" + site.paths().signInPage();
        }
        CodeEntry entry = found.get();
        boolean needsPassword = entry.method() == Method.PASSWORD_AND_EMAIL_CODE;
        long wait = resendIn(site, entry);
        Optional<WebError> refused = wait > 0 ? Optional.of(WebError.of("error.resend-wait", wait))
                : needsPassword && password.isEmpty() ? Optional.of(WebError.of("error.password-required-for-resend"))
                : limited(site, request, response, entry.email());
        if (refused.isPresent()) {
            codeView(site, model, entry);
            return failed(model, response, refused.get(), "web/code");
        }
        try {
            SignInStep step = needsPassword ? site.cognito().signInWithPassword(entry.email(), password)
                    : entry.method() == Method.SMS_CODE ? site.cognito().signInWithSmsCode(entry.email())
                    : site.cognito().signInWithEmailCode(entry.email());
            redirect.addFlashAttribute("notice", WebError.of("notice.code-resent"));
            // A new code after a passwordless sign-up is an ordinary emailed-code sign-in.
            Method method = entry.method() == Method.SIGN_UP_CODE ? Method.EMAIL_CODE : entry.method();
            return signedInOrCode(site, request, entry.email(), method, step);
        } catch (CognitoIdentityProviderException e) {
            codeView(site, model, entry);
            return failed(model, response, WebErrors.of(e), "web/code");
        }
    }

    public String cancelCode(SignInSite site, HttpServletRequest request, RedirectAttributes redirect) {
        remove(request, site.key(CODE));
        redirect.addFlashAttribute("notice", WebError.of("notice.sign-in-cancelled"));
        return "redirect:" + site.paths().signInPage();
    }

    private String codeView(SignInSite site, Model model, CodeEntry entry) {
        site(site, model, site.paths().codePage());
        model.addAttribute("entry", entry);
        model.addAttribute("passwordDesign", entry.method() == Method.PASSWORD_AND_EMAIL_CODE);
        // What the page says is what the late check uses: the entry's own validity.
        model.addAttribute("validSeconds", Duration.between(entry.sentAt(), entry.validUntil()).toSeconds());
        model.addAttribute("resendIn", resendIn(site, entry));
        return "web/code";
    }

    /**
     * Seconds before a passwordless sign-in may ask for another code. The password design has no
     * cooldown here: its new code needs the password again, which is counted by the rate limits.
     */
    private long resendIn(SignInSite site, CodeEntry entry) {
        return entry.method() == Method.PASSWORD_AND_EMAIL_CODE ? 0 : resendIn(site, entry.sentAt());
    }

    // ---- sign up and confirmation ----------------------------------------------------------------

    public String signUp(SignInSite site, String email, String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        signUpView(site, model);
        model.addAttribute("email", email.strip());
        Optional<WebError> refused = !site.offer().password() ? Optional.of(WebError.of("error.configuration"))
                : email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : password.isEmpty() ? Optional.of(WebError.of("error.password-required"))
                : limited(site, request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-up");
        }
        return startSignUp(site, request, response, model, redirect, email.strip(), Optional.of(password));
    }

    public String signUpPasswordless(SignInSite site, String email, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        signUpView(site, model);
        model.addAttribute("codeEmail", email.strip());
        Optional<WebError> refused = !site.offer().emailCode() ? Optional.of(WebError.of("error.configuration"))
                : email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : limited(site, request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-up");
        }
        return startSignUp(site, request, response, model, redirect, email.strip(), Optional.empty());
    }

    private String startSignUp(SignInSite site, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect, String email, Optional<String> password) {
        try {
            CognitoGateway.SignUpResult result = site.cognito().signUp(email, password,
                    LocaleContextHolder.getLocale().getLanguage());
            if (result.confirmed()) {
                redirect.addFlashAttribute("notice", WebError.of("notice.confirmed"));
                return "redirect:" + site.paths().signInPage();
            }
            set(request, site.key(CONFIRMATION), new Confirmation(email, password.isEmpty(),
                    result.session().orElse(""), result.destination(), clock.instant()));
            redirect.addFlashAttribute("notice", WebError.of("notice.code-sent"));
            return "redirect:" + site.paths().confirm();
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (error.key().equals("error.password-too-short")) {
                error = WebError.of(error.key(), site.passwordRules().minimumLength());
            }
            return failed(model, response, error, "web/sign-up");
        }
    }

    /** The sign-up page. */
    public String signUpView(SignInSite site, Model model) {
        site(site, model, site.paths().signUpPage());
        model.addAttribute("rules", site.passwordRules());
        return "web/sign-up";
    }

    public String confirmPage(SignInSite site, HttpServletRequest request, Model model) {
        Optional<Confirmation> confirmation = state(request, site.key(CONFIRMATION), Confirmation.class);
        if (confirmation.isEmpty()) {
            return "redirect:" + site.paths().signUpPage();
        }
        return confirmView(site, model, confirmation.get());
    }

    public String confirm(SignInSite site, String code, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Optional<Confirmation> found = state(request, site.key(CONFIRMATION), Confirmation.class);
        if (found.isEmpty()) {
            return "redirect:" + site.paths().signUpPage();
        }
        Confirmation confirmation = found.get();
        confirmView(site, model, confirmation);
        Optional<WebError> refused = code.isBlank() ? Optional.of(WebError.of("error.code-required"))
                : limited(site, request, response, confirmation.email());
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/confirm");
        }
        Optional<String> signInSession;
        try {
            signInSession = site.cognito().confirmSignUp(confirmation.email(), code.strip(),
                    Optional.of(confirmation.signUpSession()).filter(s -> !s.isEmpty()));
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (!error.key().equals("error.already-confirmed")) {
                return failed(model, response, error, "web/confirm");
            }
            signInSession = Optional.empty();
        }
        remove(request, site.key(CONFIRMATION));
        if (confirmation.passwordless() && signInSession.isPresent()) {
            try {
                return signedInOrCode(site, request, confirmation.email(), Method.SIGN_UP_CODE,
                        site.cognito().signInAfterConfirmation(confirmation.email(), signInSession.get()));
            } catch (CognitoIdentityProviderException e) {
                // Confirmed all the same; the user signs in with an emailed code.
                log.info("Sign-in right after confirmation failed: {}", WebErrors.of(e).key());
            }
        }
        redirect.addFlashAttribute("notice", WebError.of(confirmation.passwordless()
                ? "notice.confirmed-passwordless" : "notice.confirmed"));
        redirect.addFlashAttribute(confirmation.passwordless() ? "codeEmail" : "email", confirmation.email());
        return "redirect:" + site.paths().signInPage();
    }

    public String resendConfirmation(SignInSite site, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Optional<Confirmation> found = state(request, site.key(CONFIRMATION), Confirmation.class);
        if (found.isEmpty()) {
            return "redirect:" + site.paths().signUpPage();
        }
        Confirmation confirmation = found.get();
        confirmView(site, model, confirmation);
        long wait = resendIn(site, confirmation.codeSentAt());
        Optional<WebError> refused = wait > 0 ? Optional.of(WebError.of("error.resend-wait", wait))
                : limited(site, request, response, confirmation.email());
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/confirm");
        }
        try {
            String destination = site.cognito().resendConfirmationCode(confirmation.email());
            set(request, site.key(CONFIRMATION), confirmation.resent(destination, clock.instant()));
            redirect.addFlashAttribute("notice", WebError.of("notice.code-resent"));
            return "redirect:" + site.paths().confirm();
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (error.key().equals("error.already-confirmed")) {
                remove(request, site.key(CONFIRMATION));
                redirect.addFlashAttribute("notice", WebError.of("notice.confirmed"));
                return "redirect:" + site.paths().signInPage();
            }
            return failed(model, response, error, "web/confirm");
        }
    }

    private String confirmView(SignInSite site, Model model, Confirmation confirmation) {
        site(site, model, site.paths().confirmPage());
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("resendIn", resendIn(site, confirmation.codeSentAt()));
        return "web/confirm";
    }

    /** Whole seconds of the resend cooldown left after a code sent at {@code sentAt}. */
    private long resendIn(SignInSite site, Instant sentAt) {
        Duration since = Duration.between(sentAt, clock.instant());
        Duration left = site.resendCooldown().minus(since);
        // Rounded up: "wait 1 second" while any part of it is left.
        return left.isNegative() || left.isZero() ? 0 : (left.toMillis() + 999) / 1000;
    }

    // ---- forgotten password ----------------------------------------------------------------------

    /** The page asking for the email address to send a reset code to. */
    public String forgotPasswordView(SignInSite site, Model model) {
        site(site, model, site.paths().forgotPasswordPage());
        return "web/forgot-password";
    }

    public String forgotPassword(SignInSite site, String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        forgotPasswordView(site, model);
        model.addAttribute("email", email.strip());
        Optional<WebError> refused = email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : limited(site, request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/forgot-password");
        }
        try {
            String destination = site.cognito().forgotPassword(email.strip());
            set(request, site.key(RESET), new PasswordReset(email.strip(), destination));
            return "redirect:" + site.paths().resetPassword();
        } catch (CognitoIdentityProviderException e) {
            return failed(model, response, WebErrors.of(e), "web/forgot-password");
        }
    }

    public String resetPasswordPage(SignInSite site, HttpServletRequest request, Model model) {
        Optional<PasswordReset> reset = state(request, site.key(RESET), PasswordReset.class);
        if (reset.isEmpty()) {
            return "redirect:" + site.paths().forgotPasswordPage();
        }
        return resetPasswordView(site, model, reset.get());
    }

    public String resetPassword(SignInSite site, String code, String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<PasswordReset> found = state(request, site.key(RESET), PasswordReset.class);
        if (found.isEmpty()) {
            return "redirect:" + site.paths().forgotPasswordPage();
        }
        resetPasswordView(site, model, found.get());
        Optional<WebError> refused = code.isBlank() ? Optional.of(WebError.of("error.code-required"))
                : password.isEmpty() ? Optional.of(WebError.of("error.password-required"))
                : limited(site, request, response, found.get().email());
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/reset-password");
        }
        try {
            site.cognito().confirmForgotPassword(found.get().email(), code.strip(), password);
        } catch (CognitoIdentityProviderException e) {
            WebError error = WebErrors.of(e);
            if (error.key().equals("error.password-too-short")) {
                error = WebError.of(error.key(), site.passwordRules().minimumLength());
            }
            return failed(model, response, error, "web/reset-password");
        }
        remove(request, site.key(RESET));
        redirect.addFlashAttribute("notice", WebError.of("notice.password-reset"));
        redirect.addFlashAttribute("email", found.get().email());
        return "redirect:" + site.paths().signInPage();
    }

    private String resetPasswordView(SignInSite site, Model model, PasswordReset reset) {
        site(site, model, site.paths().resetPasswordPage());
        model.addAttribute("reset", reset);
        model.addAttribute("rules", site.passwordRules());
        return "web/reset-password";
    }

    // ---- shared ----------------------------------------------------------------------------------

    /** What every page of {@code site} needs: its paths, what it offers, and the path its language links extend. */
    static void site(SignInSite site, Model model, String pagePath) {
        model.addAttribute("paths", site.paths());
        model.addAttribute("offer", site.offer());
        model.addAttribute("pagePath", pagePath);
    }

    private String signedInOrCode(SignInSite site, HttpServletRequest request, String email, Method method,
            SignInStep step) {
        if (step instanceof SignInStep.Done done) {
            return signedIn(site, request, email, method, done.tokens());
        }
        if (step instanceof SignInStep.Passkey passkey) {
            // The pool offered the user's passkey instead of a code; only the web app's pages answer it.
            if (!site.paths().passkeys()) {
                throw new CognitoGateway.UnexpectedChallengeException("WEB_AUTHN");
            }
            return PasskeyController.usePasskey(request, email, passkey);
        }
        set(request, site.key(CODE), sentNow(site, email, method, (SignInStep.Code) step));
        return "redirect:" + site.paths().code();
    }

    /** A code sent just now for a sign-in by {@code method}: it works for that design's validity. */
    private CodeEntry sentNow(SignInSite site, String email, Method method, SignInStep.Code step) {
        Instant now = clock.instant();
        return new CodeEntry(email, method, step, now, now.plus(site.codeValidity().of(method)));
    }

    String signedIn(SignInSite site, HttpServletRequest request, String email, Method method, Tokens tokens) {
        // A new session id at the change of privilege: an id planted before sign-in is worth nothing after it.
        request.getSession();
        request.changeSessionId();
        remove(request, site.key(CODE));
        remove(request, site.key(CONFIRMATION));
        String username = TokenView.of("Access", tokens.accessToken()).claims().stream()
                .filter(c -> c.name().equals("username")).map(TokenView.Claim::value).findFirst().orElse(email);
        return site.signedIn().signedIn(request, new Account(email, username, method, tokens, clock.instant()));
    }

    /** Counts this post; the sentence to show when the client address or the username is over its limit. */
    Optional<WebError> limited(SignInSite site, HttpServletRequest request, HttpServletResponse response,
            String username) {
        WebSettings.RateLimits limits = site.rateLimits();
        boolean allowed = limiter.allow(List.of(
                RateLimiter.Limit.perAddress("web", request.getRemoteAddr(), limits.perAddressPerMinute()),
                RateLimiter.Limit.perUsername("web", site.userPoolId(), username, limits.perUsernamePerMinute())),
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
