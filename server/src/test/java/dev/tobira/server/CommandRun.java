package dev.tobira.server;

import dev.tobira.server.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the command line with a launcher that only records the settings it was given.
 *
 * @param code the exit code
 * @param settings what would have been launched, or null when the command refused to start
 * @param err what the command printed on standard error
 */
record CommandRun(int code, Settings settings, String err) {

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
