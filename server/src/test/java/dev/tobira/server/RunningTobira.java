package dev.tobira.server;

import dev.tobira.core.Limits;
import dev.tobira.server.config.Settings;
import dev.tobira.server.store.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** A Tobira server started in this JVM on a free loopback port, for tests; close it to stop it. */
public final class RunningTobira implements AutoCloseable {

    public static final String ADMIN_KEY_ID = "AKIDTOBIRATEST";
    public static final String ADMIN_SECRET = "tobira-test-secret-access-key";

    /** Cognito's limits, but no resend cooldown, so that tests may resend at once (the cooldown has its own test). */
    public static final Limits TEST_LIMITS = new Limits(6, java.time.Duration.ofHours(24), 5, java.time.Duration.ZERO,
            dev.tobira.core.trigger.EmailOtpSettings.DEFAULT);

    private final ConfigurableApplicationContext context;
    private final Settings settings;

    private RunningTobira(Settings settings) {
        this(settings, TobiraApplication.systemClock());
    }

    private RunningTobira(Settings settings, java.time.Clock clock) {
        this.settings = settings;
        this.context = TobiraApplication.start(settings, clock);
    }

    /** Dev mode with an in-memory database. */
    public static RunningTobira devInMemory() {
        return devInMemory(Settings.Delivery.none());
    }

    /** Dev mode with an in-memory database, and the given mail and SMS transports besides the dev outbox. */
    public static RunningTobira devInMemory(Settings.Delivery delivery) {
        return new RunningTobira(dev(Path.of("unused"), true, delivery));
    }

    /** Dev mode with an in-memory database, running Lambda triggers as {@code triggers} says. */
    public static RunningTobira devInMemory(Settings.Triggers triggers) {
        return new RunningTobira(devInMemory(TEST_LIMITS, triggers));
    }

    /** Dev mode with an in-memory database, {@code delivery}'s transports besides the outbox, and {@code triggers}. */
    public static RunningTobira devInMemory(Settings.Delivery delivery, Settings.Triggers triggers) {
        Settings s = devInMemory(TEST_LIMITS, triggers);
        return new RunningTobira(new Settings(s.dev(), s.host(), s.port(), s.dataDir(), s.inMemory(), s.dbUrl(),
                s.dbUser(), s.dbPassword(), s.issuerUrl(), s.adminAccessKeyId(), s.adminSecretAccessKey(), s.region(),
                s.accountId(), s.maxBodyBytes(), s.behindProxy(), s.apiRateLimits(), s.limits(), delivery,
                s.triggers()));
    }

    /** Dev mode with an in-memory database whose time is {@code clock}'s, as {@link #devInMemory(Settings.Triggers)}. */
    public static RunningTobira devInMemory(Settings.Triggers triggers, AdjustableClock clock) {
        return new RunningTobira(devInMemory(TEST_LIMITS, triggers), clock);
    }

    /** Dev mode with an in-memory database and the given code limits (e.g. a short code validity). */
    public static RunningTobira devInMemory(Limits limits) {
        return new RunningTobira(devInMemory(limits, Settings.Triggers.none()));
    }

    /** Dev mode with an in-memory database, the given code limits, and time told by {@code clock}. */
    public static RunningTobira devInMemory(Limits limits, AdjustableClock clock) {
        return new RunningTobira(devInMemory(limits, Settings.Triggers.none()), clock);
    }

    private static Settings devInMemory(Limits limits, Settings.Triggers triggers) {
        Settings s = dev(Path.of("unused"), true, Settings.Delivery.none());
        return new Settings(s.dev(), s.host(), s.port(), s.dataDir(), s.inMemory(), s.dbUrl(), s.dbUser(),
                s.dbPassword(), s.issuerUrl(), s.adminAccessKeyId(), s.adminSecretAccessKey(), s.region(),
                s.accountId(), s.maxBodyBytes(), s.behindProxy(), s.apiRateLimits(), limits, s.delivery(), triggers);
    }

    /** Dev mode keeping its H2 database in {@code dataDir}. */
    public static RunningTobira dev(Path dataDir) {
        return new RunningTobira(dev(dataDir, false, Settings.Delivery.none()));
    }

    /** Production mode on an H2 file database in {@code dataDir}, admin calls signed with the test key. */
    public static RunningTobira production(Path dataDir) {
        return production(dataDir, Settings.Delivery.none());
    }

