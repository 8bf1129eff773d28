package dev.tobira.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * Where the sign-in pages ({@link SignInFlows}) run: the web app at {@code /} on its one pool and client,
 * or a domain's managed login on the pool and client an authorization request names.
 *
 * @param cognito the API, for this site's pool and client
 * @param paths where this site's pages and forms are
 * @param offer which ways to sign in and up the pages show
 * @param stateKey the prefix of the names under which this site keeps a visitor's progress in the session
 * @param signedIn what happens once a user is signed in: the view name or {@code redirect:} to answer with
 */
public record SignInSite(CognitoGateway cognito, String userPoolId, WebPaths paths, Offer offer,
        Duration resendCooldown, WebSettings.CodeValidity codeValidity, WebSettings.PasswordRules passwordRules,
        WebSettings.RateLimits rateLimits, String stateKey, SignedIn signedIn) {

    /**
     * The ways the pages offer, as the pool and client allow them.
     *
     * @param password a sign-in with a password
     * @param passwordThenCode the password sign-in is followed by an emailed code (custom auth)
     * @param emailCode passwordless: a code by email (choice-based sign-in), for sign-in and sign-up
     * @param smsCode passwordless: a code by text message to the user's verified phone number (sign-in only)
     */
    public record Offer(boolean password, boolean passwordThenCode, boolean emailCode, boolean smsCode) {

        /** The web app's: both designs. */
        public static final Offer BOTH_DESIGNS = new Offer(true, true, true, false);
    }

    /** The end of a successful sign-in. */
    @FunctionalInterface
    public interface SignedIn {
        String signedIn(HttpServletRequest request, WebState.Account account);
    }

    /** The name of this site's session attribute {@code name}. */
    String key(String name) {
        return stateKey + "." + name;
    }
}
