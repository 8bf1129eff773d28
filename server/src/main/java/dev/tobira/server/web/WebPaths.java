package dev.tobira.server.web;

/**
 * Where a {@link SignInSite}'s pages and forms are, each with the query it carries (the managed login
 * carries the authorization request's). The {@code *Page} paths are where the steps redirect to and
 * what the language links extend with {@code lang}, so they carry the query without it (the language
 * chosen on arrival is kept in a cookie).
 */
public record WebPaths(String signInPage, String signIn, String signInEmailCode, String signInSmsCode, String codePage, String code,
        String codeResend, String codeCancel, String signUpPage, String signUp, String signUpPasswordless,
        String confirmPage, String confirm, String confirmResend, String forgotPasswordPage, String forgotPassword,
        String resetPasswordPage, String resetPassword) {

    /** The web app's own paths; it has no password reset pages ({@code null}). */
    public static final WebPaths WEB_APP = new WebPaths("/", "/sign-in", "/sign-in/email-code", null, "/code", "/code",
            "/code/resend", "/code/cancel", "/sign-up", "/sign-up", "/sign-up/passwordless", "/confirm", "/confirm",
            "/confirm/resend", null, null, null, null);

    /** Whether these are the web app's paths: only the web app offers passkeys ({@link PasskeyController}). */
    public boolean passkeys() {
        return equals(WEB_APP);
    }

    /**
     * A managed login's paths under {@code base} (such as {@code /my-shop}), Cognito's {@code /login},
     * {@code /signup}, {@code /confirmUser}, {@code /forgotPassword} and {@code /confirmForgotPassword}, with
     * their other forms below them.
     *
     * @param query the query every path carries, {@code ?…} or empty
     * @param queryWithoutLang the same without {@code lang}
     */
    public static WebPaths managedLogin(String base, String query, String queryWithoutLang) {
        return new WebPaths(base + "/login" + queryWithoutLang, base + "/login" + query,
                base + "/login/email-code" + query, base + "/login/sms-code" + query, base + "/login/code" + queryWithoutLang, base + "/login/code" + query,
                base + "/login/code/resend" + query, base + "/login/code/cancel" + query, base + "/signup" + queryWithoutLang,
                base + "/signup" + query, base + "/signup/passwordless" + query, base + "/confirmUser" + queryWithoutLang,
                base + "/confirmUser" + query, base + "/confirmUser/resend" + query,
                base + "/forgotPassword" + queryWithoutLang, base + "/forgotPassword" + query,
                base + "/confirmForgotPassword" + queryWithoutLang, base + "/confirmForgotPassword" + query);
    }
}
