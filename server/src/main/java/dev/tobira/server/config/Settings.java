package dev.tobira.server.config;

import dev.tobira.core.Limits;
import dev.tobira.server.store.JdbcStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a Tobira process is configured with, resolved once at start from the command line and
 * the environment ({@link dev.tobira.server.TobiraCommand}).
 *
 * @param dev dev mode: a ready-made pool and client, the dev outbox, any well-formed credentials
 * @param dbUrl a JDBC URL; empty means the embedded H2 file database under {@code dataDir} (dev only)
 * @param issuerUrl public base URL of this server, the prefix of tokens' {@code iss}
 * @param behindProxy take the client address from {@code X-Forwarded-For} set by a proxy on a private or
 *     loopback address (a load balancer, or {@code tobira web}) rather than from the connection
 * @param apiRateLimits how often the API's sign-up, code and sign-in calls may come; see {@link ApiRateLimits}
 * @param limits code lengths, validities, attempt limits and cooldowns
 * @param delivery how email and SMS leave the server (SMTP, SES, SNS); see {@link Delivery}
 * @param triggers how pools' Lambda triggers run; see {@link Triggers}
 * @param awsMessaging accept SES ({@code SendEmail}, {@code SendRawEmail}, SES v2 {@code SendEmail}) and SNS
 *     ({@code Publish} to a phone number) calls on the API port into the outbox: on by default in dev mode;
 *     in production off unless set, and then only for calls signed with the admin credentials
 * @param observability metrics and log format; see {@link Observability}
 * @param cryptoProvider which JCA provider signs tokens (and does SHA-256, HMAC, random numbers): the Amazon
 *     Corretto Crypto Provider, the JDK's, or the first when it loads ({@link CryptoProviders.Choice#AUTO})
 */
