package dev.tobira.server.web;

import static dev.tobira.server.web.WebController.ACCOUNT;
import static dev.tobira.server.web.SignInFlows.failed;
import static dev.tobira.server.web.SignInFlows.remove;
import static dev.tobira.server.web.SignInFlows.set;
import static dev.tobira.server.web.SignInFlows.state;

import dev.tobira.server.web.CognitoGateway.PasskeyInfo;
import dev.tobira.server.web.WebState.Account;
import dev.tobira.server.web.WebState.Method;
import dev.tobira.server.web.WebState.PasskeyEntry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The web app's passkey pages, beside {@link WebController}'s: adding a passkey from the dashboard
 * ({@code StartWebAuthnRegistration} → the browser's {@code navigator.credentials.create} →
 * {@code CompleteWebAuthnRegistration}), deleting one, and signing in with one ({@code USER_AUTH}
 * preferring {@code WEB_AUTHN} → {@code navigator.credentials.get} → the {@code CREDENTIAL} answer).
 *
 * <p>Each ceremony is a page whose form carries the options the pool gave (as JSON in an attribute);
 * {@code static/web/passkeys.js} runs the browser's side when the button is pressed, puts the
 * credential in the form as JSON and posts it. Passkeys need that script; without it the post comes
 * without a credential and the page says so. Only Cognito's public API is used, so this works against
 * real Cognito as against Tobira, for pages served from an origin the pool's relying party allows.
 */
@Controller
@ConditionalOnBean(WebSettings.class)
public class PasskeyController {

    static final String PASSKEY = "tobira.web.passkey";

    private static final Logger log = LoggerFactory.getLogger(PasskeyController.class);

    private final CognitoGateway cognito;
    private final WebController web;
    private final SignInFlows flows;
    private final SignInSite site;

    public PasskeyController(CognitoGateway cognito, WebController web) {
        this.cognito = cognito;
        this.web = web;
        this.flows = web.flows();
        this.site = web.site();
    }

    /**
     * The user's passkeys for the dashboard; empty when the pool cannot list them (passkeys not set
     * up there), which the dashboard shows as no passkeys rather than as a failure.
     */
    static List<PasskeyInfo> listed(CognitoGateway cognito, Account account) {
        try {
            return cognito.passkeys(account.tokens().accessToken());
        } catch (CognitoIdentityProviderException e) {
            log.info("Listing passkeys failed: {}", WebErrors.of(e).key());
            return List.of();
        }
    }

    /** Remembers a passkey challenge the pool gave for {@code email}; the page that answers it. */
    static String usePasskey(HttpServletRequest request, String email, SignInStep.Passkey passkey) {
        set(request, PASSKEY, new PasskeyEntry(email, passkey));
        return "redirect:/passkey";
    }

    // ---- sign in with a passkey ------------------------------------------------------------------

    @PostMapping("/sign-in/passkey")
    public String signInWithPasskey(@RequestParam(name = "email", defaultValue = "") String email,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        model.addAttribute("passkeyEmail", email.strip());
        SignInFlows.site(site, model, "/");
        Optional<WebError> refused = email.isBlank() ? Optional.of(WebError.of("error.email-required"))
                : flows.limited(site, request, response, email);
        if (refused.isPresent()) {
            return failed(model, response, refused.get(), "web/sign-in");
        }
        try {
            SignInStep step = cognito.signInWithPasskey(email.strip());
            if (step instanceof SignInStep.Passkey passkey) {
                return usePasskey(request, email.strip(), passkey);
            }
            if (step instanceof SignInStep.Done done) {
                return flows.signedIn(site, request, email.strip(), Method.PASSKEY, done.tokens());
            }
            throw new CognitoGateway.UnexpectedChallengeException(((SignInStep.Code) step).challengeName());
        } catch (CognitoGateway.NoPasskeyException e) {
            return failed(model, response, WebError.of("error.no-passkey"), "web/sign-in");
        } catch (CognitoIdentityProviderException e) {
            return failed(model, response, WebErrors.of(e), "web/sign-in");
        }
    }

    @GetMapping("/passkey")
    public String passkeyPage(HttpServletRequest request, Model model) {
        Optional<PasskeyEntry> entry = state(request, PASSKEY, PasskeyEntry.class);
        if (entry.isEmpty()) {
            return "redirect:/";
        }
        return ceremony(model, "get", entry.get().passkey().requestOptions(), "/passkey", "/passkey");
    }

