package dev.tobira.server.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tobira web}: the web sign-in app alone, pointed at a user pool by configuration only. Every
 * option can also come from a {@code TOBIRA_WEB_*} environment variable. It refuses to start without
 * a user pool id and a client id, and names what is missing.
 */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = "The web sign-in app alone, against another Tobira or real Cognito.")
public final class WebCommand implements Callable<Integer> {

    /** Receives the resolved options; in production this starts the app. */
    public interface Launcher {
        void launch(WebStandalone.Options options);
    }

    private final Launcher launcher;

    @Option(names = "--endpoint", description = "Cognito API endpoint (default: AWS's own for the region).",
            defaultValue = "${env:TOBIRA_WEB_ENDPOINT}")
    String endpoint;

    @Option(names = "--region", description = "The pool's region (default: the prefix of the user pool id).",
            defaultValue = "${env:TOBIRA_WEB_REGION}")
    String region;

    @Option(names = "--user-pool-id", defaultValue = "${env:TOBIRA_WEB_USER_POOL_ID}")
    String userPoolId;

    @Option(names = "--client-id", defaultValue = "${env:TOBIRA_WEB_CLIENT_ID}")
    String clientId;

    @Option(names = "--client-secret", description = "The app client's secret, if it has one (prefer the variable).",
            defaultValue = "${env:TOBIRA_WEB_CLIENT_SECRET}")
    String clientSecret;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:TOBIRA_WEB_PORT:-8080}")
    int port;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:TOBIRA_WEB_HOST:-127.0.0.1}")
    String host;

    @Option(names = "--db-url", description = "JDBC URL for sessions (PostgreSQL to share them between nodes).",
            defaultValue = "${env:TOBIRA_WEB_DB_URL}")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:TOBIRA_WEB_DB_USER}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:TOBIRA_WEB_DB_PASSWORD}")
    String dbPassword;

    @Option(names = "--data-dir", description = "Where the embedded session database lives (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:TOBIRA_WEB_DATA_DIR:-.tobira-web}")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep sessions in memory (one node, lost on restart).")
    boolean inMemory;

    @Option(names = "--behind-proxy", description = "Trust X-Forwarded-For/-Proto from a proxy on a private address.",
            defaultValue = "${env:TOBIRA_WEB_BEHIND_PROXY:-false}")
    boolean behindProxy;

    @Option(names = "--insecure-cookies", description = "Session cookie without Secure: only for plain http on localhost.",
            defaultValue = "${env:TOBIRA_WEB_INSECURE_COOKIES:-false}")
    boolean insecureCookies;

    @Option(names = "--resend-cooldown-seconds", defaultValue = "${env:TOBIRA_WEB_RESEND_COOLDOWN_SECONDS:-30}",
            description = "Seconds before the confirmation and passwordless code pages offer another code "
                    + "(default: ${DEFAULT-VALUE}).")
    int resendCooldownSeconds;

    @Option(names = "--code-validity-seconds", defaultValue = "${env:TOBIRA_WEB_CODE_VALIDITY_SECONDS:-180}",
            description = "How long the auth-challenge triggers' code works after the password, as the code page "
                    + "says (default: ${DEFAULT-VALUE}).")
    int codeValiditySeconds;

    @Option(names = "--email-otp-validity-seconds", defaultValue = "${env:TOBIRA_WEB_EMAIL_OTP_VALIDITY_SECONDS:-180}",
            description = "How long a passwordless EMAIL_OTP code works: the app client's AuthSessionValidity "
                    + "(default: ${DEFAULT-VALUE}).")
    int emailOtpValiditySeconds;

    @Option(names = "--password-min-length", defaultValue = "${env:TOBIRA_WEB_PASSWORD_MIN_LENGTH:-8}",
            description = "The pool's minimum password length, shown at sign-up (default: ${DEFAULT-VALUE}).")
    int passwordMinLength;

    @Option(names = "--password-requires", split = ",",
            defaultValue = "${env:TOBIRA_WEB_PASSWORD_REQUIRES:-uppercase,lowercase,numbers,symbols}",
            description = "What the pool's passwords need, shown at sign-up (default: ${DEFAULT-VALUE}).")
    List<String> passwordRequires;

    @Option(names = "--rate-limit-per-address", defaultValue = "${env:TOBIRA_WEB_RATE_LIMIT_PER_ADDRESS:-60}",
            description = "Form posts a minute from one client address (default: ${DEFAULT-VALUE}).")
    int perAddress;

    @Option(names = "--rate-limit-per-username", defaultValue = "${env:TOBIRA_WEB_RATE_LIMIT_PER_USERNAME:-10}",
            description = "Form posts a minute naming one email address (default: ${DEFAULT-VALUE}).")
    int perUsername;

    public WebCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        List<String> missing = new ArrayList<>();
        if (given(userPoolId).isEmpty()) {
            missing.add("TOBIRA_WEB_USER_POOL_ID (--user-pool-id)");
        }
        if (given(clientId).isEmpty()) {
            missing.add("TOBIRA_WEB_CLIENT_ID (--client-id)");
        }
        if (!missing.isEmpty()) {
            System.err.println("tobira web: cannot start. Missing settings: " + String.join(", ", missing)
                    + ". See README, Web sign-in app.");
            return 2;
        }
        WebStandalone.Options options;
        try {
            Set<String> requires = Set.copyOf(passwordRequires.stream().map(r -> r.strip().toLowerCase(Locale.ROOT))
                    .filter(r -> !r.isEmpty()).toList());
            String pool = userPoolId.strip();
            WebSettings web = new WebSettings(given(region).orElse(pool.split("_")[0]), pool, clientId.strip(),
                    given(clientSecret), given(endpoint).map(URI::create), !insecureCookies,
                    Duration.ofSeconds(resendCooldownSeconds), new WebSettings.CodeValidity(
                            Duration.ofSeconds(codeValiditySeconds), Duration.ofSeconds(emailOtpValiditySeconds)),
                    new WebSettings.PasswordRules(passwordMinLength, requires.contains("uppercase"),
                            requires.contains("lowercase"), requires.contains("numbers"), requires.contains("symbols")),
                    new WebSettings.RateLimits(perAddress, perUsername));
            options = new WebStandalone.Options(web, host, port, given(dbUrl), given(dbUser), given(dbPassword),
                    dataDir, inMemory, behindProxy);
        } catch (IllegalArgumentException e) {
            System.err.println("tobira web: " + e.getMessage());
            return 2;
        }
        launcher.launch(options);
        return 0;
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