    /** Production mode on an H2 file database in {@code dataDir}, with the given mail and SMS transports. */
    public static RunningTobira production(Path dataDir, Settings.Delivery delivery) {
        return production(JdbcStores.h2Url(dataDir), Optional.empty(), delivery);
    }

    /** Production mode as {@link #production(Path, Settings.Delivery)}, with the SES and SNS side doors on. */
    public static RunningTobira productionWithAwsMessaging(Path dataDir, Settings.Delivery delivery) {
        return new RunningTobira(productionSettings(JdbcStores.h2Url(dataDir), Optional.empty(), delivery,
                Settings.ApiRateLimits.PRODUCTION, false).withAwsMessaging(true));
    }

    /** Production mode on an H2 file database in {@code dataDir}, with the given metrics and log format. */
    public static RunningTobira production(Path dataDir, Settings.Observability observability) {
        return new RunningTobira(productionSettings(JdbcStores.h2Url(dataDir), Optional.empty(),
                Settings.Delivery.none(), Settings.ApiRateLimits.PRODUCTION, false).withObservability(observability));
    }

    /** Production mode on the database at {@code jdbcUrl}, admin calls signed with the test key. */
    public static RunningTobira production(String jdbcUrl, Optional<String> dbUser) {
        return production(jdbcUrl, dbUser, Settings.Delivery.none());
    }

    /**
     * Production mode on the database at {@code jdbcUrl} with the given transports and API rate limits,
     * taking client addresses from {@code X-Forwarded-For} when {@code behindProxy} (the test, on
     * 127.0.0.1, is then the proxy).
     */
    public static RunningTobira production(String jdbcUrl, Optional<String> dbUser, Settings.Delivery delivery,
            Settings.ApiRateLimits rateLimits, boolean behindProxy) {
        return new RunningTobira(productionSettings(jdbcUrl, dbUser, delivery, rateLimits, behindProxy));
    }

    /** Production mode with production's default API rate limits, client addresses from the connection. */
    private static RunningTobira production(String jdbcUrl, Optional<String> dbUser, Settings.Delivery delivery) {
        return new RunningTobira(productionSettings(jdbcUrl, dbUser, delivery, Settings.ApiRateLimits.PRODUCTION, false));
    }

    private static Settings productionSettings(String jdbcUrl, Optional<String> dbUser, Settings.Delivery delivery,
            Settings.ApiRateLimits rateLimits, boolean behindProxy) {
        int port = freePort();
        return new Settings(false, "127.0.0.1", port, Path.of("."), false, Optional.of(jdbcUrl), dbUser,
                Optional.empty(), "http://127.0.0.1:" + port, Optional.of(ADMIN_KEY_ID), Optional.of(ADMIN_SECRET),
                "us-east-1", "000000000000", Settings.DEFAULT_MAX_BODY_BYTES, behindProxy, rateLimits, TEST_LIMITS,
                delivery, Settings.Triggers.none());
    }

    private static Settings dev(Path dataDir, boolean inMemory, Settings.Delivery delivery) {
        int port = freePort();
        return new Settings(true, "127.0.0.1", port, dataDir, inMemory, Optional.empty(), Optional.empty(),
                Optional.empty(), "http://127.0.0.1:" + port, Optional.empty(), Optional.empty(), "us-east-1",
                "000000000000", Settings.DEFAULT_MAX_BODY_BYTES, false, Settings.ApiRateLimits.OFF, TEST_LIMITS, delivery,
                Settings.Triggers.none());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + settings.port();
    }

    public Settings settings() {
        return settings;
    }

    /** The server's bean of {@code type}, such as its {@code TokenIssuer}. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** An SDK v2 client pointed at this server with the given credentials. */
    public CognitoIdentityProviderClient client(String keyId, String secret) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * An SDK v2 client as an app's users run it: no credentials (the calls Cognito leaves unsigned),
     * retries off, so that each call is one request; every call carries {@code X-Forwarded-For:
     * forwardedFor}, which a server {@code --behind-proxy} takes for the client's address.
     */
    public CognitoIdentityProviderClient publicClient(String forwardedFor) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .putHeader("X-Forwarded-For", forwardedFor))
                .build();
    }

    /** An SDK v2 client with the production test credentials (any credentials work in dev mode). */
    public CognitoIdentityProviderClient client() {
        return client(ADMIN_KEY_ID, ADMIN_SECRET);
    }

    @Override
    public void close() {
        context.close();
    }
}
