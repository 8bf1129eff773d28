package dev.tobira.server.web;

import static dev.tobira.server.web.SignInFlows.set;
import static dev.tobira.server.web.SignInFlows.state;

import dev.tobira.server.ratelimit.RateLimiter;
import dev.tobira.server.web.WebState.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
 * answered with a redirect (or with the same page and a sentence saying what went wrong). The sign-in
 * and sign-up steps are {@link SignInFlows}' (shared with the managed login); the dashboard and
 * sign-out are the app's own. What a visitor is in the middle of lives in the server-side session
 * ({@link WebState}); tokens never leave it.
 */
@Controller
@ConditionalOnBean(WebSettings.class)
public class WebController {

    static final String STATE_KEY = "tobira.web";
    static final String ACCOUNT = STATE_KEY + ".account";

    private static final Logger log = LoggerFactory.getLogger(WebController.class);

    private final CognitoGateway cognito;
    private final SignInFlows flows;
    private final SignInSite site;
    private final Clock clock;

    public WebController(CognitoGateway cognito, WebSettings settings, RateLimiter limiter, WebConfiguration.WebClock clock) {
        this.cognito = cognito;
        this.clock = clock.clock();
        this.flows = new SignInFlows(limiter, this.clock);
        this.site = new SignInSite(cognito, settings.userPoolId(), WebPaths.WEB_APP, SignInSite.Offer.BOTH_DESIGNS,
                settings.resendCooldown(), settings.codeValidity(), settings.passwordRules(), settings.rateLimits(),
                STATE_KEY, (request, account) -> {
                    SignInFlows.remove(request, PasskeyController.PASSKEY);
                    set(request, ACCOUNT, account);
                    return "redirect:/dashboard";
                });
    }

    /** The web app's sign-in site, for {@link PasskeyController}'s pages beside these. */
    SignInSite site() {
        return site;
    }

    SignInFlows flows() {
        return flows;
    }

    // ---- sign in ---------------------------------------------------------------------------------

    @GetMapping("/")
    public String signInPage(HttpServletRequest request, Model model) {
        if (state(request, ACCOUNT, Account.class).isPresent()) {
            return "redirect:/dashboard";
        }
        return flows.signInView(site, model);
    }

    @PostMapping("/sign-in")
    public String signInWithPassword(@RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return flows.signInWithPassword(site, email, password, request, response, model, redirect);
    }

    @PostMapping("/sign-in/email-code")
    public String signInWithEmailCode(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return flows.signInWithEmailCode(site, email, request, response, model);
    }

    // ---- the emailed code ------------------------------------------------------------------------

    @GetMapping("/code")
    public String codePage(HttpServletRequest request, Model model) {
        return flows.codePage(site, request, model);
    }

    @PostMapping("/code")
    public String answerCode(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return flows.answerCode(site, code, request, response, model);
    }

    @PostMapping("/code/resend")
    public String resendCode(@RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return flows.resendCode(site, password, request, response, model, redirect);
    }

    @PostMapping("/code/cancel")
    public String cancelCode(HttpServletRequest request, RedirectAttributes redirect) {
        return flows.cancelCode(site, request, redirect);
    }

    // ---- sign up and confirmation ----------------------------------------------------------------

    @GetMapping("/sign-up")
    public String signUpPage(HttpServletRequest request, Model model) {
        if (state(request, ACCOUNT, Account.class).isPresent()) {
            return "redirect:/dashboard";
        }
        return flows.signUpView(site, model);
    }

    @PostMapping("/sign-up")
    public String signUp(@RequestParam(name = "email", defaultValue = "") String email, @RequestParam(name = "password", defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return flows.signUp(site, email, password, request, response, model, redirect);
    }

    @PostMapping("/sign-up/passwordless")
    public String signUpPasswordless(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return flows.signUpPasswordless(site, email, request, response, model, redirect);
    }

    @GetMapping("/confirm")
    public String confirmPage(HttpServletRequest request, Model model) {
        return flows.confirmPage(site, request, model);
    }

    @PostMapping("/confirm")
    public String confirm(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return flows.confirm(site, code, request, response, model, redirect);
    }

    @PostMapping("/confirm/resend")
    public String resendConfirmation(HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return flows.resendConfirmation(site, request, response, model, redirect);
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
            SignInFlows.site(site, model, "/dashboard");
            return "web/dashboard";
        } catch (CognitoIdentityProviderException e) {
            // Revoked elsewhere (global sign-out on another device) or expired: this sign-in is over.
            endSession(request);
            redirect.addFlashAttribute("error", WebErrors.of(e).key().equals("error.signed-out")
                    ? WebError.of("error.signed-out") : WebErrors.of(e));
            return "redirect:/";
        }
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

    @PostMapping("/dashboard/refresh")
    public String refresh(HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Optional<Account> found = state(request, ACCOUNT, Account.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        Optional<WebError> refused = flows.limited(site, request, response, found.get().email());
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
        SignInFlows.site(site, model, "/");
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        return "web/problem";
    }

    @ExceptionHandler(CognitoGateway.UnexpectedChallengeException.class)
    public String unexpectedChallenge(CognitoGateway.UnexpectedChallengeException e, HttpServletResponse response,
            Model model) {
        log.warn("The pool asked for a challenge the web app does not handle: {}", e.challengeName());
        model.addAttribute("error", WebError.of("error.unexpected-challenge"));
        SignInFlows.site(site, model, "/");
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        return "web/problem";
    }

    private void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
