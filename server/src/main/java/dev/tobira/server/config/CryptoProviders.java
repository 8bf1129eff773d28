package dev.tobira.server.config;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which JCA provider does the server's cryptography: the Amazon Corretto Crypto Provider (ACCP, native
 * AWS-LC code) or the JDK's own providers.
 *
 * <p>ACCP, once installed, is the first provider, so it serves every algorithm it has: {@code SHA256withRSA}
 * signing and verification of tokens (several times faster than the JDK's; docs/benchmarks.md), {@code SHA-256},
 * {@code HmacSHA256}, RSA key generation and {@code new SecureRandom()}. Algorithms it lacks (HKDF through
 * {@code javax.crypto.KDF}, SRP's {@code BigInteger} arithmetic) stay with the JDK. ACCP ships a native
 * library for linux-x86_64 only here; elsewhere, or when its self-tests fail, {@link Choice#AUTO} falls back to
 * the JDK.
 *
 * <p>The choice is process-wide ({@link Security}'s provider list), made once at start before any key is used;
 * the server logs {@link Installed#describe}, one line naming the provider that signs tokens.
 */
public final class CryptoProviders {

    /** The JCA name of the Amazon Corretto Crypto Provider. */
    public static final String ACCP_NAME = "AmazonCorrettoCryptoProvider";

    /** The signature algorithm of every token (RS256). */
    static final String TOKEN_SIGNATURE = "SHA256withRSA";

    private CryptoProviders() {}

    /** {@code --crypto-provider} / {@code TOBIRA_CRYPTO_PROVIDER}. */
    public enum Choice {
        /** The JDK's providers only. */
        JDK,
        /** The Amazon Corretto Crypto Provider first; the server refuses to start when it cannot load. */
        ACCP,
        /** The Amazon Corretto Crypto Provider when it loads and passes its self-tests, else the JDK's (default). */
        AUTO;

        /** {@code jdk}, {@code accp} or {@code auto}, in any case; blank is {@code auto}. */
        public static Choice parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
                case "", "auto" -> AUTO;
                case "jdk" -> JDK;
                case "accp" -> ACCP;
                default -> throw new IllegalArgumentException("--crypto-provider must be jdk, accp or auto, not " + text);
            };
        }
    }

    /**
     * The outcome of {@link #install}: the provider that signs tokens ({@code SHA256withRSA}), and why ACCP is not
     * used when it was wanted and could not load.
     */
    public record Installed(String tokenSigner, Optional<String> accpUnavailable) {

        /** The one line {@link #install} logs. */
        public String describe() {
            return "Tokens are signed (SHA256withRSA) by " + tokenSigner
                    + accpUnavailable.map(why -> "; the Amazon Corretto Crypto Provider is unavailable: " + why).orElse("");
        }
    }

    /**
     * Makes {@code choice} the process's providers (idempotent; {@link Choice#JDK} removes ACCP if an earlier call
     * installed it) and tells which provider signs tokens now.
     *
     * @throws IllegalStateException for {@link Choice#ACCP} when ACCP cannot load or fails its self-tests
     */
    public static Installed install(Choice choice) {
        return install(choice, CryptoProviders::loadAccp);
    }

    /** {@link #install(Choice)} with ACCP loaded by {@code accp}: a provider, or the reason there is none. */
    static synchronized Installed install(Choice choice, Supplier<Loaded> accp) {
        if (choice == Choice.JDK) {
            Security.removeProvider(ACCP_NAME);
            return new Installed(tokenSigner(), Optional.empty());
        }
        Loaded loaded = accp.get();
        if (loaded.provider().isEmpty()) {
            if (choice == Choice.ACCP) {
                throw new IllegalStateException("--crypto-provider accp: the Amazon Corretto Crypto Provider "
                        + "cannot be used: " + loaded.problem());
            }
            Security.removeProvider(ACCP_NAME);
            return new Installed(tokenSigner(), Optional.of(loaded.problem()));
        }
        Provider provider = loaded.provider().get();
        if (Security.getProviders()[0] != provider) {
            Security.removeProvider(provider.getName());
            Security.insertProviderAt(provider, 1);
        }
        return new Installed(tokenSigner(), Optional.empty());
    }

    /** ACCP, or why it cannot be used. */
    record Loaded(Optional<Provider> provider, String problem) {}

    private static Loaded loadAccp() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable loadingError = accp.getLoadingError();
            if (loadingError != null) {
                return new Loaded(Optional.empty(), String.valueOf(loadingError.getMessage()));
            }
            // Runs the self-tests once (each algorithm's known answers); throws if the native code misbehaves.
            accp.assertHealthy();
            return new Loaded(Optional.of(accp), "");
        } catch (RuntimeException | LinkageError e) {
            return new Loaded(Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The name and version of the provider {@code Signature.getInstance("SHA256withRSA")} picks now. */
    private static String tokenSigner() {
        try {
            Provider provider = Signature.getInstance(TOKEN_SIGNATURE).getProvider();
            return provider.getName() + " " + provider.getVersionStr();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }
}
