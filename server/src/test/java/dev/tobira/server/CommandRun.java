package dev.tobira.server;

import dev.tobira.server.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the command line with a launcher that only records the settings it was given.
 *
 * @param code the exit code
 * @param settings what would have been launched, or null when the command refused to start
 * @param err what the command printed on standard error
 */
record CommandRun(int code, Settings settings, String err) {

    /** The settings production mode needs, so that a {@code start} can get past its refusal. */
    private static final String[] PRODUCTION = {"--db-url", "jdbc:h2:mem:x", "--issuer-url", "https://id.example.com",
        "--admin-access-key-id", "AKID", "--admin-secret-access-key", "secret"};

    /** {@code tobira dev --in-memory OPTIONS}. */
    static CommandRun dev(String... options) {
        return of(concat(new String[] {"dev", "--in-memory"}, options));
    }

    /** {@code tobira start} with the settings production mode needs, then {@code OPTIONS}. */
    static CommandRun start(String... options) {
        return of(concat(concat(new String[] {"start"}, PRODUCTION), options));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    static CommandRun of(String... args) {
        AtomicReference<Settings> launched = new AtomicReference<>();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = TobiraCommand.run(launched::set, args);
            return new CommandRun(code, launched.get(), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
