package dev.tobira.core.session;

import dev.tobira.core.Ids;
import dev.tobira.core.srp.SrpGroup;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Makes session strings and finds their stored sessions by hash. */
public final class Sessions {

    private static final int BYTES = 48;
    private static final String PREFIX = "T";

    private final AuthSessionStore store;
    private final RandomGenerator random;

    public Sessions(AuthSessionStore store, RandomGenerator random) {
        this.store = store;
        this.random = random;
    }

    /**
     * Stores {@code session} and returns the string the client will send back: {@value #PREFIX} and
     * 64 URL-safe characters. The prefix keeps a value from starting with {@code -}, which the AWS CLI
     * would take for an option in {@code --session VALUE}.
     */
    public String open(AuthSession session) {
        String value = Ids.opaque(PREFIX, BYTES, random);
        store.create(hash(value), session);
        return value;
    }

    public Optional<AuthSession> find(String value) {
        return store.find(hash(value));
    }

    public Optional<AuthSession> consume(String value) {
        return store.consume(hash(value));
    }

    /**
     * Puts {@code session} in place of the one {@code value} names, which the client keeps using;
     * false, and nothing stored, when that one was gone (spent by a racing call).
     */
    public boolean replace(String value, AuthSession session) {
        if (store.consume(hash(value)).isEmpty()) {
            return false;
        }
        store.create(hash(value), session);
        return true;
    }

    private static String hash(String value) {
        return HexFormat.of().formatHex(SrpGroup.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }
}