public record Settings(
        boolean dev,
        String host,
        int port,
        Path dataDir,
        boolean inMemory,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        String issuerUrl,
        Optional<String> adminAccessKeyId,
        Optional<String> adminSecretAccessKey,
        String region,
        String accountId,
        int maxBodyBytes,
        boolean behindProxy,
        ApiRateLimits apiRateLimits,
        Limits limits,
        Delivery delivery,
        Triggers triggers,
        boolean awsMessaging,
        Observability observability,
        CryptoProviders.Choice cryptoProvider) {

    /** Settings with the crypto provider chosen automatically ({@link CryptoProviders.Choice#AUTO}). */
    public Settings(boolean dev, String host, int port, Path dataDir, boolean inMemory, Optional<String> dbUrl,
            Optional<String> dbUser, Optional<String> dbPassword, String issuerUrl, Optional<String> adminAccessKeyId,
            Optional<String> adminSecretAccessKey, String region, String accountId, int maxBodyBytes,
            boolean behindProxy, ApiRateLimits apiRateLimits, Limits limits, Delivery delivery, Triggers triggers,
            boolean awsMessaging, Observability observability) {
        this(dev, host, port, dataDir, inMemory, dbUrl, dbUser, dbPassword, issuerUrl, adminAccessKeyId,
                adminSecretAccessKey, region, accountId, maxBodyBytes, behindProxy, apiRateLimits, limits, delivery,
                triggers, awsMessaging, observability, CryptoProviders.Choice.AUTO);
    }

    /** Settings with each mode's default metrics and plain-text logs ({@link Observability#defaults}). */
    public Settings(boolean dev, String host, int port, Path dataDir, boolean inMemory, Optional<String> dbUrl,
            Optional<String> dbUser, Optional<String> dbPassword, String issuerUrl, Optional<String> adminAccessKeyId,
            Optional<String> adminSecretAccessKey, String region, String accountId, int maxBodyBytes,
            boolean behindProxy, ApiRateLimits apiRateLimits, Limits limits, Delivery delivery, Triggers triggers,
            boolean awsMessaging) {
        this(dev, host, port, dataDir, inMemory, dbUrl, dbUser, dbPassword, issuerUrl, adminAccessKeyId,
                adminSecretAccessKey, region, accountId, maxBodyBytes, behindProxy, apiRateLimits, limits, delivery,
                triggers, awsMessaging, Observability.defaults(dev));
    }

    /** Settings with the SES and SNS side doors as each mode has them by default: on in dev, off in production. */
    public Settings(boolean dev, String host, int port, Path dataDir, boolean inMemory, Optional<String> dbUrl,
            Optional<String> dbUser, Optional<String> dbPassword, String issuerUrl, Optional<String> adminAccessKeyId,
            Optional<String> adminSecretAccessKey, String region, String accountId, int maxBodyBytes,
            boolean behindProxy, ApiRateLimits apiRateLimits, Limits limits, Delivery delivery, Triggers triggers) {
        this(dev, host, port, dataDir, inMemory, dbUrl, dbUser, dbPassword, issuerUrl, adminAccessKeyId,
                adminSecretAccessKey, region, accountId, maxBodyBytes, behindProxy, apiRateLimits, limits, delivery,
                triggers, dev);
    }

    /** These settings with the SES and SNS side doors on or off. */
    public Settings withAwsMessaging(boolean on) {
        return new Settings(dev, host, port, dataDir, inMemory, dbUrl, dbUser, dbPassword, issuerUrl, adminAccessKeyId,
                adminSecretAccessKey, region, accountId, maxBodyBytes, behindProxy, apiRateLimits, limits, delivery,
                triggers, on, observability, cryptoProvider);
    }

    /** These settings with {@code observability}'s metrics and log format. */
    public Settings withObservability(Observability observability) {
        return new Settings(dev, host, port, dataDir, inMemory, dbUrl, dbUser, dbPassword, issuerUrl, adminAccessKeyId,
                adminSecretAccessKey, region, accountId, maxBodyBytes, behindProxy, apiRateLimits, limits, delivery,
                triggers, awsMessaging, observability, cryptoProvider);
    }

    /** These settings with {@code cryptoProvider} signing tokens. */
    public Settings withCryptoProvider(CryptoProviders.Choice cryptoProvider) {
        return new Settings(dev, host, port, dataDir, inMemory, dbUrl, dbUser, dbPassword, issuerUrl, adminAccessKeyId,
                adminSecretAccessKey, region, accountId, maxBodyBytes, behindProxy, apiRateLimits, limits, delivery,
                triggers, awsMessaging, observability, cryptoProvider);
    }

    /** How the console log is written. */
    public enum LogFormat {
        /** Spring Boot's plain-text lines. */
        TEXT,
        /** One JSON object a line in Elastic Common Schema ({@code ecs}); what {@code json} means. */
        ECS,
        /** One JSON object a line in Logstash's format. */
        LOGSTASH;

        /** {@code text}, {@code json} (= {@code ecs}), {@code ecs} or {@code logstash}, in any case. */
        public static LogFormat parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "text", "" -> TEXT;
                case "json", "ecs" -> ECS;
                case "logstash" -> LOGSTASH;
                default -> throw new IllegalArgumentException("--log-format must be text, json, ecs or logstash, not "
                        + text);
            };
        }
    }

    /**
     * Metrics and logs.
     *
     * @param prometheus serve the metrics at {@code /actuator/prometheus} on the API port, without
     *     authentication: on by default in dev mode; in production off unless set, because that port is the
     *     public one (a scraper reaches it on the node's own address, bypassing the load balancer)
     * @param logFormat plain text, or structured JSON lines
     */
    public record Observability(boolean prometheus, LogFormat logFormat) {

        /** Each mode's defaults: Prometheus on in dev, off in production; plain-text logs. */
        public static Observability defaults(boolean dev) {
            return new Observability(dev, LogFormat.TEXT);
        }
    }

    /** The largest request body accepted: ample for the largest CreateUserPool, small enough to refuse abuse. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /**
     * Limits on the Cognito API calls that sign up, send codes, or check codes or passwords
     * ({@link dev.tobira.server.ratelimit.ApiRateLimiter} lists them), counted in the database so
     * that every node shares them. A call over a limit is answered {@code TooManyRequestsException}
     * and changes nothing.
     *
     * @param perAddressPerMinute such calls from one client address in any sixty seconds; 0: no limit
     * @param perUsernamePerMinute such calls naming one username of one user pool; 0: no limit
     */
    public record ApiRateLimits(int perAddressPerMinute, int perUsernamePerMinute) {

        /**
         * Production's defaults. 300 a minute from one address leaves room for an office or a mobile
         * network behind one NAT address (a sign-in is two to four calls) while holding one machine to
         * five guesses a second; 30 naming one user is a dozen sign-ins a minute, far more than a
         * person mistyping makes, and the password lockout stops guessing long before.
         */
        public static final ApiRateLimits PRODUCTION = new ApiRateLimits(300, 30);

        /** No limits: dev mode's default, where one address is every tester and every test suite. */
        public static final ApiRateLimits OFF = new ApiRateLimits(0, 0);

        public ApiRateLimits {
            if (perAddressPerMinute < 0) {
                throw new IllegalArgumentException("--api-rate-limit-per-address must be 0 (no limit) or more, not "
                        + perAddressPerMinute);
            }
            if (perUsernamePerMinute < 0) {
                throw new IllegalArgumentException("--api-rate-limit-per-username must be 0 (no limit) or more, not "
                        + perUsernamePerMinute);
            }
        }

        /** As the server says at start, e.g. "300 calls a minute per client address, 30 per username". */
        @Override
        public String toString() {
            if (perAddressPerMinute == 0 && perUsernamePerMinute == 0) {
                return "off";
            }
            return (perAddressPerMinute == 0 ? "no limit" : perAddressPerMinute + " calls a minute")
                    + " per client address, " + (perUsernamePerMinute == 0 ? "no limit" : perUsernamePerMinute)
                    + " per username";
        }
    }

    /** How an SMTP connection is protected. */
    public enum SmtpSecurity {
        /** STARTTLS on a plain connection, required: the server must offer it (port 587). */
        STARTTLS,
        /** TLS from the first byte, "SMTPS" (port 465). */
        TLS,
        /** No encryption: only for a relay on the same host or a local test server such as Mailpit. */
        NONE
    }

    /**
     * The mail and SMS transports. Email goes by SMTP when {@code smtpHost} is set, else by Amazon SES
     * when {@code sesRegion} is set; SMS goes by Amazon SNS when {@code snsRegion} is set. A channel
     * with none of them cannot be sent to (the server refuses such messages up front), except in dev
     * mode, where every message also goes to the dev outbox.
     *
     * @param smtpPort the SMTP port; 587, or 465 for {@link SmtpSecurity#TLS}, unless given
     * @param mailFrom the From address of every email ({@code no-reply@example.com} or
     *     {@code Example <no-reply@example.com>}); needed by SMTP and SES
     * @param sesEndpoint an endpoint URL replacing SES's own (an SES-compatible service, tests)
     * @param snsEndpoint an endpoint URL replacing SNS's own
     */
    public record Delivery(
            Optional<String> smtpHost,
            int smtpPort,
            SmtpSecurity smtpSecurity,
            Optional<String> smtpUsername,
            Optional<String> smtpPassword,
            Optional<String> mailFrom,
            Optional<String> sesRegion,
            Optional<String> sesEndpoint,
            Optional<String> snsRegion,
            Optional<String> snsEndpoint) {

        /** No transport at all. */
        public static Delivery none() {
            return new Delivery(Optional.empty(), 587, SmtpSecurity.STARTTLS, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Plain SMTP to {@code host:port}, no authentication, mail from {@code from}: for local relays and tests. */
        public static Delivery smtp(String host, int port, SmtpSecurity security, String from) {
            return new Delivery(Optional.of(host), port, security, Optional.empty(), Optional.empty(),
                    Optional.of(from), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Whether email goes out by SMTP. */
        public boolean usesSmtp() {
            return smtpHost.isPresent();
        }

        /** Whether email goes out by Amazon SES: when SES is configured and SMTP is not. */
        public boolean usesSes() {
            return smtpHost.isEmpty() && sesRegion.isPresent();
        }

        /** Whether SMS goes out by Amazon SNS. */
        public boolean usesSns() {
            return snsRegion.isPresent();
        }

        /** The settings the configured transports need and do not have, by environment variable name. */
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            if ((usesSmtp() || usesSes()) && mailFrom.isEmpty()) {
                missing.add("TOBIRA_MAIL_FROM");
            }
            if (usesSmtp() && smtpUsername.isPresent() && smtpPassword.isEmpty()) {
                missing.add("TOBIRA_SMTP_PASSWORD");
            }
            return missing;
        }

        /** Names the configured transports and never shows the SMTP password. */
        @Override
        public String toString() {
            return "Delivery[smtpHost=" + smtpHost.orElse("-") + ", smtpPort=" + smtpPort + ", smtpSecurity="
                    + smtpSecurity + ", smtpUsername=" + smtpUsername.orElse("-") + ", smtpPassword="
                    + (smtpPassword.isPresent() ? "***" : "-") + ", mailFrom=" + mailFrom.orElse("-") + ", sesRegion="
                    + sesRegion.orElse("-") + ", sesEndpoint=" + sesEndpoint.orElse("-") + ", snsRegion="
                    + snsRegion.orElse("-") + ", snsEndpoint=" + snsEndpoint.orElse("-") + "]";
        }
    }

    /**
     * How a pool's Lambda trigger ARNs run (other than the built-in {@code tobira-email-otp}): a
     * function whose name is in {@code folders} runs its handler from that folder in a local Python or
     * Node.js worker process; one whose name is in {@code javaClasses} runs that class in this process;
     * any other through the AWS Lambda Invoke API at {@code lambdaEndpoint}, or at AWS's own endpoint
     * for the ARN's region when that is not set.
     *
     * @param javaClasses function name (the last part of the ARN, e.g. {@code my-define}) to the
     *     fully qualified name of a class implementing {@code RequestHandler} or {@code RequestStreamHandler}
     * @param classpath jars and directories that hold those classes, besides Tobira's own classpath
     * @param lambdaEndpoint e.g. {@code http://127.0.0.1:3001} for SAM local
     * @param folders function name to the folder holding its code ({@code --trigger-dir})
     * @param environment variables every folder function sees, besides those Tobira sets
     * @param functionEnvironment function name to the variables only that function sees; they win
     *     over {@code environment}
     */
    public record Triggers(Map<String, String> javaClasses, List<Path> classpath, Optional<String> lambdaEndpoint,
            Map<String, FunctionFolder> folders, Map<String, String> environment,
            Map<String, Map<String, String>> functionEnvironment) {

        public Triggers {
            javaClasses = Map.copyOf(javaClasses);
            classpath = List.copyOf(classpath);
            folders = Map.copyOf(folders);
            environment = Map.copyOf(environment);
            Map<String, Map<String, String>> copy = new java.util.HashMap<>();
            functionEnvironment.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            functionEnvironment = Map.copyOf(copy);
        }

        /** Java classes and the Invoke API only, no function folders. */
        public Triggers(Map<String, String> javaClasses, List<Path> classpath, Optional<String> lambdaEndpoint) {
            this(javaClasses, classpath, lambdaEndpoint, Map.of(), Map.of(), Map.of());
        }

        /** No Java classes, AWS's own Lambda endpoints. */
        public static Triggers none() {
            return new Triggers(Map.of(), List.of(), Optional.empty());
        }

        /** Names the user's variables but not their values: they may hold secrets. */
        @Override
        public String toString() {
            Map<String, java.util.Set<String>> keys = new java.util.TreeMap<>();
            functionEnvironment.forEach((k, v) -> keys.put(k, new java.util.TreeSet<>(v.keySet())));
            return "Triggers[javaClasses=" + javaClasses + ", classpath=" + classpath + ", lambdaEndpoint="
                    + lambdaEndpoint.orElse("-") + ", folders=" + folders + ", environment="
                    + new java.util.TreeSet<>(environment.keySet()) + ", functionEnvironment=" + keys + "]";
        }
    }

    /**
     * A trigger function's code in a folder, as {@code --trigger-dir NAME=PATH[:HANDLER]} gives it.
     *
     * @param dir the function's folder (Lambda's task root)
     * @param handler Lambda's handler string, {@code module.function} (e.g. {@code app.lambda_handler});
     *     empty means {@code index.handler}
     */
    public record FunctionFolder(Path dir, Optional<String> handler) {

        /**
         * Parses {@code PATH} or {@code PATH:module.function}: the text after the last {@code ':'} is a
         * handler when it holds a {@code '.'} and no {@code '/'} after it.
         */
        public static FunctionFolder parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon > 0) {
                String handler = text.substring(colon + 1);
                int dot = handler.lastIndexOf('.');
                if (dot > 0 && dot < handler.length() - 1 && handler.indexOf('/', dot) < 0) {
                    return new FunctionFolder(Path.of(text.substring(0, colon)), Optional.of(handler));
                }
            }
            return new FunctionFolder(Path.of(text), Optional.empty());
        }
    }

    /** The JDBC URL to connect to. */
    public String jdbcUrl() {
        if (inMemory) {
            // Named after the port, so that two servers in one JVM (tests) never share a database; it lives
            // while the connection pool holds connections to it, and is gone when the server stops.
            return JdbcStores.h2InMemoryUrl("tobira-" + port);
        }
        return dbUrl.orElseGet(() -> JdbcStores.h2Url(dataDir));
    }

    /** What production mode needs and is not set, by environment variable name; empty in dev mode. */
    public List<String> missingForProduction() {
        List<String> missing = new ArrayList<>();
        if (dev) {
            return missing;
        }
        if (dbUrl.isEmpty()) {
            missing.add("TOBIRA_DB_URL");
        }
        if (issuerUrl.isBlank()) {
            missing.add("TOBIRA_ISSUER_URL");
        }
        if (adminAccessKeyId.isEmpty()) {
            missing.add("TOBIRA_ADMIN_ACCESS_KEY_ID");
        }
        if (adminSecretAccessKey.isEmpty()) {
            missing.add("TOBIRA_ADMIN_SECRET_ACCESS_KEY");
        }
        missing.addAll(delivery.missing());
        return missing;
    }
}
