package dev.tobira.server.web;

import dev.tobira.core.Limits;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.server.RunningTobira;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the web tests share for the whole run, so that {@code ./mvnw verify} starts one Chromium and
 * one dev server for all of them: both live in the root store and are closed when the run ends.
 * The server has a 2-second resend cooldown, so the cooldown can be seen and waited out.
 */
final class WebTestResources implements BeforeAllCallback {

    /** The test limits with a resend cooldown short enough to wait for. */
    static final Limits LIMITS = new Limits(6, Duration.ofHours(24), 5, Duration.ofSeconds(2),
            EmailOtpSettings.DEFAULT);

    private ExtensionContext root;

    @Override
    public void beforeAll(ExtensionContext context) {
        root = context.getRoot();
    }

    RunningTobira server() {
        return root.getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent("tobira.web.server", key -> new Server(RunningTobira.devInMemory(LIMITS)),
                        Server.class).tobira();
    }

    Browser browser() {
        return root.getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent("tobira.web.browser", key -> new Browser(), Browser.class);
    }

    /** The shared server, closed with the store. */
    record Server(RunningTobira tobira) implements AutoCloseable {
        @Override
        public void close() {
            tobira.close();
        }
    }
}