    /**
     * The browser's answer. The pool spends the challenge on the first answer, right or wrong, so
     * after a refusal the visitor starts again from the sign-in page.
     */
    @PostMapping("/passkey")
    public String answerPasskey(@RequestParam(name = "credential", defaultValue = "") String credential,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<PasskeyEntry> found = state(request, PASSKEY, PasskeyEntry.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        PasskeyEntry entry = found.get();
        if (credential.isBlank()) {
            ceremony(model, "get", entry.passkey().requestOptions(), "/passkey", "/passkey");
            return failed(model, response, WebError.of("error.passkey-missing"), "web/passkey");
        }
        Optional<WebError> refused = flows.limited(site, request, response, entry.email());
        if (refused.isPresent()) {
            ceremony(model, "get", entry.passkey().requestOptions(), "/passkey", "/passkey");
            return failed(model, response, refused.get(), "web/passkey");
        }
        remove(request, PASSKEY);
        model.addAttribute("passkeyEmail", entry.email());
        SignInFlows.site(site, model, "/");
        try {
            SignInStep step = cognito.answer(entry.passkey(), credential);
            if (step instanceof SignInStep.Done done) {
                return flows.signedIn(site, request, entry.email(), Method.PASSKEY, done.tokens());
            }
            throw new CognitoGateway.UnexpectedChallengeException(step.getClass().getSimpleName());
        } catch (CognitoIdentityProviderException e) {
            return failed(model, response, WebErrors.of(e), "web/sign-in");
        }
    }

    @PostMapping("/passkey/cancel")
    public String cancelPasskey(HttpServletRequest request, RedirectAttributes redirect) {
        remove(request, PASSKEY);
        redirect.addFlashAttribute("notice", WebError.of("notice.sign-in-cancelled"));
        return "redirect:/";
    }

    // ---- the dashboard's passkeys ----------------------------------------------------------------

    /** {@code StartWebAuthnRegistration}, then the page on which the browser makes the passkey. */
    @PostMapping("/dashboard/passkeys/new")
    public String newPasskey(HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Optional<Account> found = state(request, ACCOUNT, Account.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        Optional<WebError> refused = flows.limited(site, request, response, found.get().email());
        if (refused.isPresent()) {
            return backToDashboard(redirect, refused.get());
        }
        try {
            Account account = web.fresh(request, found.get());
            String options = cognito.startPasskeyRegistration(account.tokens().accessToken());
            return ceremony(model, "create", options, "/dashboard/passkeys", "/dashboard");
        } catch (CognitoIdentityProviderException e) {
            return backToDashboard(redirect, WebErrors.of(e));
        }
    }

    /** {@code CompleteWebAuthnRegistration} with the credential the browser made. */
    @PostMapping("/dashboard/passkeys")
    public String addPasskey(@RequestParam(name = "credential", defaultValue = "") String credential,
            HttpServletRequest request, RedirectAttributes redirect) {
        Optional<Account> found = state(request, ACCOUNT, Account.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        if (credential.isBlank()) {
            return backToDashboard(redirect, WebError.of("error.passkey-missing"));
        }
        try {
            Account account = web.fresh(request, found.get());
            cognito.completePasskeyRegistration(account.tokens().accessToken(), credential);
            redirect.addFlashAttribute("notice", WebError.of("notice.passkey-added"));
            return "redirect:/dashboard";
        } catch (IllegalArgumentException e) {
            return backToDashboard(redirect, WebError.of("error.passkey-missing"));
        } catch (CognitoIdentityProviderException e) {
            return backToDashboard(redirect, WebErrors.of(e));
        }
    }

    @PostMapping("/dashboard/passkeys/delete")
    public String deletePasskey(@RequestParam(name = "credentialId", defaultValue = "") String credentialId,
            HttpServletRequest request, RedirectAttributes redirect) {
        Optional<Account> found = state(request, ACCOUNT, Account.class);
        if (found.isEmpty()) {
            return "redirect:/";
        }
        try {
            Account account = web.fresh(request, found.get());
            cognito.deletePasskey(account.tokens().accessToken(), credentialId);
            redirect.addFlashAttribute("notice", WebError.of("notice.passkey-deleted"));
            return "redirect:/dashboard";
        } catch (CognitoIdentityProviderException e) {
            return backToDashboard(redirect, WebErrors.of(e));
        }
    }

    /**
     * The page of a passkey ceremony.
     *
     * @param kind {@code create} (a new passkey) or {@code get} (signing in)
     * @param options the {@code publicKey} options as the pool gave them, JSON
     * @param action where the form posts the credential
     * @param back the page the visitor came from, for the language links
     */
    private String ceremony(Model model, String kind, String options, String action, String back) {
        model.addAttribute("ceremony", kind);
        model.addAttribute("options", options);
        model.addAttribute("action", action);
        SignInFlows.site(site, model, back);
        return "web/passkey";
    }

    private static String backToDashboard(RedirectAttributes redirect, WebError error) {
        redirect.addFlashAttribute("error", error);
        return "redirect:/dashboard";
    }
}
