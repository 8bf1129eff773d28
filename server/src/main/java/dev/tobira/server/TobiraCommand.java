package dev.tobira.server;

import dev.tobira.core.Limits;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.server.config.CryptoProviders;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.TriggerEnvironment;
import dev.tobira.server.trigger.FolderFunctions;
import dev.tobira.server.web.WebCommand;
import dev.tobira.server.web.WebStandalone;
import java.time.Duration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code tobira dev} and {@code tobira start}. Settings come from options, then
 * {@code TOBIRA_*} environment variables; production mode refuses to start without the ones it needs
 * and names them.
 */
@Command(name = "tobira", mixinStandardHelpOptions = true,
        description = "A self-hosted, Cognito-compatible sign-in server.",
        subcommands = {TobiraCommand.Dev.class, TobiraCommand.Start.class, WebCommand.class})
public final class TobiraCommand implements Callable<Integer> {

    /** Receives the resolved settings; in production this starts the Spring application. */
    public interface Launcher {
        void launch(Settings settings);
    }

    private final Launcher launcher;

    public TobiraCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    /** Runs the command line and returns the process exit code (0 once the server has started). */
    public static int run(Launcher launcher, String... args) {
        TobiraCommand root = new TobiraCommand(launcher);
        CommandLine commandLine = new CommandLine(root, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == Dev.class) {
                    return cls.cast(new Dev(launcher));
                }
                if (cls == Start.class) {
                    return cls.cast(new Start(launcher));
                }
                if (cls == WebCommand.class) {
                    return cls.cast(new WebCommand(WebStandalone::start));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        // TOBIRA_SMTP_SECURITY=starttls as well as STARTTLS.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }

    /** A set, non-blank value; an empty environment variable counts as unset. */
    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    static class Common {
        @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_PORT:-9229}")
        int port;

        @Option(names = "--host", description = "Address to listen on (dev default 127.0.0.1, start default 0.0.0.0).",
                defaultValue = "${env:TOBIRA_HOST}")
        String host;

        @Option(names = "--region", description = "Region in pool ids and ARNs (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_REGION:-us-east-1}")
        String region;

        @Option(names = "--account-id", description = "Account id in ARNs (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_ACCOUNT_ID:-000000000000}")
        String accountId;

        @Option(names = "--db-url", description = "JDBC URL (PostgreSQL, or an H2 file URL for one node).",
                defaultValue = "${env:TOBIRA_DB_URL}")
        String dbUrl;

        @Option(names = "--db-user", defaultValue = "${env:TOBIRA_DB_USER}")
        String dbUser;

        @Option(names = "--db-password", defaultValue = "${env:TOBIRA_DB_PASSWORD}")
        String dbPassword;

        @Option(names = "--issuer-url", description = "Public base URL of this server, used in tokens' iss.",
                defaultValue = "${env:TOBIRA_ISSUER_URL}")
        String issuerUrl;

        @Option(names = "--max-body-bytes", defaultValue = "${env:TOBIRA_MAX_BODY_BYTES:-1048576}")
        int maxBodyBytes;

        @Option(names = "--behind-proxy",
                description = "Take the client address, for rate limits, from X-Forwarded-For set by a proxy on a "
                        + "private address (a load balancer, or tobira web).",
                defaultValue = "${env:TOBIRA_BEHIND_PROXY:-false}")
        boolean behindProxy;

        @Option(names = "--api-rate-limit-per-address",
                description = "API calls that sign up, send codes or check codes and passwords, a minute from one "
                        + "client address; 0: no limit (default: 300 with start, 0 with dev).",
                defaultValue = "${env:TOBIRA_API_RATE_LIMIT_PER_ADDRESS}")
        Integer apiRateLimitPerAddress;

        @Option(names = "--api-rate-limit-per-username",
                description = "Such calls a minute naming one username of one user pool; 0: no limit "
                        + "(default: 30 with start, 0 with dev).",
                defaultValue = "${env:TOBIRA_API_RATE_LIMIT_PER_USERNAME}")
        Integer apiRateLimitPerUsername;

        /** The API's rate limits, {@code fallback}'s where not given, or empty after saying on stderr which is out of range. */
        Optional<Settings.ApiRateLimits> validRateLimits(Settings.ApiRateLimits fallback) {
            try {
                return Optional.of(new Settings.ApiRateLimits(
                        apiRateLimitPerAddress == null ? fallback.perAddressPerMinute() : apiRateLimitPerAddress,
                        apiRateLimitPerUsername == null ? fallback.perUsernamePerMinute() : apiRateLimitPerUsername));
            } catch (IllegalArgumentException e) {
                System.err.println("tobira: invalid rate limit: " + e.getMessage());
                return Optional.empty();
            }
        }

        @Option(names = "--resend-cooldown-seconds",
                description = "Seconds before another confirmation code can be requested (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_RESEND_COOLDOWN_SECONDS:-10}")
        int resendCooldownSeconds;

        @Option(names = "--email-otp-code-length",
                description = "Digits in the codes of the built-in tobira-email-otp triggers (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_EMAIL_OTP_CODE_LENGTH:-6}")
        int emailOtpCodeLength;

        @Option(names = "--email-otp-validity-minutes",
                description = "Minutes a tobira-email-otp code works (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_EMAIL_OTP_VALIDITY_MINUTES:-3}")
        int emailOtpValidityMinutes;

        @Option(names = "--email-otp-max-attempts",
                description = "Code answers per tobira-email-otp sign-in (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_EMAIL_OTP_MAX_ATTEMPTS:-3}")
        int emailOtpMaxAttempts;

        @Option(names = "--sign-in-code-length",
                description = "Digits in USER_AUTH's EMAIL_OTP and SMS_OTP codes, 6 to 10 (default: ${DEFAULT-VALUE}, as Cognito).",
                defaultValue = "${env:TOBIRA_SIGN_IN_CODE_LENGTH:-8}")
        int signInCodeLength;

        @Option(names = "--sign-in-code-attempts",
                description = "Answers per USER_AUTH code before its session is dead (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_SIGN_IN_CODE_ATTEMPTS:-3}")
        int signInCodeAttempts;

        Limits limits() {
            return new Limits(Limits.DEFAULT.confirmationCodeLength(), Limits.DEFAULT.confirmationCodeValidity(),
                    Limits.DEFAULT.maxFailedCodeAttempts(), Duration.ofSeconds(resendCooldownSeconds),
                    new EmailOtpSettings(emailOtpCodeLength, Duration.ofMinutes(emailOtpValidityMinutes),
                            emailOtpMaxAttempts), signInCodeLength, signInCodeAttempts);
        }

        @Option(names = "--smtp-host", description = "SMTP server for email; email goes by SMTP when set.",
                defaultValue = "${env:TOBIRA_SMTP_HOST}")
        String smtpHost;

        @Option(names = "--smtp-port", description = "SMTP port (default 587, or 465 with --smtp-security tls).",
                defaultValue = "${env:TOBIRA_SMTP_PORT}")
        Integer smtpPort;

        @Option(names = "--smtp-security", description = "starttls (default, required), tls or none.",
                defaultValue = "${env:TOBIRA_SMTP_SECURITY:-starttls}")
        Settings.SmtpSecurity smtpSecurity;

        @Option(names = "--smtp-username", description = "SMTP user name; no authentication when unset.",
                defaultValue = "${env:TOBIRA_SMTP_USERNAME}")
        String smtpUsername;

        @Option(names = "--smtp-password", description = "SMTP password (prefer the TOBIRA_SMTP_PASSWORD variable).",
                defaultValue = "${env:TOBIRA_SMTP_PASSWORD}")
        String smtpPassword;

        @Option(names = "--mail-from", description = "From address of every email (SMTP and SES).",
                defaultValue = "${env:TOBIRA_MAIL_FROM}")
        String mailFrom;

        @Option(names = "--ses-region", description = "Send email through Amazon SES in this region (unless SMTP is set).",
                defaultValue = "${env:TOBIRA_SES_REGION}")
        String sesRegion;

        @Option(names = "--ses-endpoint", description = "Endpoint URL replacing SES's own.",
                defaultValue = "${env:TOBIRA_SES_ENDPOINT}")
        String sesEndpoint;

        @Option(names = "--sns-region", description = "Send SMS through Amazon SNS in this region.",
                defaultValue = "${env:TOBIRA_SNS_REGION}")
        String snsRegion;

        @Option(names = "--sns-endpoint", description = "Endpoint URL replacing SNS's own.",
                defaultValue = "${env:TOBIRA_SNS_ENDPOINT}")
        String snsEndpoint;

        @Option(names = "--trigger-class", split = ",", paramLabel = "FUNCTION=CLASS",
                description = "Run the Lambda function FUNCTION (the name in a pool's trigger ARN) as this Java class "
                        + "on the classpath (a RequestHandler or RequestStreamHandler); repeatable.",
                defaultValue = "${env:TOBIRA_TRIGGER_CLASSES}")
        Map<String, String> triggerClasses;

        @Option(names = "--lambda-endpoint",
                description = "AWS Lambda Invoke API endpoint for other trigger ARNs (SAM local, serverless-offline); "
                        + "default: AWS's own endpoint in the ARN's region.",
                defaultValue = "${env:TOBIRA_LAMBDA_ENDPOINT}")
        String lambdaEndpoint;

        @Option(names = "--trigger-classpath", split = ":", paramLabel = "PATH",
                description = "Jars and directories holding the --trigger-class classes, separated by ':'.",
                defaultValue = "${env:TOBIRA_TRIGGER_CLASSPATH}")
        List<Path> triggerClasspath;

        @Option(names = "--trigger-dir", split = ",", paramLabel = "FUNCTION=PATH[:HANDLER]",
                description = "Run the Lambda function FUNCTION from the folder PATH in a local Python (index.py) or "
                        + "Node.js (index.mjs, index.js) worker process; HANDLER as Lambda's (default index.handler); "
                        + "repeatable.",
                defaultValue = "${env:TOBIRA_TRIGGER_DIRS}")
        Map<String, String> triggerDirs;

        @Option(names = "--trigger-env", split = ",", paramLabel = "FUNCTION:KEY=VALUE",
                description = "An environment variable for the folder function FUNCTION; repeatable.",
                defaultValue = "${env:TOBIRA_TRIGGER_ENV}")
        List<String> triggerEnv;

        @Option(names = "--trigger-env-file", paramLabel = "PATH",
                description = "Environment variables for folder functions, lines FUNCTION:KEY=VALUE or KEY=VALUE "
                        + "(every function).",
                defaultValue = "${env:TOBIRA_TRIGGER_ENV_FILE}")
        String triggerEnvFile;

        @Option(names = "--aws-messaging", arity = "0..1", paramLabel = "true|false",
                description = "Accept SES (SendEmail, SendRawEmail, v2 SendEmail) and SNS (Publish to a phone number) "
                        + "calls on this port into the outbox (default: on with dev; off with start, where only calls "
                        + "signed with the admin credentials are accepted).",
                defaultValue = "${env:TOBIRA_AWS_MESSAGING}")
        Boolean awsMessaging;

        @Option(names = "--prometheus", arity = "0..1", paramLabel = "true|false",
                description = "Serve metrics at /actuator/prometheus on this port, without authentication (default: on "
                        + "with dev, off with start: expose it only where the port is not public).",
                defaultValue = "${env:TOBIRA_PROMETHEUS}")
        Boolean prometheus;

        @Option(names = "--log-format", paramLabel = "text|json|ecs|logstash",
                description = "Console log format: text (default), or one JSON object a line (json = ecs, or logstash).",
                defaultValue = "${env:TOBIRA_LOG_FORMAT:-text}")
        String logFormat;

        @Option(names = "--crypto-provider", paramLabel = "jdk|accp|auto",
                description = "Who signs tokens and hashes: accp (the native Amazon Corretto Crypto Provider; refuse to "
                        + "start without it), jdk, or auto (default: accp where it loads, else the JDK).",
                defaultValue = "${env:TOBIRA_CRYPTO_PROVIDER:-auto}")
        String cryptoProvider;

        /** The crypto provider choice, or empty after saying on stderr what is wrong. */
        Optional<CryptoProviders.Choice> validCryptoProvider() {
            try {
                return Optional.of(CryptoProviders.Choice.parse(cryptoProvider));
            } catch (IllegalArgumentException e) {
                System.err.println("tobira: cannot start: " + e.getMessage());
                return Optional.empty();
            }
        }

        /** Metrics and log format, {@code dev}'s defaults where not given, or empty after saying on stderr what is wrong. */
        Optional<Settings.Observability> validObservability(boolean dev) {
            try {
                return Optional.of(new Settings.Observability(prometheus == null ? dev : prometheus,
                        Settings.LogFormat.parse(logFormat == null ? "" : logFormat)));
            } catch (IllegalArgumentException e) {
                System.err.println("tobira: cannot start: " + e.getMessage());
                return Optional.empty();
            }
        }

        /** The limits, or empty after saying on stderr which setting is out of range. */
        Optional<Limits> validLimits() {
            try {
                return Optional.of(limits());
            } catch (IllegalArgumentException e) {
                System.err.println("tobira: invalid code setting: " + e.getMessage());
                return Optional.empty();
            }
        }

        /** The trigger settings, or empty after saying on stderr what is wrong with them. */
        Optional<Settings.Triggers> validTriggers() {
            try {
                Map<String, Settings.FunctionFolder> folders = new LinkedHashMap<>();
                if (triggerDirs != null) {
                    triggerDirs.forEach((name, dir) -> folders.put(name, Settings.FunctionFolder.parse(dir)));
                }
                TriggerEnvironment env = TriggerEnvironment.parse(triggerEnv == null ? List.of() : triggerEnv,
                        given(triggerEnvFile).map(Path::of));
                Settings.Triggers triggers = new Settings.Triggers(triggerClasses == null ? Map.of() : triggerClasses,
                        triggerClasspath == null ? List.of() : triggerClasspath, given(lambdaEndpoint), folders,
                        env.shared(), env.perFunction());
                List<String> problems = FolderFunctions.problems(triggers);
                problems.forEach(p -> System.err.println("tobira: cannot start: " + p));
                return problems.isEmpty() ? Optional.of(triggers) : Optional.empty();
            } catch (IllegalArgumentException e) {
                System.err.println("tobira: cannot start: " + e.getMessage());
                return Optional.empty();
            }
        }

        Settings.Delivery delivery() {
            int port = smtpPort != null ? smtpPort : smtpSecurity == Settings.SmtpSecurity.TLS ? 465 : 587;
            return new Settings.Delivery(given(smtpHost), port, smtpSecurity, given(smtpUsername), given(smtpPassword),
                    given(mailFrom), given(sesRegion), given(sesEndpoint), given(snsRegion), given(snsEndpoint));
        }
    }

    private static int refuse(String refusal, List<String> missing, String advice) {
        System.err.println(refusal + ". Missing settings: " + String.join(", ", missing)
                + ". Set them as environment variables (see README, Configuration)" + advice + ".");
        return 2;
    }

    @Command(name = "dev", mixinStandardHelpOptions = true,
            description = "Dev mode: a ready dev pool and client, the dev outbox, any well-formed credentials.")
    static final class Dev extends Common implements Callable<Integer> {
        private static final boolean DEV = true;
        private final Launcher launcher;

        @Option(names = "--data-dir", description = "Where the embedded database lives (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:TOBIRA_DATA_DIR:-.tobira}")
        Path dataDir;

        @Option(names = "--in-memory", description = "Keep nothing: an in-memory database.")
        boolean inMemory;

        Dev(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            Optional<Limits> valid = validLimits();
            Optional<Settings.ApiRateLimits> rateLimits = validRateLimits(Settings.ApiRateLimits.OFF);
            Optional<Settings.Triggers> triggers = validTriggers();
            Optional<Settings.Observability> observability = validObservability(DEV);
            Optional<CryptoProviders.Choice> crypto = validCryptoProvider();
            if (valid.isEmpty() || rateLimits.isEmpty() || triggers.isEmpty() || observability.isEmpty()
                    || crypto.isEmpty()) {
                return 2;
            }
            Limits limits = valid.get();
            Settings settings = new Settings(true, host == null ? "127.0.0.1" : host, port, dataDir, inMemory,
                    Optional.ofNullable(dbUrl), Optional.ofNullable(dbUser), Optional.ofNullable(dbPassword),
                    issuerUrl == null ? "http://localhost:" + port : issuerUrl, Optional.empty(), Optional.empty(),
                    region, accountId, maxBodyBytes, behindProxy, rateLimits.get(), limits, delivery(), triggers.get())
                    .withAwsMessaging(awsMessaging == null || awsMessaging)
                    .withObservability(observability.get())
                    .withCryptoProvider(crypto.get());
            List<String> missing = settings.delivery().missing();
            if (!missing.isEmpty()) {
                return refuse("tobira dev: cannot start", missing, "");
            }
            launcher.launch(settings);
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Production mode: needs TOBIRA_DB_URL, TOBIRA_ISSUER_URL, TOBIRA_ADMIN_ACCESS_KEY_ID "
                    + "and TOBIRA_ADMIN_SECRET_ACCESS_KEY.")
    static final class Start extends Common implements Callable<Integer> {
        private static final boolean DEV = false;
        private final Launcher launcher;

        @Option(names = "--admin-access-key-id", defaultValue = "${env:TOBIRA_ADMIN_ACCESS_KEY_ID}")
        String adminAccessKeyId;

        @Option(names = "--admin-secret-access-key", defaultValue = "${env:TOBIRA_ADMIN_SECRET_ACCESS_KEY}")
        String adminSecretAccessKey;

        Start(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            Optional<Limits> valid = validLimits();
            Optional<Settings.ApiRateLimits> rateLimits = validRateLimits(Settings.ApiRateLimits.PRODUCTION);
            Optional<Settings.Triggers> triggers = validTriggers();
            Optional<Settings.Observability> observability = validObservability(DEV);
            Optional<CryptoProviders.Choice> crypto = validCryptoProvider();
            if (valid.isEmpty() || rateLimits.isEmpty() || triggers.isEmpty() || observability.isEmpty()
                    || crypto.isEmpty()) {
                return 2;
            }
            Limits limits = valid.get();
            Settings settings = new Settings(false, host == null ? "0.0.0.0" : host, port, Path.of("."), false,
                    Optional.ofNullable(dbUrl), Optional.ofNullable(dbUser), Optional.ofNullable(dbPassword),
                    issuerUrl == null ? "" : issuerUrl, Optional.ofNullable(adminAccessKeyId),
                    Optional.ofNullable(adminSecretAccessKey), region, accountId, maxBodyBytes, behindProxy,
                    rateLimits.get(), limits, delivery(), triggers.get())
                    .withAwsMessaging(awsMessaging != null && awsMessaging)
                    .withObservability(observability.get())
                    .withCryptoProvider(crypto.get());
            List<String> missing = settings.missingForProduction();
            if (!missing.isEmpty()) {
                return refuse("tobira start: cannot start in production mode", missing, ", or use 'tobira dev'");
            }
            launcher.launch(settings);
            return 0;
        }
    }
}
