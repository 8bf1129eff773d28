package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.interop.DevOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * The web sign-in app in a real headless Chromium against a dev-mode Tobira, both designs: password
 * then an emailed code (CUSTOM_AUTH) and passwordless (USER_AUTH). Codes come from the dev outbox.
 */
class WebAppBrowserTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    static final String PASSWORD = "Hikari-Passw0rd!";
    /** Any JWT (header.payload.signature): none may ever be in a page. */
    static final Pattern JWT = Pattern.compile("eyJ[\\w-]{8,}\\.eyJ[\\w-]{8,}\\.[\\w-]{8,}");
    private static final AtomicInteger USERS = new AtomicInteger();

    private static RunningTobira tobira;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() {
        tobira = shared.server();
        browser = shared.browser();
        base = tobira.endpoint();
    }

    @BeforeEach
    void newVisitor() {
        browser.newVisitor(base);
        browser.open(base + "/?lang=en");
    }

    static String newEmail(String name) {
        return name + "-" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@example.com";
    }

    /** A confirmed user with {@link #PASSWORD}, made with the admin API. */
    static String confirmedUser(RunningTobira server, String name) {
        try (CognitoIdentityProviderClient cognito = server.client()) {
            return confirmedUser(cognito, name);
        }
    }

    /** A confirmed user with {@link #PASSWORD} in the dev pool, made with the admin API of {@code cognito}. */
    static String confirmedUser(CognitoIdentityProviderClient cognito, String name) {
        String email = newEmail(name);
        String pool = DevPool.poolId("us-east-1");
        cognito.adminCreateUser(b -> b.userPoolId(pool).username(email).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(email).password(PASSWORD).permanent(true));
        return email;
    }

    private void signInWithPassword(String email, String password) {
        browser.open(base + "/");
        browser.type("#email", email);
        browser.type("#password", password);
        browser.click("#sign-in");
    }

    private void signUpWithPassword(String email) {
        browser.open(base + "/sign-up");
        browser.type("#email", email);
        browser.type("#password", PASSWORD);
        browser.click("#sign-up");
    }

    private void enterCode(String code) {
        browser.type("#code", code);
        browser.click("#verify");
    }

    /** A new confirmed user, signed in with the password and the emailed code; on the dashboard. */
    private String signedIn(String name) {
        String email = confirmedUser(tobira, name);
        signInWithPassword(email, PASSWORD);
        enterCode(DevOutbox.latestCode(base, email, 6));
        assertThat(browser.path()).isEqualTo("/dashboard");
        return email;
    }

    @Test
    void signUpWhenPasswordAndEmailedCodeThenConfirmSignInDashboardAndSignOut() {
        String email = newEmail("taro");
        browser.open(base + "/sign-up");
        assertThat(browser.text("#policy")).contains("at least 8 characters", "upper-case", "symbol");
        browser.type("#email", email);
        browser.type("#password", PASSWORD);
        browser.click("#sign-up");

        assertThat(browser.path()).isEqualTo("/confirm");
        assertThat(browser.text("#sent-to")).contains(email).containsPattern("t\\*+@e\\*+");
        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#confirm");

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("#notice")).isEqualTo("Your account is confirmed. You can sign in now.");
        assertThat(status(email)).isEqualTo(UserStatusType.CONFIRMED);
        String sessionBefore = browser.cookie("TOBIRA_WEB_SESSION");
        signInWithPassword(email, PASSWORD);

        assertThat(browser.path()).isEqualTo("/code");
        assertThat(browser.text("#sent-to")).containsPattern("t\\*+@e\\*+");
        assertThat(browser.text("#validity")).contains("3 minutes");
        enterCode(DevOutbox.latestCode(base, email, 6));

        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#user")).isEqualTo(email);
        assertThat(browser.text("#method")).isEqualTo("Password, then a code by email");
        assertThat(browser.text("#attributes")).contains("email " + email, "sub ");
        // Session fixation: the id the visitor had before signing in is not the one that is signed in.
        assertThat(browser.cookie("TOBIRA_WEB_SESSION")).isNotNull().isNotEqualTo(sessionBefore);
        assertThat(browser.cookieNamed("TOBIRA_WEB_SESSION").isHttpOnly()).isTrue();
        assertThat(browser.cookieNamed("TOBIRA_WEB_SESSION").getSameSite()).isEqualTo("Lax");
        browser.toggle("#token-panel summary");
        assertThat(browser.text("#claims-id")).contains("token_use id", "email " + email, "header.alg RS256");
        assertThat(browser.text("#claims-access")).contains("token_use access", "scope aws.cognito.signin.user.admin");
        assertThat(JWT.matcher(browser.source()).find()).as("no whole token in the page").isFalse();

        browser.click("#refresh");
        assertThat(browser.text("#notice")).isEqualTo("Your tokens were refreshed.");
        WebState.Account held = heldAccount();
        browser.click("#sign-out");

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("#notice")).isEqualTo("You are signed out.");
        browser.open(base + "/dashboard");
        assertThat(browser.path()).as("signed out: no dashboard").isEqualTo("/");
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            WebSessions.assertRevoked(cognito, DevPool.CLIENT_ID, Optional.empty(), held);
        }
    }

    /** The account the browser's web session holds, as the app stored it. */
    private static WebState.Account heldAccount() {
        return WebSessions.account(tobira.bean(DataSource.class), browser.cookie("TOBIRA_WEB_SESSION"));
    }

    /** Another device's sign-in of {@code email} with {@link #PASSWORD}, through the SDK. */
    private static AuthenticationResultType otherDevice(CognitoIdentityProviderClient cognito, String email) {
        return cognito.initiateAuth(b -> b.clientId(DevPool.CLIENT_ID).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult();
    }

    @Test
    void signInWhenWrongPasswordThenClearSentenceAndNoCode() {
        String email = confirmedUser(tobira, "jiro");
        int messages = DevOutbox.count(base, email);

        signInWithPassword(email, "Wrong-Passw0rd!");

        assertThat(browser.path()).isEqualTo("/sign-in");
        assertThat(browser.text("#error")).isEqualTo("Incorrect email address or password.");
        assertThat(browser.source()).doesNotContain("NotAuthorizedException", "__type", "Exception");
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo(email);
        assertThat(browser.find("#password").getAttribute("aria-describedby")).as("the field names its error")
                .isEqualTo("error");
        assertThat(DevOutbox.count(base, email)).as("no code is sent for a wrong password").isEqualTo(messages);
    }

    @Test
    void codeWhenWrongThenSentenceAndTheRightCodeStillSignsIn() {
        String email = confirmedUser(tobira, "saburo");
        signInWithPassword(email, PASSWORD);
        String code = DevOutbox.latestCode(base, email, 6);

        enterCode(code.equals("000000") ? "111111" : "000000");

        assertThat(browser.path()).isEqualTo("/code");
        assertThat(browser.text("#error")).isEqualTo("That code is not right. Please check it and try again.");
        enterCode(code);
        assertThat(browser.path()).isEqualTo("/dashboard");
    }

    @Test
    void codeWhenCancelledThenBackToSignInAndTheCodePageIsGone() {
        String email = confirmedUser(tobira, "shiro");
        signInWithPassword(email, PASSWORD);
        assertThat(browser.path()).isEqualTo("/code");

        browser.click("#cancel");

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("#notice")).isEqualTo("Sign-in cancelled.");
        browser.open(base + "/code");
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    void codeWhenResentWithThePasswordThenANewCodeWorks() {
        String email = confirmedUser(tobira, "goro");
        signInWithPassword(email, PASSWORD);
        String first = DevOutbox.latestCode(base, email, 6);

        browser.click("#resend");
        assertThat(browser.text("#error")).startsWith("Please enter your password");
        browser.type("#resend-password", PASSWORD);
        browser.click("#resend");

        assertThat(browser.text("#notice")).startsWith("We sent you a new code.");
        assertThat(DevOutbox.count(base, email)).isEqualTo(2);
        String second = DevOutbox.latestCode(base, email, 6);
        enterCode(second);
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(first).matches("\\d{6}");
    }

    @Test
    void confirmWhenResentAfterTheCooldownThenOldCodeIsRefusedAndNewCodeConfirms() {
        String email = newEmail("rokuro");
        signUpWithPassword(email);
        String old = DevOutbox.latestCode(base, email, 6);

        // The cooldown (2 s here) is shown, and the button waits for it.
        assertThat(browser.find("#resend").isEnabled()).isFalse();
        assertThat(browser.text("#cooldown")).matches("You can ask for a new code in [12] seconds\\.");
        browser.waitEnabled("#resend", Duration.ofSeconds(10));
        browser.click("#resend");

        assertThat(browser.text("#notice")).startsWith("We sent you a new code.");
        String fresh = DevOutbox.latestCode(base, email, 6);
        assertThat(DevOutbox.count(base, email)).isEqualTo(2);
        assumeThat(fresh).as("a new code that differs (1 in a million it does not)").isNotEqualTo(old);
        browser.type("#code", old);
        browser.click("#confirm");
        assertThat(browser.text("#error"))
                .isEqualTo("This code has expired or was replaced by a newer one. Ask for a new code.");
        browser.type("#code", fresh);
        browser.click("#confirm");
        assertThat(browser.text("#notice")).isEqualTo("Your account is confirmed. You can sign in now.");
    }

    @Test
    void confirmWhenWrongCodeThenSentenceAndUserStaysUnconfirmed() {
        String email = newEmail("hanako");
        signUpWithPassword(email);
        String code = DevOutbox.latestCode(base, email, 6);

        browser.type("#code", code.equals("999999") ? "999998" : "999999");
        browser.click("#confirm");

        assertThat(browser.text("#error")).isEqualTo("That code is not right. Please check it and try again.");
        assertThat(status(email)).isEqualTo(UserStatusType.UNCONFIRMED);
    }

    @Test
    void signUpWhenPasswordBreaksThePolicyThenTheRuleIsNamed() {
        browser.open(base + "/sign-up");
        browser.type("#email", newEmail("kenta"));
        browser.type("#password", "alllowercase1!");
        browser.click("#sign-up");

        assertThat(browser.text("#error")).isEqualTo("The password needs an upper-case letter.");
    }

    @Test
    void signInWhenNotConfirmedThenTheConfirmationPageTakesOver() {
        String email = newEmail("yumi");
        signUpWithPassword(email);
        browser.newVisitor(base);

        signInWithPassword(email, PASSWORD);

        assertThat(browser.path()).isEqualTo("/confirm");
        assertThat(browser.text("#notice")).startsWith("Your account is not confirmed yet.");
        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#confirm");
        assertThat(status(email)).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void pagesWhenLanguageSwitchedThenJapaneseEverywhereUntilSwitchedBack() {
        String email = confirmedUser(tobira, "sakura");
        assertThat(browser.find("h1").getText()).isEqualTo("Sign in");

        browser.click("#lang-ja");

        assertThat(browser.find("h1").getText()).isEqualTo("ログイン");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.find("label[for=email]").getText()).isEqualTo("メールアドレス");
        browser.open(base + "/sign-up");
        assertThat(browser.find("h1").getText()).isEqualTo("新規登録");
        assertThat(browser.text("#policy")).contains("8文字以上", "記号");
        signInWithPassword(email, "Wrong-Passw0rd!");
        assertThat(browser.text("#error")).isEqualTo("メールアドレスまたはパスワードが正しくありません。");
        signInWithPassword(email, PASSWORD);
        assertThat(browser.find("h1").getText()).isEqualTo("認証コードの入力");
        enterCode(DevOutbox.latestCode(base, email, 6));
        assertThat(browser.text("#method")).isEqualTo("パスワード + メールのコード");

        browser.click("#lang-en");
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
    }

    @Test
    void dashboardWhenSignedOutEverywhereThenTheSignInEnds() {
        String email = signedIn("daichi");

        WebState.Account held = heldAccount();
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            AuthenticationResultType phone = otherDevice(cognito, email);

            browser.click("#sign-out-everywhere");

            assertThat(browser.text("#notice")).isEqualTo("You are signed out on all your devices.");
            browser.open(base + "/dashboard");
            assertThat(browser.path()).isEqualTo("/");
            WebSessions.assertRevoked(cognito, DevPool.CLIENT_ID, Optional.empty(), held);
            WebSessions.assertRevoked(cognito, DevPool.CLIENT_ID, Optional.empty(), held.withTokens(
                    new Tokens(phone.accessToken(), phone.idToken(), phone.refreshToken(), Instant.MAX)));
        }
    }

    @Test
    void signOutEverywhereWhenThisSignInHadAlreadyEndedThenSignedOutHereAndASentenceSaysTheRestFailed() {
        String email = signedIn("tsubasa");
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            // Signed out everywhere from another device while the dashboard is open: these tokens are dead.
            String phone = otherDevice(cognito, email).accessToken();
            cognito.globalSignOut(b -> b.accessToken(phone));
        }

        browser.click("#sign-out-everywhere");

        assertSignedOutHereSaying(browser, base, "You are signed out on this device, but we could not sign you "
                + "out on your other devices. Please sign in again and try once more.");
    }

    /** After a sign-out the pool could not complete: on the sign-in page, {@code error} said, the session ended. */
    static void assertSignedOutHereSaying(Browser browser, String base, String error) {
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.all("#notice")).isEmpty();
        assertThat(browser.text("#error")).isEqualTo(error);
        browser.open(base + "/dashboard");
        assertThat(browser.path()).as("the session here ended all the same").isEqualTo("/");
    }

    // ---- passwordless (USER_AUTH): needs the server's choice-based sign-in -------------------------

    @Test
    void signUpWhenPasswordlessThenTheConfirmationCodeSignsStraightIn() {
        String email = newEmail("nanami");
        browser.open(base + "/sign-up");
        browser.type("#code-email", email);
        browser.click("#sign-up-passwordless");
        assertThat(browser.path()).isEqualTo("/confirm");
        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#confirm");

        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#method")).isEqualTo("The confirmation code of your sign-up (no password)");
        assertThat(browser.text("#user")).isEqualTo(email);
    }

    @Test
    void signInWhenEmailCodeThenDashboardAndWrongCodeIsASentence() {
        String email = passwordlessUser("minato");
        browser.open(base + "/");
        browser.type("#code-email", email);
        browser.click("#send-code");

        assertThat(browser.path()).isEqualTo("/code");
        assertThat(browser.text("#sent-to")).containsPattern("m\\*+@e\\*+");
        assertThat(browser.all("#resend-password")).as("no password in this design").isEmpty();
        String code = DevOutbox.latestCode(base, email, 8);
        enterCode(code.equals("00000000") ? "11111111" : "00000000");
        assertThat(browser.text("#error")).isEqualTo("That code is not right. Please check it and try again.");
        enterCode(code);

        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#method")).isEqualTo("A code by email (no password)");
    }

    @Test
    void codeWhenPasswordlessResendThenTheNewCodeSignsIn() {
        String email = passwordlessUser("hinata");
        browser.open(base + "/");
        browser.type("#code-email", email);
        browser.click("#send-code");
        int before = DevOutbox.count(base, email);

        // The resend cooldown (2 s here) is shown, and the button waits for it.
        assertThat(browser.find("#resend").isEnabled()).isFalse();
        assertThat(browser.text("#cooldown")).matches("You can ask for a new code in [12] seconds\\.");
        browser.waitEnabled("#resend", Duration.ofSeconds(10));
        assertThat(browser.find("#cooldown").isDisplayed()).isFalse();
        assertThat(DevOutbox.count(base, email)).isEqualTo(before);
        browser.click("#resend");

        assertThat(browser.text("#notice")).startsWith("We sent you a new code.");
        assertThat(DevOutbox.count(base, email)).isEqualTo(before + 1);
        enterCode(DevOutbox.latestCode(base, email, 8));
        assertThat(browser.path()).isEqualTo("/dashboard");
    }

    private static String passwordlessUser(String name) {
        return passwordlessUser(tobira, name);
    }

    /** A confirmed passwordless user of {@code server}'s dev pool, signed up and confirmed through the API like any client. */
    static String passwordlessUser(RunningTobira server, String name) {
        String email = newEmail(name);
        try (CognitoIdentityProviderClient cognito = server.client()) {
            cognito.signUp(b -> b.clientId(DevPool.CLIENT_ID).username(email)
                    .userAttributes(AttributeType.builder().name("email").value(email).build()));
            String code = DevOutbox.latestCode(server.endpoint(), email, 6);
            cognito.confirmSignUp(b -> b.clientId(DevPool.CLIENT_ID).username(email).confirmationCode(code));
        }
        return email;
    }

    private static UserStatusType status(String email) {
        return status(tobira, email);
    }

    static UserStatusType status(RunningTobira server, String email) {
        try (CognitoIdentityProviderClient cognito = server.client()) {
            return cognito.adminGetUser(b -> b.userPoolId(DevPool.poolId("us-east-1")).username(email)).userStatus();
        }
    }
}
